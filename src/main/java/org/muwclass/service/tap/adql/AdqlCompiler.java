package org.muwclass.service.tap.adql;

import adql.db.DBChecker;
import adql.db.DBColumn;
import adql.db.STCS;
import adql.query.ADQLObject;
import adql.query.operand.ADQLColumn;
import adql.query.operand.ADQLOperand;
import adql.query.operand.StringConstant;
import adql.query.operand.function.UserDefinedFunction;
import adql.query.operand.function.geometry.AreaFunction;
import adql.query.operand.function.geometry.CircleFunction;
import adql.query.operand.function.geometry.DistanceFunction;
import adql.query.operand.function.geometry.GeometryFunction;
import adql.query.operand.function.geometry.PointFunction;
import adql.query.operand.function.geometry.PolygonFunction;
import adql.query.operand.function.geometry.RegionFunction;
import adql.search.SimpleReplaceHandler;
import adql.search.SimpleSearchHandler;
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
import org.muwclass.service.meta.ColumnDescriptor;

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
 *
 * <p>Geometry: REGION('STC-S') is replaced by the shape it names, shapes written with numbers are checked (on the sky,
 * radius 0..180 deg, at most {@link #MAX_POLYGON_VERTICES} vertices), and geometry select items are marked with their
 * DALI xtype so results carry point/circle/polygon arrays in degrees ({@link GeometryKind} says which shape pairs run).
 */
public final class AdqlCompiler {

    /** The ADQL geometry functions this service runs on both databases (TAPRegExt features-adqlgeo). */
    public static final List<String> GEOMETRY_FUNCTIONS = List.of("POINT", "CIRCLE", "BOX", "POLYGON", "REGION",
            "CENTROID", "AREA", "CONTAINS", "INTERSECTS", "DISTANCE", "COORD1", "COORD2", "COORDSYS");

    /** What each geometry function does here, for the TAPRegExt declaration (units and limits). */
    public static final java.util.Map<String, String> GEOMETRY_DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("POINT", "a position (ra, dec in deg, ICRS); selected, a DALI point (xtype point)"),
            java.util.Map.entry("CIRCLE", "a cone (centre in deg, radius 0..180 deg); selected, a DALI circle"),
            java.util.Map.entry("BOX", "an ra/dec range box (edges of constant ra and dec, as pgSphere's sbox); "
                    + "only in CONTAINS(POINT, BOX) and INTERSECTS(POINT, BOX)"),
            java.util.Map.entry("POLYGON", "3 to 1000 vertices (deg) joined by great circles, the smaller region "
                    + "they enclose; selected, a DALI polygon"),
            java.util.Map.entry("REGION", "an STC-S string literal: POSITION, CIRCLE, BOX or POLYGON (no UNION, "
                    + "INTERSECTION, NOT), evaluated as the matching function"),
            java.util.Map.entry("CENTROID", "area centroid of a circle or polygon (a point for a point), as a POINT; "
                    + "on PostgreSQL a polygon must be written with numbers"),
            java.util.Map.entry("AREA", "area in square degrees of a point, circle or polygon (spherical)"),
            java.util.Map.entry("CONTAINS", "1 when the first shape lies inside the second (point, circle or polygon "
                    + "in circle or polygon; point in box); boundaries count as inside"),
            java.util.Map.entry("INTERSECTS", "1 when two shapes share a point (point, circle, polygon in any pair "
                    + "except two points; point with box)"),
            java.util.Map.entry("DISTANCE", "great-circle distance between two points, deg"),
            java.util.Map.entry("COORD1", "ra of a point, deg"),
            java.util.Map.entry("COORD2", "dec of a point, deg"),
            java.util.Map.entry("COORDSYS", "the coordinate system of a geometry: always ICRS"));

    /**
     * User-defined functions declared in TAPRegExt ({@link Udfs}): an explicit list (never null, which would make VOLLT
     * accept any function), so every other function name is unknown.
     */
    public static final List<FunctionDef> DECLARED_UDFS = Udfs.definitions();

    /** Most vertices one POLYGON may have. */
    public static final int MAX_POLYGON_VERTICES = 1000;

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
            throw new AdqlException("ADQL syntax error" + at(e.getPosition()) + ": " + clean(e.getMessage())
                    + pointUdfHint(adql, e.getPosition()));
        } catch (RuntimeException | Error e) { // the generated parser throws TokenMgrError on some lexical errors
            throw new AdqlException("ADQL syntax error: " + clean(e.getMessage()));
        }
        replaceRegions(query);
        checkShapes(query);
        checkUdfArguments(query);
        try {
            String sql = translator.get().translate(query);
            return new CompiledQuery(adql, sql, geometryTyped(query, Arrays.asList(query.getResultingColumns())));
        } catch (TranslationException e) {
            throw new AdqlException("ADQL error: " + e.getMessage());
        }
    }

    /**
     * REGION('STC-S') becomes the POINT, CIRCLE, BOX or POLYGON it names (VOLLT parses the STC-S), so both databases
     * evaluate it like the written-out function; REGION of anything but a string literal, or of a UNION, INTERSECTION
     * or NOT, is refused.
     */
    private static void replaceRegions(ADQLQuery query) throws AdqlException {
        List<AdqlException> problems = new ArrayList<>();
        SimpleReplaceHandler regions = new SimpleReplaceHandler(true, false) {
            @Override
            protected boolean match(ADQLObject obj) {
                return obj instanceof RegionFunction;
            }

            @Override
            protected ADQLObject getReplacer(ADQLObject obj) {
                RegionFunction region = (RegionFunction) obj;
                if (!(region.getParameter(0) instanceof StringConstant text)) {
                    problems.add(new AdqlException("ADQL error" + at(region.getPosition()) + ": "
                            + GeometryKind.REGION_NEEDS_LITERAL));
                    return obj;
                }
                try {
                    STCS.Region r = STCS.parseRegion(text.getValue());
                    if (r.type == STCS.RegionType.UNION || r.type == STCS.RegionType.INTERSECTION
                            || r.type == STCS.RegionType.NOT) {
                        throw new ParseException(r.type + " regions are not supported");
                    }
                    STCS.Frame frame = r.coordSys == null ? null : r.coordSys.frame;
                    if (frame != null && frame != STCS.Frame.ICRS && frame != STCS.Frame.UNKNOWNFRAME
                            && frame != STCS.Frame.DEFAULT) {
                        // positions here are ICRS; a GALACTIC or FK4 region would silently mean other places
                        throw new ParseException("the frame " + frame + " is not supported (positions are ICRS)");
                    }
                    return r.toGeometry();
                } catch (ParseException | RuntimeException e) {
                    problems.add(new AdqlException("ADQL error" + at(region.getPosition()) + ": REGION('"
                            + text.getValue() + "') is not usable: " + clean(e.getMessage()) + "; "
                            + GeometryKind.REGION_NEEDS_LITERAL));
                    return obj;
                }
            }
        };
        regions.searchAndReplace(query);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /**
     * Refuses polygons with more than {@link #MAX_POLYGON_VERTICES} vertices (pgSphere's own limit is 1024) and shapes
     * written with numbers that are not on the sky, before the database sees them (a bad value met while rows stream
     * could no longer be reported as a 400).
     */
    private static void checkShapes(ADQLQuery query) throws AdqlException {
        SimpleSearchHandler shapes = new SimpleSearchHandler(true, false) {
            @Override
            protected boolean match(ADQLObject obj) {
                return obj instanceof PolygonFunction || obj instanceof CircleFunction || obj instanceof PointFunction;
            }
        };
        shapes.search(query);
        for (ADQLObject found : (Iterable<ADQLObject>) shapes::iterator) {
            GeometryFunction g = (GeometryFunction) found;
            if (g instanceof PolygonFunction p && (p.getNbParameters() - 1) / 2 > MAX_POLYGON_VERTICES) {
                throw new AdqlException("ADQL error" + at(p.getPosition()) + ": POLYGON has "
                        + (p.getNbParameters() - 1) / 2 + " vertices; at most " + MAX_POLYGON_VERTICES
                        + " are allowed");
            }
            double[] values = GeometryKind.constantParameters(g);
            if (values == null) {
                continue; // a column or expression: checked row by row by the database
            }
            try {
                Double[] boxed = new Double[values.length];
                for (int i = 0; i < values.length; i++) {
                    boxed[i] = values[i];
                }
                SkyShape.of(boxed);
            } catch (IllegalArgumentException e) {
                throw new AdqlException("ADQL error" + at(g.getPosition()) + ": " + g.getName() + " is not valid: "
                        + e.getMessage());
            }
        }
    }

    /** Refuses constant UDF arguments out of their range ({@link Udfs#orderProblem}), with their position. */
    private static void checkUdfArguments(ADQLQuery query) throws AdqlException {
        SimpleSearchHandler udfs = new SimpleSearchHandler(true, false) {
            @Override
            protected boolean match(ADQLObject obj) {
                return obj instanceof UserDefinedFunction;
            }
        };
        udfs.search(query);
        for (ADQLObject found : (Iterable<ADQLObject>) udfs::iterator) {
            String problem = Udfs.orderProblem((UserDefinedFunction) found);
            if (problem != null) {
                throw new AdqlException("ADQL error" + at(found.getPosition()) + ": " + problem);
            }
        }
    }

    /**
     * The result columns, with geometry select items ({@code POINT(...)}, {@code CENTROID(...)} ...) marked with
     * their DALI xtype so they are written as {@code double[]} point, circle or polygon values.
     */
    private static List<DBColumn> geometryTyped(ADQLQuery query, List<DBColumn> columns) {
        List<SelectItem> items = new ArrayList<>();
        query.getSelect().forEach(items::add);
        if (items.size() != columns.size()) {
            return columns; // SELECT * expanded: only table columns, which carry their own xtype
        }
        List<DBColumn> typed = new ArrayList<>(columns);
        for (int i = 0; i < items.size(); i++) {
            ADQLOperand op = items.get(i).getOperand();
            DBColumn c = columns.get(i);
            String unit = op instanceof AreaFunction ? "deg**2" : op instanceof DistanceFunction ? "deg" : null;
            if (unit != null) { // computed numbers keep their unit in the result
                typed.set(i, new DescribedColumn(c.getDBName(), c.getADQLName(), c.getDatatype(), c.getTable(),
                        new ColumnDescriptor(op instanceof AreaFunction ? "area" : "distance", "", "double", "",
                                unit, null, null, null, false, false, false)));
                continue;
            }
            // a table or upload column carries its own xtype; a subquery's point column (POINT(...),
            // ivo_healpix_center ...) does not
            if (op == null || !op.isGeometry() || op instanceof ADQLColumn col
                    && (col.getDBLink() instanceof DescribedColumn || GeometryKind.of(op) != GeometryKind.POINT)) {
                continue;
            }
            String xtype = switch (GeometryKind.of(op)) {
                case POINT -> "point";
                case CIRCLE -> "circle";
                case POLYGON -> "polygon";
                default -> null;
            };
            typed.set(i, new DescribedColumn(c.getDBName(), c.getADQLName(), c.getDatatype(), c.getTable(), null,
                    xtype));
        }
        return typed;
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

    /**
     * A point-valued UDF where ADQL 2.0 wants POINT(...) or a column (DISTANCE, CONTAINS, COORD1 ...) fails to parse at
     * the '(' after its name, with a message naming only tokens; say why and what works instead.
     */
    private static String pointUdfHint(String adql, TextPosition p) {
        if (p == null || p.beginLine < 1 || p.beginColumn < 1) {
            return "";
        }
        String[] lines = adql.split("\r\n|\r|\n", -1);
        if (p.beginLine > lines.length) {
            return "";
        }
        String line = lines[p.beginLine - 1];
        String before = line.substring(0, Math.min(line.length(), p.beginColumn - 1));
        for (Udfs.Udf u : Udfs.ALL) {
            if (u.signature().endsWith("-> POINT") && before.toLowerCase(java.util.Locale.ROOT).stripTrailing()
                    .endsWith(u.name())) {
                return "; " + u.name() + "(...) cannot be an argument of DISTANCE, CONTAINS, INTERSECTS, COORD1, "
                        + "COORD2 or CENTROID (ADQL 2.0 takes only POINT(...) or a column there): select it in a "
                        + "subquery and pass its column, e.g. SELECT DISTANCE(s.c, POINT('ICRS', 45, 41.8)) FROM "
                        + "(SELECT " + u.name() + "(0, 0) AS c FROM muwclass.training_set) AS s";
            }
        }
        return "";
    }

    private static String unknownFunction(UnresolvedFunctionException e) {
        String name = e.getFunction() != null ? e.getFunction().getName()
                : String.valueOf(e.getMessage()).replaceAll("(?s)^[^\"]*\"([^(\"]*).*$", "$1");
        if ("REGION".equalsIgnoreCase(name)) { // VOLLT's checker refuses an STC-S it cannot map to one shape
            return "REGION" + at(e.getPosition()) + " holds a region this service cannot evaluate: "
                    + GeometryKind.REGION_NEEDS_LITERAL;
        }
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
