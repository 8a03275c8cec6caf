package org.muwclass.service.tap.adql;

import adql.db.DBChecker;
import adql.db.DBTable;
import adql.db.FunctionDef;
import adql.db.exception.UnresolvedFunctionException;
import adql.db.exception.UnresolvedIdentifiersException;
import adql.parser.ADQLParser;
import adql.parser.ADQLParserConstants;
import adql.parser.ParseException;
import adql.parser.Token;
import adql.query.ADQLQuery;
import adql.query.SelectItem;
import adql.query.TextPosition;
import adql.translator.JDBCTranslator;
import adql.translator.TranslationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.muwclass.service.db.SqlDialect;

/**
 * Parses an ADQL 2.0 query, checks every table and column against the published metadata and translates it to the
 * SQL of one database: {@link H2Translator} for H2, {@link MuwPgSphereTranslator} (VOLLT's PgSphereTranslator)
 * for PostgreSQL + pgSphere.
 * Not thread-safe state is created per call, so one compiler serves concurrent requests.
 *
 * <p>ADQL is a closed language here: only the ADQL 2.0 functions VOLLT parses itself, the geometry functions below and
 * the declared user-defined functions of {@link Udfs} are accepted, so any other {@code name(args)} (CSVWRITE, FILE_READ,
 * pg_sleep, set_config ...) is an error naming the function; it never reaches the database. One statement only: text
 * after a terminating ';' is an error.
 */
public final class AdqlCompiler {

    /** The ADQL geometry functions this service runs on both databases (TAPRegExt features-adqlgeo). */
    public static final List<String> GEOMETRY_FUNCTIONS = List.of("POINT", "CIRCLE", "BOX", "CONTAINS", "INTERSECTS",
            "DISTANCE", "COORD1", "COORD2", "COORDSYS");

    /**
     * User-defined functions declared in TAPRegExt ({@link Udfs}): an explicit list (never null, which would make VOLLT
     * accept any function), so every other function name is unknown.
     */
    public static final List<FunctionDef> DECLARED_UDFS = Udfs.definitions();

    /** The ADQL 2.0 mathematical, trigonometric and aggregate functions, as named in error messages. */
    static final List<String> ADQL_FUNCTIONS = List.of("ABS", "CEILING", "DEGREES", "EXP", "FLOOR", "LOG", "LOG10",
            "MOD", "PI", "POWER", "RADIANS", "RAND", "ROUND", "SQRT", "TRUNCATE", "ACOS", "ASIN", "ATAN", "ATAN2", "COS",
            "COT", "SIN", "TAN", "AVG", "COUNT", "MAX", "MIN", "SUM");

    private final List<DBTable> tables;
    private final Supplier<JDBCTranslator> translator;

    public AdqlCompiler(List<DBTable> tables, SqlDialect dialect) {
        this.tables = List.copyOf(tables);
        java.util.Set<String> skyIndexed = new java.util.HashSet<>();
        for (DBTable t : this.tables) {
            if (t instanceof AdqlTables.SkyIndexedTable) {
                skyIndexed.add(H2Translator.tableKey(t));
            }
        }
        this.translator = dialect == SqlDialect.H2 ? () -> new H2Translator(skyIndexed) : MuwPgSphereTranslator::new;
    }

    /**
     * @throws AdqlException for a syntax error (with line and column), an unknown table or column (each named with its
     *                       position), or a construct this service does not support
     */
    public CompiledQuery compile(String adql) throws AdqlException {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("QUERY is empty: give an ADQL query, e.g. SELECT TOP 10 * FROM TAP_SCHEMA.tables");
        }
        ADQLQuery query;
        try {
            DBChecker checker = new DBChecker(tables, DECLARED_UDFS, GEOMETRY_FUNCTIONS, null);
            ADQLParser parser = new ADQLParser(checker);
            query = parser.parseQuery(adql);
            rejectTrailingText(parser);
        } catch (UnresolvedIdentifiersException e) {
            List<String> problems = new ArrayList<>();
            for (ParseException p : e) {
                problems.add(p instanceof UnresolvedFunctionException f ? unknownFunction(f)
                        : clean(p.getMessage()) + at(p.getPosition()));
            }
            throw new AdqlException("ADQL error: " + String.join("; ", problems));
        } catch (ParseException e) {
            throw new AdqlException("ADQL syntax error" + at(e.getPosition()) + ": " + clean(e.getMessage()));
        } catch (RuntimeException | Error e) { // the generated parser throws TokenMgrError on some lexical errors
            throw new AdqlException("ADQL syntax error: " + clean(e.getMessage()));
        }
        for (SelectItem item : query.getSelect()) {
            if (item.getOperand() != null && item.getOperand().isGeometry()) { // null for SELECT *
                throw new AdqlException("ADQL error" + at(item.getPosition()) + ": the select item " + item.toADQL()
                        + " is a geometry; this service returns numbers and strings, so select the coordinates "
                        + "(e.g. ra, dec) instead");
            }
        }
        try {
            String sql = translator.get().translate(query);
            return new CompiledQuery(adql, sql, Arrays.asList(query.getResultingColumns()));
        } catch (TranslationException e) {
            throw new AdqlException("ADQL error: " + e.getMessage());
        }
    }

    /**
     * VOLLT's parseQuery stops at the first ';' and ignores the rest; one statement is all a TAP query may hold.
     * Comments and blanks after the ';' are fine.
     */
    private static void rejectTrailingText(ADQLParser parser) throws AdqlException {
        Token end = parser.token;
        if (end == null || end.kind != ADQLParserConstants.EOQ) {
            return; // the query ended at the end of the text
        }
        Token next;
        try {
            next = parser.getNextToken();
        } catch (RuntimeException | Error e) { // TokenMgrError: not even ADQL tokens follow
            next = null;
        }
        if (next == null || next.kind != ADQLParserConstants.EOF) {
            throw new AdqlException("ADQL error at line " + end.endLine + ", column " + end.endColumn + ": the query "
                    + "must be one SELECT statement, but text follows the ';' that ends it"
                    + (next == null || next.image == null ? "" : " (starting with '" + next.image + "')")
                    + "; remove it, or send each statement as its own query");
        }
    }

    private static String unknownFunction(UnresolvedFunctionException e) {
        String name = e.getFunction() != null ? e.getFunction().getName()
                : String.valueOf(e.getMessage()).replaceAll("(?s)^[^\"]*\"([^(\"]*).*$", "$1");
        return "unknown function " + name + at(e.getPosition()) + ": this service runs only the ADQL 2.0 functions ("
                + String.join(", ", ADQL_FUNCTIONS) + ") and the geometry functions ("
                + String.join(", ", GEOMETRY_FUNCTIONS) + ") and the user-defined functions ("
                + String.join(", ", Udfs.ALL.stream().map(Udfs.Udf::name).toList()) + ")";
    }

    public List<DBTable> tables() {
        return tables;
    }

    private static String at(TextPosition p) {
        return p == null || p.beginLine < 0 ? "" : " at line " + p.beginLine + ", column " + p.beginColumn;
    }

    /** VOLLT messages end with " !" and use odd spacing; keep the words. */
    private static String clean(String message) {
        if (message == null) {
            return "unknown problem";
        }
        return message.replaceAll("\\s+", " ").replaceAll(" ?!\\s*$", "").trim();
    }
}
