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
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.schema.TapSchema;

/** Exact SQL for both databases: guards the shapes the indexes depend on (dec prefilter, spoint expression). */
class TranslationGoldenTest {

    private static final VoMetadata META = TapSchema.publishedMetadata(
            VoConfigReader.fromDirectory(Path.of("vo-config")).read());
    private static final List<DBTable> TABLES = AdqlTables.of(META.tables());

    private static String sql(SqlDialect dialect, String adql) throws AdqlException {
        return new AdqlCompiler(TABLES, dialect).compile(adql).sql().replace('\n', ' ');
    }

    private static final String CONE = "SELECT TOP 10 name, ra, dec FROM muwclass.classified_sources "
            + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 266.4, -29.0, 0.5))";

    @Test
    void coneOnH2GetsHealpixCellPrefilterAndScalarFunction() throws Exception {
        // the cells of order 8 overlapping the 0.5-degree circle (CDS HEALPix), served by the muw_hpx index
        assertEquals("SELECT \"muwclass\".\"classified_sources\".\"name\" AS \"name\" , "
                + "\"muwclass\".\"classified_sources\".\"ra\" AS \"ra\" , "
                + "\"muwclass\".\"classified_sources\".\"dec\" AS \"dec\" "
                + "FROM \"muwclass\".\"classified_sources\" "
                + "WHERE (\"muwclass\".\"classified_sources\".\"muw_hpx\" IN (461214, 461215, 461236, 461237, 461238, 461239, 461244, 461245, 461247, 461256, "
                + "461257, 461258, 461259, 461262, 461280, 461281, 461282, 461283, 461284, 461286, 461288, 461289, "
                + "461290, 461291, 461292) AND "
                + "muw_in_circle(\"muwclass\".\"classified_sources\".\"ra\", \"muwclass\".\"classified_sources\".\"dec\", "
                + "266.4, -29.0, 0.5) = 1) Limit 10", sql(SqlDialect.H2, CONE));
    }

    @Test
    void smallConeAcrossRaZeroAndNearThePoleOnH2() throws Exception {
        assertEquals("SELECT \"t\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" AS \"t\" "
                + "WHERE (\"t\".\"muw_hpx\" IN (311311, 311322, 311333, 311344) AND "
                + "muw_in_circle(\"t\".\"ra\", \"t\".\"dec\", 359.99, 1.2, 0.05) = 1)",
                sql(SqlDialect.H2, "SELECT t.name FROM muwclass.training_set AS t "
                        + "WHERE 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', 359.99, 1.2, 0.05))"));
        assertEquals("SELECT \"t\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" AS \"t\" "
                + "WHERE (\"t\".\"muw_hpx\" IN (65535, 131071, 196607, 262143) AND "
                + "muw_distance(\"t\".\"ra\", \"t\".\"dec\", 359.99, 89.95) < 0.1)",
                sql(SqlDialect.H2, "SELECT t.name FROM muwclass.training_set AS t "
                        + "WHERE DISTANCE(POINT('', t.ra, t.dec), POINT('', 359.99, 89.95)) < 0.1"));
    }

    @Test
    void coneWithoutConstantsOrOverTenThousandCellsKeepsTheDecPrefilter() throws Exception {
        assertEquals("SELECT \"muwclass\".\"classified_sources\".\"name\" AS \"name\" "
                + "FROM \"muwclass\".\"classified_sources\" "
                + "WHERE (\"muwclass\".\"classified_sources\".\"dec\" BETWEEN (-29.0) - (15) AND (-29.0) + (15) AND "
                + "muw_in_circle(\"muwclass\".\"classified_sources\".\"ra\", \"muwclass\".\"classified_sources\".\"dec\", "
                + "266.4, -29.0, 15) = 1)", sql(SqlDialect.H2, "SELECT name FROM muwclass.classified_sources "
                + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 266.4, -29.0, 15))"));
        assertEquals("SELECT \"muwclass\".\"classified_sources\".\"name\" AS \"name\" "
                + "FROM \"muwclass\".\"classified_sources\" "
                + "WHERE (\"muwclass\".\"classified_sources\".\"dec\" BETWEEN (-29.0) - (0.1*2) AND (-29.0) + (0.1*2) AND "
                + "muw_in_circle(\"muwclass\".\"classified_sources\".\"ra\", \"muwclass\".\"classified_sources\".\"dec\", "
                + "266.4, -29.0, 0.1*2) = 1)", sql(SqlDialect.H2, "SELECT name FROM muwclass.classified_sources "
                + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 266.4, -29.0, 0.1 * 2))"));
    }

    @Test
    void coneOnPgSphereUsesTheIndexedSpointExpression() throws Exception {
        assertEquals("SELECT \"muwclass\".\"classified_sources\".\"name\" AS \"name\" , "
                + "\"muwclass\".\"classified_sources\".\"ra\" AS \"ra\" , "
                + "\"muwclass\".\"classified_sources\".\"dec\" AS \"dec\" "
                + "FROM \"muwclass\".\"classified_sources\" "
                + "WHERE '1' = (spoint(radians(\"muwclass\".\"classified_sources\".\"ra\"),"
                + "radians(\"muwclass\".\"classified_sources\".\"dec\")) @ "
                + "scircle(spoint(radians(266.4),radians(-29.0)),radians(0.5))) Limit 10",
                sql(SqlDialect.POSTGRESQL, CONE));
    }

    @Test
    void boxAndDistanceOnH2() throws Exception {
        assertEquals("SELECT \"t\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" AS \"t\" "
                + "WHERE (\"t\".\"dec\" BETWEEN (20) - (4) / 2.0 AND (20) + (4) / 2.0 AND "
                + "muw_in_box(\"t\".\"ra\", \"t\".\"dec\", 10, 20, 2, 4) = 1)",
                sql(SqlDialect.H2, "SELECT t.name FROM muwclass.training_set AS t "
                        + "WHERE CONTAINS(POINT('ICRS', t.ra, t.dec), BOX('ICRS', 10, 20, 2, 4)) = 1"));
        assertEquals("SELECT muw_distance(\"t\".\"ra\", \"t\".\"dec\", 1, 2) AS \"d\" "
                + "FROM \"muwclass\".\"training_set\" AS \"t\" "
                + "WHERE (\"t\".\"muw_hpx\" IN (311371, 311393) AND "
                + "muw_distance(\"t\".\"ra\", \"t\".\"dec\", 1, 2) < 0.1)",
                sql(SqlDialect.H2, "SELECT DISTANCE(POINT('', t.ra, t.dec), POINT('', 1, 2)) AS d "
                        + "FROM muwclass.training_set AS t WHERE DISTANCE(POINT('', t.ra, t.dec), POINT('', 1, 2)) < 0.1"));
    }

    @Test
    void boxOnPostgresIsARangeTestBecausePgSphereIndexLosesRowsAcrossRaZero() throws Exception {
        assertEquals("SELECT \"t\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" AS \"t\" "
                + "WHERE (\"t\".\"dec\" BETWEEN (0) - (40) / 2.0 AND (0) + (40) / 2.0 AND "
                + "(\"t\".\"ra\" - ((0) - (20) / 2.0)) - 360.0 * floor((\"t\".\"ra\" - ((0) - (20) / 2.0)) / 360.0) "
                + "<= (20)) = '1'",
                sql(SqlDialect.POSTGRESQL, "SELECT t.name FROM muwclass.training_set AS t "
                        + "WHERE CONTAINS(POINT('ICRS', t.ra, t.dec), BOX('ICRS', 0, 0, 20, 40)) = 1"));
    }

    @Test
    void intersectsAndCoordinatesOnH2() throws Exception {
        assertEquals("SELECT (\"muwclass\".\"training_set\".\"ra\") AS \"COORD1\" FROM \"muwclass\".\"training_set\" "
                + "WHERE muw_circles_overlap(\"muwclass\".\"training_set\".\"ra\", \"muwclass\".\"training_set\".\"dec\", "
                + "0.1, 10, 20, 1) = 1",
                sql(SqlDialect.H2, "SELECT COORD1(POINT('', ra, dec)) FROM muwclass.training_set "
                        + "WHERE INTERSECTS(CIRCLE('', ra, dec, 0.1), CIRCLE('', 10, 20, 1)) = 1"));
    }

    @Test
    void tapSchemaAndNonGeometricSqlIsShared() throws Exception {
        String adql = "SELECT table_name, \"size\" FROM TAP_SCHEMA.columns WHERE column_name LIKE 'p_%' ORDER BY 1";
        String expected = "SELECT \"tap_schema\".\"columns\".\"table_name\" AS \"table_name\" , "
                + "\"tap_schema\".\"columns\".\"size\" AS \"size\" FROM \"tap_schema\".\"columns\" "
                + "WHERE \"tap_schema\".\"columns\".\"column_name\" LIKE 'p_%' ORDER BY 1 ASC";
        assertEquals(expected, sql(SqlDialect.H2, adql));
        assertEquals(expected, sql(SqlDialect.POSTGRESQL, adql));
    }

    @Test
    void errorsNameTheProblemAndItsPosition() {
        AdqlException unknown = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2,
                "SELECT nosuch FROM muwclass.training_set"));
        assertEquals("ADQL error: Unknown column \"nosuch\" at line 1, column 8", unknown.getMessage());
        AdqlException table = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2, "SELECT ra FROM foo"));
        assertTrue(table.getMessage().contains("Unknown table \"foo\" at line 1, column 16"), table.getMessage());
        AdqlException syntax = assertThrows(AdqlException.class, () -> sql(SqlDialect.H2,
                "SELECT ra\nFROM muwclass.training_set WHERE ORDER BY ra"));
        assertTrue(syntax.getMessage().startsWith("ADQL syntax error at line 2, column 34: Encountered \"ORDER\""),
                syntax.getMessage());
        for (SqlDialect d : SqlDialect.values()) {
            AdqlException box = assertThrows(AdqlException.class, () -> sql(d,
                    "SELECT ra FROM muwclass.training_set WHERE 1=CONTAINS(CIRCLE('', ra, dec, 1), BOX('', 1, 2, 3, 4))"));
            assertEquals("ADQL error: CONTAINS(CIRCLE, BOX) is not supported: " + GeometryKind.BOX_ONLY_WITH_POINT,
                    box.getMessage());
            AdqlException inPoint = assertThrows(AdqlException.class, () -> sql(d,
                    "SELECT ra FROM muwclass.training_set WHERE 1=CONTAINS(CIRCLE('', ra, dec, 1), POINT('', 1, 2))"));
            assertEquals("ADQL error: CONTAINS(CIRCLE, POINT) is not supported: the second argument of CONTAINS must "
                    + "be a CIRCLE, POLYGON or BOX (the area the first lies in); compare two points with DISTANCE",
                    inPoint.getMessage());
            AdqlException selectBox = assertThrows(AdqlException.class, () -> sql(d,
                    "SELECT BOX('', 1, 2, 3, 4) FROM muwclass.training_set"));
            assertEquals("ADQL error: " + GeometryKind.BOX_ONLY_WITH_POINT, selectBox.getMessage());
        }
    }
}
