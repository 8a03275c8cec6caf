package org.muwclass.service.tap.adql;

import adql.db.DBChecker;
import adql.db.DBTable;
import adql.db.exception.UnresolvedIdentifiersException;
import adql.parser.ADQLParser;
import adql.parser.ParseException;
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
 */
public final class AdqlCompiler {

    /** The ADQL geometry functions this service runs on both databases (TAPRegExt features-adqlgeo). */
    public static final List<String> GEOMETRY_FUNCTIONS = List.of("POINT", "CIRCLE", "BOX", "CONTAINS", "INTERSECTS",
            "DISTANCE", "COORD1", "COORD2", "COORDSYS");

    private final List<DBTable> tables;
    private final Supplier<JDBCTranslator> translator;

    public AdqlCompiler(List<DBTable> tables, SqlDialect dialect) {
        this.tables = List.copyOf(tables);
        this.translator = dialect == SqlDialect.H2 ? H2Translator::new : MuwPgSphereTranslator::new;
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
            DBChecker checker = new DBChecker(tables, GEOMETRY_FUNCTIONS, null);
            query = new ADQLParser(checker).parseQuery(adql);
        } catch (UnresolvedIdentifiersException e) {
            List<String> problems = new ArrayList<>();
            for (ParseException p : e) {
                problems.add(clean(p.getMessage()) + at(p.getPosition()));
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
