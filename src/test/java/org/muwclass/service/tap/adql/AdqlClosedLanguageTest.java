package org.muwclass.service.tap.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adql.db.DBTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.schema.TapSchema;

/**
 * Review finding C1: unknown functions and trailing statements never reach the database. Every function name an
 * attacker used (H2 file and link functions, PostgreSQL sleep, XML and settings functions) is refused by name.
 */
class AdqlClosedLanguageTest {

    private static final VoMetadata META = TapSchema.publishedMetadata(
            VoConfigReader.fromDirectory(Path.of("vo-config")).read());
    private static final List<DBTable> TABLES = AdqlTables.of(META.tables());
    private static final String FUNCTIONS_SAID = ": this service runs only the ADQL 2.0 functions (ABS, CEILING, "
            + "DEGREES, EXP, FLOOR, LOG, LOG10, MOD, PI, POWER, RADIANS, RAND, ROUND, SQRT, TRUNCATE, ACOS, ASIN, ATAN, "
            + "ATAN2, COS, COT, SIN, TAN, AVG, COUNT, MAX, MIN, SUM) and the geometry functions (POINT, CIRCLE, BOX, "
            + "POLYGON, REGION, CENTROID, AREA, CONTAINS, INTERSECTS, DISTANCE, COORD1, COORD2, COORDSYS) and the "
            + "user-defined functions ("
            + "ivo_healpix_index, ivo_healpix_center, ivo_hasword, ivo_nocasematch, ivo_string_agg)";

    private static String error(SqlDialect dialect, String adql) {
        return assertThrows(AdqlException.class, () -> new AdqlCompiler(TABLES, dialect).compile(adql)).getMessage();
    }

    @Test
    void csvwriteInWhereIsRefusedByName() {
        assertEquals("ADQL error: unknown function CSVWRITE at line 1, column 52" + FUNCTIONS_SAID,
                error(SqlDialect.H2, "SELECT TOP 1 name FROM muwclass.training_set "
                        + "WHERE CSVWRITE('/tmp/x', 'SELECT * FROM uws.jobs') > 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FILE_READ('/etc/hostname')", "FILE_WRITE('x', '/tmp/pwned')",
            "LINK_SCHEMA('a', '', 'jdbc:h2:mem:x', 'sa', '', 'PUBLIC')", "pg_sleep(10)",
            "query_to_xml('SELECT * FROM uws.jobs', 1, 1, '')", "set_config('statement_timeout', '0', 0)",
            "current_setting('data_directory')", "pg_read_file('/etc/passwd')",
            "dblink('dbname=tapdb', 'SELECT 1')", "CSVREAD('/etc/passwd')"})
    void databaseFunctionsAreUnknownOnBothDatabases(String call) {
        String name = call.substring(0, call.indexOf('('));
        for (SqlDialect dialect : SqlDialect.values()) {
            String message = error(dialect, "SELECT " + call + " AS x FROM TAP_SCHEMA.schemas");
            assertEquals("ADQL error: unknown function " + name + " at line 1, column 8" + FUNCTIONS_SAID, message);
        }
    }

    @Test
    void unknownFunctionsAreFoundWhereverTheyAreNested() {
        String m;
        assertTrue((m = error(SqlDialect.POSTGRESQL, "SELECT TOP 1 ABS(pg_sleep(ra)) FROM muwclass.training_set"))
                .startsWith("ADQL error: unknown function pg_sleep at line 1, column 18: "), m);
        assertTrue((m = error(SqlDialect.H2, "SELECT name FROM muwclass.training_set WHERE ra IN "
                + "(SELECT ra FROM muwclass.training_set WHERE 1 = FILE_WRITE('x', '/tmp/y'))"))
                .startsWith("ADQL error: unknown function FILE_WRITE at line 1, column 100: "), m);
        assertTrue((m = error(SqlDialect.H2, "SELECT name FROM muwclass.training_set GROUP BY name "
                + "HAVING COUNT(*) > FILE_READ('/etc/hostname')"))
                .startsWith("ADQL error: unknown function FILE_READ at line 1, column 72: "), m);
    }

    @Test
    void functionsOfAdqlStillWork() throws Exception {
        String sql = new AdqlCompiler(TABLES, SqlDialect.H2).compile("SELECT TOP 1 ABS(ra), ROUND(dec, 2), "
                + "COUNT(*) FROM muwclass.training_set GROUP BY ra, dec").sql();
        assertTrue(sql.contains("ABS("), sql);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void textAfterTheEndingSemicolonIsAnError(SqlDialect dialect) {
        assertEquals("ADQL error at line 1, column 45: the query must be one SELECT statement, but text follows "
                + "the ';' that ends it (starting with 'DROP'); remove it, or send each statement as its own query",
                error(dialect, "SELECT TOP 1 name FROM muwclass.training_set; DROP TABLE uws.jobs"));
        assertEquals("ADQL error at line 1, column 45: the query must be one SELECT statement, but text follows "
                + "the ';' that ends it (starting with ';'); remove it, or send each statement as its own query",
                error(dialect, "SELECT TOP 1 name FROM muwclass.training_set;;"));
    }

    @Test
    void junkAfterTheQueryIsASyntaxError() {
        assertTrue(error(SqlDialect.H2, "SELECT TOP 1 name FROM muwclass.training_set) junk")
                .startsWith("ADQL syntax error at line 1, column 45: Encountered \")\""));
        assertTrue(error(SqlDialect.H2, "SELECT TOP 1 name FROM muwclass.training_set junk junk")
                .startsWith("ADQL syntax error at line 1, column 51: Encountered \"junk\""));
    }

    @Test
    void aFinalSemicolonOrCommentIsAccepted() throws Exception {
        AdqlCompiler c = new AdqlCompiler(TABLES, SqlDialect.H2);
        assertEquals(c.compile("SELECT TOP 1 name FROM muwclass.training_set").sql(),
                c.compile("SELECT TOP 1 name FROM muwclass.training_set ; -- done\n").sql());
    }
}
