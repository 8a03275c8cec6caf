package org.muwclass.service.tap.adql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adql.db.DBTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.tap.schema.TapSchema;

/** Exact SQL of the declared user-defined functions on both databases, and their Java definitions on H2. */
class UdfTranslationTest {

    private static final List<DBTable> TABLES = AdqlTables.of(TapSchema.publishedMetadata(
            VoConfigReader.fromDirectory(Path.of("vo-config")).read()).tables());
    private static final String T = "\"muwclass\".\"training_set\"";

    private static String sql(SqlDialect dialect, String adql) throws AdqlException {
        return new AdqlCompiler(TABLES, dialect).compile(adql).sql().replace('\n', ' ');
    }

    @Test
    void healpixIndex() throws Exception {
        String adql = "SELECT ivo_healpix_index(8, ra, dec) AS h FROM muwclass.training_set";
        assertEquals("SELECT muw_healpix_index(8, " + T + ".\"ra\", " + T + ".\"dec\") AS \"h\" FROM " + T,
                sql(SqlDialect.H2, adql));
        assertEquals("SELECT healpix_nest(8, spoint(radians(" + T + ".\"ra\"), radians(" + T + ".\"dec\"))) AS \"h\" "
                + "FROM " + T, sql(SqlDialect.POSTGRESQL, adql));
    }

    @Test
    void healpixCenterIsASelectedPoint() throws Exception {
        String adql = "SELECT ivo_healpix_center(8, ivo_healpix_index(8, ra, dec)) AS c FROM muwclass.training_set";
        assertEquals("SELECT muw_healpix_center(8, muw_healpix_index(8, " + T + ".\"ra\", " + T + ".\"dec\")) AS \"c\" "
                + "FROM " + T, sql(SqlDialect.H2, adql));
        String h = "healpix_nest(8, spoint(radians(" + T + ".\"ra\"), radians(" + T + ".\"dec\")))";
        String o = "CAST(8 AS numeric)";
        String i = "CAST(" + h + " AS numeric)";
        assertEquals("SELECT CASE WHEN " + o + " BETWEEN 0 AND 29 AND mod(" + o + ", 1) = 0 AND " + i
                + " BETWEEN 0 AND 12 * power(4::numeric, " + o + ") - 1 AND mod(" + i + ", 1) = 0 THEN "
                + "center_of_healpix_nest(CAST(8 AS integer), CAST(" + h + " AS bigint)) END AS \"c\" FROM " + T,
                sql(SqlDialect.POSTGRESQL, adql));
        for (SqlDialect dialect : SqlDialect.values()) {
            CompiledQuery q = new AdqlCompiler(TABLES, dialect).compile(adql);
            DescribedColumn c = (DescribedColumn) q.columns().get(0);
            assertEquals("point", c.xtype(), dialect + ": a selected centre is a DALI point");
        }
    }

