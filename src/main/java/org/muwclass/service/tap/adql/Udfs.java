package org.muwclass.service.tap.adql;

import adql.db.FunctionDef;
import adql.parser.ParseException;
import adql.query.operand.ADQLOperand;
import adql.query.operand.function.UserDefinedFunction;
import adql.translator.JDBCTranslator;
import adql.translator.TranslationException;
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
                            + "dec (ICRS, degrees)."),
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
                    : "healpix_nest(" + a[0] + ", spoint(radians(" + a[1] + "), radians(" + a[2] + ")))";
            case "ivo_hasword" -> h2 ? "muw_hasword(" + a[0] + ", " + a[1] + ")"
                    : "CASE WHEN to_tsvector('simple', " + a[0] + ") @@ plainto_tsquery('simple', " + a[1]
                    + ") THEN 1 ELSE 0 END";
            case "ivo_nocasematch" -> "CASE WHEN (" + a[0] + ") ILIKE (" + a[1] + ") THEN 1 ELSE 0 END";
            case "ivo_string_agg" -> h2 ? "LISTAGG(" + a[0] + ", " + a[1] + ")"
                    : "string_agg(CAST(" + a[0] + " AS text), " + a[1] + ")";
            default -> throw new TranslationException("unknown function " + fn.getName());
        };
    }

    /** H2 functions behind the declared UDFs: {SQL name, Java method of this class}. */
    static final List<String[]> H2_FUNCTIONS = List.of(
            new String[]{"muw_healpix_index", "healpixIndex"},
            new String[]{"muw_hasword", "hasWord"});

    /** The {@code CREATE ALIAS} statements registering the H2 functions (idempotent). */
    public static List<String> h2AliasStatements() {
        return H2_FUNCTIONS.stream().map(f -> "CREATE ALIAS IF NOT EXISTS " + f[0] + " DETERMINISTIC FOR '"
                + Udfs.class.getName() + "." + f[1] + "'").toList();
    }

    /** ivo_healpix_index on H2: NULL for an order outside 0-29 or a position off the sky. */
    public static Long healpixIndex(Integer order, Double ra, Double dec) {
        if (order == null || ra == null || dec == null || order < 0 || order > 29 || !(Math.abs(dec) <= 90)
                || !Double.isFinite(ra)) {
            return null;
        }
        double r = ra % 360.0;
        // a hash computer per call: it keeps state (HealpixNested.hash shares one between threads)
        return cds.healpix.Healpix.getNested(order).newHashComputer().hash(Math.toRadians(r < 0 ? r + 360.0 : r),
                Math.toRadians(dec));
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
