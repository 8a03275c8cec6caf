package org.muwclass.service.tap.adql;

import adql.db.FunctionDef;
import adql.parser.ParseException;
import adql.query.operand.ADQLOperand;
import adql.query.operand.NegativeOperand;
import adql.query.operand.NumericConstant;
import adql.query.operand.function.UserDefinedFunction;
import adql.translator.JDBCTranslator;
import adql.translator.TranslationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.muwclass.service.db.SqlDialect;

/**
 * The user-defined ADQL functions this service declares (TAPRegExt {@code features-udf}), from the IVOA UDF catalogue,
 * and their translations for H2 (Java functions registered with CREATE ALIAS at start-up by the database owner,
 * callable by the read-only query login) and PostgreSQL (pgSphere's HEALPix and built-in text search: nothing to
 * create). Any other function name stays unknown ({@link AdqlCompiler}).
 */
public final class Udfs {

    /** One declared function: its TAPRegExt signature (also what VOLLT parses) and description. */
    public record Udf(String name, String signature, String description) {
        public FunctionDef definition() {
            try {
                FunctionDef def = FunctionDef.parse(signature);
                def.description = description;
                return def;
            } catch (ParseException e) {
                throw new IllegalStateException("Bad UDF signature " + signature, e);
            }
        }
    }

    /** Declared in this order in capabilities and error messages. */
    public static final List<Udf> ALL = List.of(
            new Udf("ivo_healpix_index", "ivo_healpix_index(hpxOrder INTEGER, ra DOUBLE, dec DOUBLE) -> BIGINT",
                    "Index of the HEALPix cell of order hpxOrder (0-29, NESTED scheme) that contains the position ra, "
                            + "dec (ICRS, degrees). A constant hpxOrder outside 0-29 is refused; a computed one "
                            + "gives NULL there."),
            new Udf("ivo_healpix_center", "ivo_healpix_center(hpxOrder INTEGER, ipix BIGINT) -> POINT",
                    "Centre of the HEALPix cell ipix of order hpxOrder (NESTED scheme) as a POINT (ICRS, degrees; "
                            + "selected, a DALI point \"ra dec\"); NULL unless hpxOrder is an integer 0-29 and ipix an "
                            + "integer 0 to 12*4^hpxOrder-1. ADQL 2.0 takes only POINT(...) or a column as an "
                            + "argument of DISTANCE, CONTAINS, INTERSECTS, COORD1/2 and CENTROID: select the centre "
                            + "in a subquery and pass its column, e.g. SELECT DISTANCE(s.c, POINT('ICRS', s.ra, "
                            + "s.dec)) FROM (SELECT ra, dec, ivo_healpix_center(8, ivo_healpix_index(8, ra, dec)) AS c "
                            + "FROM muwclass.training_set) AS s."),
            new Udf("ivo_hasword", "ivo_hasword(haystack VARCHAR, needle VARCHAR) -> INTEGER",
                    "1 if every word of needle occurs as a word in haystack, ignoring case, else 0. Words are runs of "
                            + "letters and digits; no stemming. On PostgreSQL: to_tsvector('simple', haystack) @@ "
                            + "plainto_tsquery('simple', needle)."),
            new Udf("ivo_nocasematch", "ivo_nocasematch(value VARCHAR, pattern VARCHAR) -> INTEGER",
                    "1 if value matches the SQL LIKE pattern (% and _ wildcards) ignoring case, else 0."),
            new Udf("ivo_string_agg", "ivo_string_agg(expr VARCHAR, delimiter VARCHAR) -> VARCHAR",
                    "Aggregate function: the non-NULL values of expr in the group, joined with delimiter (order not "
                            + "defined)."));

    private Udfs() {
    }

    /** The FunctionDef objects given to VOLLT's checker. */
    public static List<FunctionDef> definitions() {
        List<FunctionDef> out = new ArrayList<>();
        for (Udf u : ALL) {
            out.add(u.definition());
        }
        return List.copyOf(out);
    }

    /** Names, lower case. */
    public static Set<String> names() {
        Set<String> out = new HashSet<>();
        ALL.forEach(u -> out.add(u.name()));
        return out;
    }