    @Test
    void healpixCenterIsNotAcceptedWhereADQL20WantsAPointFunction() {
        AdqlException e = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2,
                "SELECT DISTANCE(ivo_healpix_center(0, 0), POINT('ICRS', 45, 41.8)) FROM muwclass.training_set"));
        assertEquals("ADQL syntax error at line 1, column 35: Encountered \"(\". Was expecting one of: \".\" \",\" "
                + "\".\" \",\"; ivo_healpix_center(...) cannot be an argument of DISTANCE, CONTAINS, INTERSECTS, "
                + "COORD1, COORD2 or CENTROID (ADQL 2.0 takes only POINT(...) or a column there): select it in a "
                + "subquery and pass its column, e.g. SELECT DISTANCE(s.c, POINT('ICRS', 45, 41.8)) FROM (SELECT "
                + "ivo_healpix_center(0, 0) AS c FROM muwclass.training_set) AS s", e.getMessage());
        AdqlException coord = assertThrows(AdqlException.class, () -> sql(SqlDialect.POSTGRESQL,
                "SELECT COORD1(\n  IVO_HEALPIX_CENTER (0, 0)) FROM muwclass.training_set"));
        assertTrue(coord.getMessage().contains("; ivo_healpix_center(...) cannot be an argument of DISTANCE"),
                coord.getMessage());
        AdqlException other = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2,
                "SELECT DISTANCE(ivo_healpix_index(0, 0, 0), POINT('ICRS', 45, 41.8)) FROM muwclass.training_set"));
        assertFalse(other.getMessage().contains("cannot be an argument"), other.getMessage());
    }

    /** A subquery's point column (a UDF's or a POINT's) is still a DALI point when selected; plain columns are not. */
    @Test
    void subqueryPointColumnsKeepTheirXtype() throws Exception {
        for (SqlDialect dialect : SqlDialect.values()) {
            CompiledQuery q = new AdqlCompiler(TABLES, dialect).compile("SELECT s.c, s.p, s.ra FROM (SELECT ra, "
                    + "ivo_healpix_center(0, 0) AS c, POINT('ICRS', ra, dec) AS p FROM muwclass.training_set) AS s");
            assertEquals("point", ((DescribedColumn) q.columns().get(0)).xtype(), dialect.name());
            assertEquals("point", ((DescribedColumn) q.columns().get(1)).xtype(), dialect.name());
            assertEquals(null, ((DescribedColumn) q.columns().get(2)).xtype(), dialect.name());
        }
    }

    @Test
    void hasWordAndNoCaseMatch() throws Exception {
        String adql = "SELECT name FROM muwclass.training_set WHERE ivo_hasword(true_class, 'x-ray binary') = 1 "
                + "AND IVO_NOCASEMATCH(name, '2cxo j17%') = 1";
        assertEquals("SELECT " + T + ".\"name\" AS \"name\" FROM " + T + " WHERE muw_hasword(" + T
                + ".\"true_class\", 'x-ray binary') = 1 AND CASE WHEN (" + T + ".\"name\") ILIKE ('2cxo j17%') "
                + "THEN 1 ELSE 0 END = 1", sql(SqlDialect.H2, adql));
        assertEquals("SELECT " + T + ".\"name\" AS \"name\" FROM " + T + " WHERE CASE WHEN to_tsvector('simple', "
                + T + ".\"true_class\") @@ plainto_tsquery('simple', 'x-ray binary') THEN 1 ELSE 0 END = 1 AND "
                + "CASE WHEN (" + T + ".\"name\") ILIKE ('2cxo j17%') THEN 1 ELSE 0 END = 1",
                sql(SqlDialect.POSTGRESQL, adql));
    }

    @Test
    void stringAgg() throws Exception {
        String adql = "SELECT true_class, ivo_string_agg(name, ',') AS srcs FROM muwclass.training_set "
                + "GROUP BY true_class";
        assertEquals("SELECT " + T + ".\"true_class\" AS \"true_class\" , LISTAGG(" + T + ".\"name\", ',') AS "
                + "\"srcs\" FROM " + T + " GROUP BY " + T + ".\"true_class\"", sql(SqlDialect.H2, adql));
        assertEquals("SELECT " + T + ".\"true_class\" AS \"true_class\" , string_agg(CAST(" + T + ".\"name\" AS text), "
                + "',') AS \"srcs\" FROM " + T + " GROUP BY " + T + ".\"true_class\"", sql(SqlDialect.POSTGRESQL, adql));
    }

    @Test
    void wrongArgumentsAndOtherFunctionsStayErrors() {
        AdqlException e = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2,
                "SELECT ivo_hasword(name) FROM muwclass.training_set"));
        assertTrue(e.getMessage().contains("ivo_hasword"), e.getMessage());
        AdqlException other = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2,
                "SELECT ivo_healpix_centre(8, 100) FROM muwclass.training_set"));
        assertTrue(other.getMessage().contains("unknown function ivo_healpix_centre"), other.getMessage());
    }

    @Test
    void javaDefinitions() {
        assertEquals(317814L, Udfs.healpixIndex(8, 10.0, 20.0)); // pgSphere 1.2.0 healpix_nest gives the same
        assertEquals(317814L, Udfs.healpixIndex(8, 370.0, 20.0));
        assertEquals(null, Udfs.healpixIndex(30, 10.0, 20.0));
        assertEquals(null, Udfs.healpixIndex(8, 10.0, 91.0));
        Double[] first = Udfs.healpixCenter(BigDecimal.ZERO, BigDecimal.ZERO);
        assertEquals(45.0, first[0], 1e-12);
        assertEquals(41.8103148957786, first[1], 1e-12); // asin(2/3)
        // pgSphere 1.2.0: center_of_healpix_nest(3, 5) = (1.07992247467149 , 0.339836909454122) rad
        Double[] c = Udfs.healpixCenter(BigDecimal.valueOf(3), BigDecimal.valueOf(5));
        assertEquals(Math.toDegrees(1.07992247467149), c[0], 1e-11);
        assertEquals(Math.toDegrees(0.339836909454122), c[1], 1e-11);
        // the last cell of order 29 (base cell 11's north corner): pgSphere (5.49778714378214 , -1.24176358085037e-09)
        Double[] last = Udfs.healpixCenter(BigDecimal.valueOf(29), BigDecimal.valueOf(12L * (1L << 58) - 1));
        assertEquals(315.0, last[0], 1e-9);
        assertEquals(Math.toDegrees(-1.24176358085037e-09), last[1], 1e-12);
        Double[] cell = Udfs.healpixCenter(BigDecimal.valueOf(8), BigDecimal.valueOf(317814));
        assertEquals(317814L, Udfs.healpixIndex(8, cell[0], cell[1]));
        assertNull(Udfs.healpixCenter(BigDecimal.valueOf(29), BigDecimal.valueOf(12L * (1L << 58))));
        assertNull(Udfs.healpixCenter(BigDecimal.valueOf(30), BigDecimal.ZERO));
        assertNull(Udfs.healpixCenter(BigDecimal.valueOf(-1), BigDecimal.ZERO));
        assertNull(Udfs.healpixCenter(BigDecimal.ZERO, BigDecimal.valueOf(12)));
        assertNull(Udfs.healpixCenter(BigDecimal.ZERO, BigDecimal.valueOf(-1)));
        assertNull(Udfs.healpixCenter(new BigDecimal("2.5"), BigDecimal.ONE));
        assertNull(Udfs.healpixCenter(BigDecimal.valueOf(2), new BigDecimal("3.5")));
        assertNull(Udfs.healpixCenter(null, BigDecimal.ONE));
        assertNull(Udfs.healpixCenter(new BigDecimal("1e30"), BigDecimal.ONE));
        assertArrayEquals(Udfs.healpixCenter(BigDecimal.valueOf(3), BigDecimal.valueOf(5)),
                Udfs.healpixCenter(new BigDecimal("3.0"), new BigDecimal("5.00")));
        assertEquals(1, Udfs.hasWord("A bright X-ray Binary", "x-ray binary"));
        assertEquals(1, Udfs.hasWord("binary, X-RAY", "x-ray binary"));
        assertEquals(0, Udfs.hasWord("binary star", "bin"));
        assertEquals(0, Udfs.hasWord(null, "x"));
        assertEquals(0, Udfs.hasWord("x", " "));
    }
}
