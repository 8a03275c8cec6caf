package org.muwclass.service.tap.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adql.db.DBTable;
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
                "SELECT ivo_healpix_center(8, 100) FROM muwclass.training_set"));
        assertTrue(other.getMessage().contains("unknown function ivo_healpix_center"), other.getMessage());
    }

    @Test
    void javaDefinitions() {
        assertEquals(317814L, Udfs.healpixIndex(8, 10.0, 20.0)); // pgSphere 1.2.0 healpix_nest gives the same
        assertEquals(317814L, Udfs.healpixIndex(8, 370.0, 20.0));
        assertEquals(null, Udfs.healpixIndex(30, 10.0, 20.0));
        assertEquals(null, Udfs.healpixIndex(8, 10.0, 91.0));
        assertEquals(1, Udfs.hasWord("A bright X-ray Binary", "x-ray binary"));
        assertEquals(1, Udfs.hasWord("binary, X-RAY", "x-ray binary"));
        assertEquals(0, Udfs.hasWord("binary star", "bin"));
        assertEquals(0, Udfs.hasWord(null, "x"));
        assertEquals(0, Udfs.hasWord("x", " "));
    }
}