    /** The SQL of a declared function for one database. */
    static String translate(UserDefinedFunction fn, JDBCTranslator t, SqlDialect dialect) throws TranslationException {
        String name = fn.getName().toLowerCase(Locale.ROOT);
        String[] a = new String[fn.getNbParameters()];
        for (int i = 0; i < a.length; i++) {
            a[i] = t.translate((ADQLOperand) fn.getParameter(i));
        }
        boolean h2 = dialect == SqlDialect.H2;
        return switch (name) {
            case "ivo_healpix_index" -> h2 ? "muw_healpix_index(" + a[0] + ", " + a[1] + ", " + a[2] + ")"
                    : pgHealpixIndex(a[0], a[1], a[2], constantOrder(fn) != null);
            case "ivo_healpix_center" -> h2 ? "muw_healpix_center(" + a[0] + ", " + a[1] + ")"
                    : pgHealpixCenter(a[0], a[1]);
            case "ivo_hasword" -> h2 ? "muw_hasword(" + a[0] + ", " + a[1] + ")"
                    : "CASE WHEN to_tsvector('simple', " + a[0] + ") @@ plainto_tsquery('simple', " + a[1]
                    + ") THEN 1 ELSE 0 END";
            case "ivo_nocasematch" -> "CASE WHEN (" + a[0] + ") ILIKE (" + a[1] + ") THEN 1 ELSE 0 END";
            case "ivo_string_agg" -> h2 ? "LISTAGG(" + a[0] + ", " + a[1] + ")"
                    : "string_agg(CAST(" + a[0] + " AS text), " + a[1] + ")";
            default -> throw new TranslationException("unknown function " + fn.getName());
        };
    }

    /** Largest HEALPix order (depth) of the HEALPix UDFs: cell numbers of order 29 fill 63 bits. */
    public static final int MAX_HPX_ORDER = 29;

    /**
     * Refuses a constant hpxOrder of ivo_healpix_index outside 0..{@value #MAX_HPX_ORDER} or not an integer, so both
     * databases answer it alike with a 400 (H2's function would give NULL, pgSphere raise an error while rows
     * stream).
     *
     * @return an error message naming the argument, the allowed range and the value; null when the order is fine or
     *         not a constant (then checked row by row: NULL outside the range on both databases)
     */
    static String orderProblem(UserDefinedFunction fn) {
        if (!fn.getName().equalsIgnoreCase("ivo_healpix_index") || fn.getNbParameters() != 3) {
            return null;
        }
        String order = constantOrder(fn);
        if (order == null) {
            return null;
        }
        double v = Double.parseDouble(order);
        if (v >= 0 && v <= MAX_HPX_ORDER && v == Math.rint(v)) {
            return null;
        }
        return "ivo_healpix_index: hpxOrder must be an integer from 0 to " + MAX_HPX_ORDER + ", got " + order;
    }

    /** The first argument as written when it is a number constant (with its sign), else null. */
    private static String constantOrder(UserDefinedFunction fn) {
        ADQLOperand op = (ADQLOperand) fn.getParameter(0);
        if (op instanceof NumericConstant n) {
            return n.getValue();
        }
        if (op instanceof NegativeOperand neg && neg.getOperand() instanceof NumericConstant n) {
            return "-" + n.getValue();
        }
        return null;
    }

    /**
     * pgSphere's {@code healpix_nest}; an order that is not a constant (constants are checked by
     * {@link #orderProblem}) goes behind a guard, as H2's function gives NULL outside 0..29 where pgSphere raises an
     * error.
     */
    private static String pgHealpixIndex(String order, String ra, String dec, boolean constantOrder) {
        String position = "spoint(radians(" + ra + "), radians(" + dec + "))";
        return constantOrder ? "healpix_nest(" + order + ", " + position + ")"
                : "CASE WHEN (" + order + ") BETWEEN 0 AND " + MAX_HPX_ORDER + " THEN healpix_nest(CAST(" + order
                + " AS integer), " + position + ") END";
    }

    /**
     * pgSphere's {@code center_of_healpix_nest} (NESTED, spoint in radians) behind a guard: it raises an error for an
     * order outside 0..29 or a cell outside 0..12*4^order-1, where the UDF gives NULL, and takes only integers, where
     * ADQL lets any number through (a non-integer gives NULL, as on H2). PostgreSQL drops a CASE branch whose condition
     * folds to false without evaluating it, so constants out of range never reach pgSphere either.
     */
    private static String pgHealpixCenter(String order, String ipix) {
        String o = "CAST(" + order + " AS numeric)";
        String i = "CAST(" + ipix + " AS numeric)";
        return "CASE WHEN " + o + " BETWEEN 0 AND 29 AND mod(" + o + ", 1) = 0 AND " + i + " BETWEEN 0 AND "
                + "12 * power(4::numeric, " + o + ") - 1 AND mod(" + i + ", 1) = 0 THEN center_of_healpix_nest(CAST("
                + order + " AS integer), CAST(" + ipix + " AS bigint)) END";
    }

    /** H2 functions behind the declared UDFs: {SQL name, Java method of this class}. */
    static final List<String[]> H2_FUNCTIONS = List.of(
            new String[]{"muw_healpix_index", "healpixIndex"},
            new String[]{"muw_healpix_center", "healpixCenter"},
            new String[]{"muw_hasword", "hasWord"});

    /** The {@code CREATE ALIAS} statements registering the H2 functions (idempotent). */
    public static List<String> h2AliasStatements() {
        return H2_FUNCTIONS.stream().map(f -> "CREATE ALIAS IF NOT EXISTS " + f[0] + " DETERMINISTIC FOR '"
                + Udfs.class.getName() + "." + f[1] + "'").toList();
    }

    /** ivo_healpix_index on H2: NULL for an order outside 0-29 or a position off the sky. */
    public static Long healpixIndex(Integer order, Double ra, Double dec) {
        if (order == null || ra == null || dec == null || order < 0 || order > MAX_HPX_ORDER || !(Math.abs(dec) <= 90)
                || !Double.isFinite(ra)) {
            return null;
        }
        double r = ra % 360.0;
        // a hash computer per call: it keeps state (HealpixNested.hash shares one between threads)
        return cds.healpix.Healpix.getNested(order).newHashComputer().hash(Math.toRadians(r < 0 ? r + 360.0 : r),
                Math.toRadians(dec));
    }

    /**
     * ivo_healpix_center on H2: the centre (ra, dec in degrees, ra in [0, 360)) of NESTED cell ipix of order hpxOrder,
     * as the DALI point array geometry values use on H2; NULL unless order is an integer 0..29 and ipix an integer
     * 0..12*4^order-1. The arguments arrive as exact numbers so that a non-integer or a too large value is NULL
     * rather than rounded or an H2 conversion error.
     */
    public static Double[] healpixCenter(BigDecimal order, BigDecimal ipix) {
        if (order == null || ipix == null || order.signum() < 0 || order.compareTo(MAX_ORDER) > 0
                || !isInteger(order) || ipix.signum() < 0 || !isInteger(ipix)) {
            return null;
        }
        int depth = order.intValueExact();
        if (ipix.compareTo(BigDecimal.valueOf(12L << (2 * depth))) >= 0) {
            return null;
        }
        // a computer per call, as for the hash: HealpixNested.center shares one between threads
        double[] lonLat = cds.healpix.Healpix.getNested(depth).newVerticesAndPathComputer()
                .center(ipix.longValueExact());
        return new Double[]{Math.toDegrees(lonLat[0]), Math.toDegrees(lonLat[1])};
    }

    private static final BigDecimal MAX_ORDER = BigDecimal.valueOf(29);

    private static boolean isInteger(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** ivo_hasword on H2: 1 if every word of needle is a word of haystack (case ignored), else 0. */
    public static int hasWord(String haystack, String needle) {
        if (haystack == null || needle == null) {
            return 0;
        }
        Set<String> words = new HashSet<>(words(haystack));
        List<String> wanted = words(needle);
        return !wanted.isEmpty() && words.containsAll(wanted) ? 1 : 0;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
