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

    /** Every geometry function on both databases: H2 gets the SkyShape functions on DALI arrays, PG pgSphere. */
    private static final String[] GEOMETRY_ADQL = {
            "SELECT name FROM muwclass.training_set WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), POLYGON('ICRS"
                    + "', 10, 10, 11, 10, 10.5, 11))",
            "SELECT AREA(CIRCLE('ICRS', 1, 2, 1)) AS a, AREA(POLYGON('ICRS', 0, 0, 90, 0, 0, 90)) AS b, CENT"
                    + "ROID(POLYGON('ICRS', 9, -1, 11, -1, 11, 1, 9, 1)) AS c, CENTROID(CIRCLE('ICRS', ra, dec, 1)) AS"
                    + " d FROM muwclass.training_set",
            "SELECT POINT('ICRS', ra, dec) AS p, CIRCLE('ICRS', ra, dec, 0.1) AS c, POLYGON('ICRS', ra, dec,"
                    + " 1, 2, 3, 4) AS g FROM muwclass.training_set",
            "SELECT name FROM muwclass.training_set WHERE 1 = CONTAINS(CIRCLE('ICRS', ra, dec, 0.1), POLYGON"
                    + "('ICRS', 1, 2, 3, 4, 5, 6)) OR 1 = CONTAINS(POLYGON('ICRS', 1, 2, 3, 4, 5, 6), CIRCLE('ICRS', r"
                    + "a, dec, 10)) OR 1 = INTERSECTS(POLYGON('ICRS', ra, dec, 1, 2, 3, 4), POLYGON('ICRS', 1, 2, 3, 4"
                    + ", 5, 6)) OR 1 = INTERSECTS(CIRCLE('ICRS', ra, dec, 1), POLYGON('ICRS', 1, 2, 3, 4, 5, 6))",
            "SELECT name FROM muwclass.training_set WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), REGION('CIRCL"
                    + "E ICRS 10 20 0.5'))"};

    private static final String[] GEOMETRY_H2 = {
            "SELECT \"muwclass\".\"training_set\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" WH"
                    + "ERE (\"muwclass\".\"training_set\".\"muw_hpx\" IN (312662, 312663, 312665, 312667, 312668, 3126"
                    + "69, 312670, 312671, 312689, 312691, 312692, 312693, 312694, 312695, 312697, 312700, 312701, 312"
                    + "703, 315394, 315395, 315400, 315401, 315402, 315403, 315404, 315406, 315407, 315424, 315425, 31"
                    + "5426, 315427, 315428, 315429, 315430, 315431, 315432, 315433, 315434, 315435, 315436, 315437, 3"
                    + "15438) AND muw_contains(CAST(ARRAY[\"muwclass\".\"training_set\".\"ra\", \"muwclass\".\"trainin"
                    + "g_set\".\"dec\"] AS DOUBLE PRECISION ARRAY), CAST(ARRAY[10, 10, 11, 10, 10.5, 11] AS DOUBLE PRE"
                    + "CISION ARRAY)) = 1)",
            "SELECT muw_area(CAST(ARRAY[1, 2, 1] AS DOUBLE PRECISION ARRAY)) AS \"a\" , muw_area(CAST(ARRAY["
                    + "0, 0, 90, 0, 0, 90] AS DOUBLE PRECISION ARRAY)) AS \"b\" , muw_centroid(CAST(ARRAY[9, -1, 11, -"
                    + "1, 11, 1, 9, 1] AS DOUBLE PRECISION ARRAY)) AS \"c\" , muw_centroid(CAST(ARRAY[\"muwclass\".\"t"
                    + "raining_set\".\"ra\", \"muwclass\".\"training_set\".\"dec\", 1] AS DOUBLE PRECISION ARRAY)) AS "
                    + "\"d\" FROM \"muwclass\".\"training_set\"",
            "SELECT CAST(ARRAY[\"muwclass\".\"training_set\".\"ra\", \"muwclass\".\"training_set\".\"dec\"] "
                    + "AS DOUBLE PRECISION ARRAY) AS \"p\" , CAST(ARRAY[\"muwclass\".\"training_set\".\"ra\", \"muwcla"
                    + "ss\".\"training_set\".\"dec\", 0.1] AS DOUBLE PRECISION ARRAY) AS \"c\" , CAST(ARRAY[\"muwclass"
                    + "\".\"training_set\".\"ra\", \"muwclass\".\"training_set\".\"dec\", 1, 2, 3, 4] AS DOUBLE PRECIS"
                    + "ION ARRAY) AS \"g\" FROM \"muwclass\".\"training_set\"",
            "SELECT \"muwclass\".\"training_set\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" WH"
                    + "ERE 1 = muw_contains(CAST(ARRAY[\"muwclass\".\"training_set\".\"ra\", \"muwclass\".\"training_s"
                    + "et\".\"dec\", 0.1] AS DOUBLE PRECISION ARRAY), CAST(ARRAY[1, 2, 3, 4, 5, 6] AS DOUBLE PRECISION"
                    + " ARRAY)) OR 1 = muw_contains(CAST(ARRAY[1, 2, 3, 4, 5, 6] AS DOUBLE PRECISION ARRAY), CAST(ARRA"
                    + "Y[\"muwclass\".\"training_set\".\"ra\", \"muwclass\".\"training_set\".\"dec\", 10] AS DOUBLE PR"
                    + "ECISION ARRAY)) OR 1 = muw_intersects(CAST(ARRAY[\"muwclass\".\"training_set\".\"ra\", \"muwcla"
                    + "ss\".\"training_set\".\"dec\", 1, 2, 3, 4] AS DOUBLE PRECISION ARRAY), CAST(ARRAY[1, 2, 3, 4, 5"
                    + ", 6] AS DOUBLE PRECISION ARRAY)) OR 1 = muw_intersects(CAST(ARRAY[\"muwclass\".\"training_set\""
                    + ".\"ra\", \"muwclass\".\"training_set\".\"dec\", 1] AS DOUBLE PRECISION ARRAY), CAST(ARRAY[1, 2,"
                    + " 3, 4, 5, 6] AS DOUBLE PRECISION ARRAY))",
            "SELECT \"muwclass\".\"training_set\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" WH"
                    + "ERE (\"muwclass\".\"training_set\".\"muw_hpx\" IN (317786, 317787, 317790, 317791, 317797, 3177"
                    + "99, 317808, 317809, 317810, 317811, 317812, 317813, 317814, 317815, 317816, 317817, 317818, 317"
                    + "819, 317820, 317821, 317822, 317823, 318496, 318498, 318504) AND muw_in_circle(\"muwclass\".\"t"
                    + "raining_set\".\"ra\", \"muwclass\".\"training_set\".\"dec\", 10.0, 20.0, 0.5) = 1)"};

    private static final String[] GEOMETRY_PG = {
            "SELECT \"muwclass\".\"training_set\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" WH"
                    + "ERE '1' = (spoint(radians(\"muwclass\".\"training_set\".\"ra\"),radians(\"muwclass\".\"training"
                    + "_set\".\"dec\")) @ spoly('{' || spoint(radians(10),radians(10)) || ',' || spoint(radians(11),ra"
                    + "dians(10)) || ',' || spoint(radians(10.5),radians(11)) || '}'))",
            "SELECT degrees(degrees(area(scircle(spoint(radians(1),radians(2)),radians(1))))) AS \"a\" , deg"
                    + "rees(degrees(area(spoly('{' || spoint(radians(0),radians(0)) || ',' || spoint(radians(90),radia"
                    + "ns(0)) || ',' || spoint(radians(0),radians(90)) || '}')))) AS \"b\" , spoint(radians(9.99999999"
                    + "99998),radians(0.0)) AS \"c\" , center(scircle(spoint(radians(\"muwclass\".\"training_set\".\"r"
                    + "a\"),radians(\"muwclass\".\"training_set\".\"dec\")),radians(1))) AS \"d\" FROM \"muwclass\".\""
                    + "training_set\"",
            "SELECT spoint(radians(\"muwclass\".\"training_set\".\"ra\"),radians(\"muwclass\".\"training_set"
                    + "\".\"dec\")) AS \"p\" , scircle(spoint(radians(\"muwclass\".\"training_set\".\"ra\"),radians(\""
                    + "muwclass\".\"training_set\".\"dec\")),radians(0.1)) AS \"c\" , spoly('{' || spoint(radians(\"mu"
                    + "wclass\".\"training_set\".\"ra\"),radians(\"muwclass\".\"training_set\".\"dec\")) || ',' || spo"
                    + "int(radians(1),radians(2)) || ',' || spoint(radians(3),radians(4)) || '}') AS \"g\" FROM \"muwc"
                    + "lass\".\"training_set\"",
            "SELECT \"muwclass\".\"training_set\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" WH"
                    + "ERE '1' = (scircle(spoint(radians(\"muwclass\".\"training_set\".\"ra\"),radians(\"muwclass\".\""
                    + "training_set\".\"dec\")),radians(0.1)) @ spoly('{' || spoint(radians(1),radians(2)) || ',' || s"
                    + "point(radians(3),radians(4)) || ',' || spoint(radians(5),radians(6)) || '}')) OR '1' = (spoly('"
                    + "{' || spoint(radians(1),radians(2)) || ',' || spoint(radians(3),radians(4)) || ',' || spoint(ra"
                    + "dians(5),radians(6)) || '}') @ scircle(spoint(radians(\"muwclass\".\"training_set\".\"ra\"),rad"
                    + "ians(\"muwclass\".\"training_set\".\"dec\")),radians(10))) OR '1' = (spoly('{' || spoint(radian"
                    + "s(\"muwclass\".\"training_set\".\"ra\"),radians(\"muwclass\".\"training_set\".\"dec\")) || ',' "
                    + "|| spoint(radians(1),radians(2)) || ',' || spoint(radians(3),radians(4)) || '}') && spoly('{' |"
                    + "| spoint(radians(1),radians(2)) || ',' || spoint(radians(3),radians(4)) || ',' || spoint(radian"
                    + "s(5),radians(6)) || '}')) OR '1' = (scircle(spoint(radians(\"muwclass\".\"training_set\".\"ra\""
                    + "),radians(\"muwclass\".\"training_set\".\"dec\")),radians(1)) && spoly('{' || spoint(radians(1)"
                    + ",radians(2)) || ',' || spoint(radians(3),radians(4)) || ',' || spoint(radians(5),radians(6)) ||"
                    + " '}'))",
            "SELECT \"muwclass\".\"training_set\".\"name\" AS \"name\" FROM \"muwclass\".\"training_set\" WH"
                    + "ERE '1' = (spoint(radians(\"muwclass\".\"training_set\".\"ra\"),radians(\"muwclass\".\"training"
                    + "_set\".\"dec\")) @ scircle(spoint(radians(10.0),radians(20.0)),radians(0.5)))"};

    @Test
    void everyGeometryFunctionHasItsExactSqlOnBothDatabases() throws Exception {
        for (int i = 0; i < GEOMETRY_ADQL.length; i++) {
            assertEquals(GEOMETRY_H2[i], sql(SqlDialect.H2, GEOMETRY_ADQL[i]), GEOMETRY_ADQL[i]);
            assertEquals(GEOMETRY_PG[i], sql(SqlDialect.POSTGRESQL, GEOMETRY_ADQL[i]), GEOMETRY_ADQL[i]);
        }
    }

    @Test
    void regionOfAnUnsupportedKindAndOversizedPolygonsAreRefused() {
        for (SqlDialect d : SqlDialect.values()) {
            AdqlException union = assertThrows(AdqlException.class, () -> sql(d, "SELECT name FROM "
                    + "muwclass.training_set WHERE 1 = CONTAINS(POINT('', ra, dec), "
                    + "REGION('UNION ICRS (CIRCLE 1 2 3 CIRCLE 4 5 6)'))"));
            assertEquals("ADQL error: REGION at line 1, column 79 holds a region this service cannot evaluate: "
                    + GeometryKind.REGION_NEEDS_LITERAL, union.getMessage());
            AdqlException galactic = assertThrows(AdqlException.class, () -> sql(d, "SELECT name FROM "
                    + "muwclass.training_set WHERE 1 = CONTAINS(POINT('', ra, dec), REGION('CIRCLE GALACTIC 1 2 3'))"));
            assertEquals("ADQL error at line 1, column 79: REGION('CIRCLE GALACTIC 1 2 3') is not usable: the frame "
                    + "GALACTIC is not supported (positions are ICRS); " + GeometryKind.REGION_NEEDS_LITERAL,
                    galactic.getMessage());
            StringBuilder big = new StringBuilder("POLYGON('ICRS'");
            for (int k = 0; k <= AdqlCompiler.MAX_POLYGON_VERTICES; k++) {
                big.append(", ").append(k * 0.001).append(", ").append(k % 2 == 0 ? 0 : 1);
            }
            AdqlException tooMany = assertThrows(AdqlException.class, () -> sql(d, "SELECT name FROM "
                    + "muwclass.training_set WHERE 1 = CONTAINS(POINT('', ra, dec), " + big + "))"));
            assertEquals("ADQL error at line 1, column 79: POLYGON has 1001 vertices; at most 1000 are allowed",
                    tooMany.getMessage());
            AdqlException offSky = assertThrows(AdqlException.class, () -> sql(d, "SELECT name FROM "
                    + "muwclass.training_set WHERE 1 = CONTAINS(POINT('', ra, dec), POLYGON('', 1, 2, 3, 95, 5, 6))"));
            assertEquals("ADQL error at line 1, column 79: POLYGON is not valid: not a position on the sky: "
                    + "(3.0, 95.0) deg", offSky.getMessage());
            AdqlException radius = assertThrows(AdqlException.class, () -> sql(d, "SELECT name FROM "
                    + "muwclass.training_set WHERE 1 = CONTAINS(POINT('', ra, dec), CIRCLE('', 1, 2, 200))"));
            assertEquals("ADQL error at line 1, column 79: CIRCLE is not valid: a circle radius must be between 0 "
                    + "and 180 deg, got 200.0", radius.getMessage());
        }
    }

    /** A constant HEALPix order outside 0..29 is refused on both databases before either sees it. */
    @Test
    void healpixIndexOrderOutOfRangeIsRefusedAlike() {
        for (SqlDialect d : SqlDialect.values()) {
            for (String[] c : new String[][] {{"30", "30"}, {"-1", "-1"}, {"2.5", "2.5"}, {"1e3", "1e3"}}) {
                AdqlException e = assertThrows(AdqlException.class, () -> sql(d,
                        "SELECT ivo_healpix_index(" + c[0] + ", ra, dec) FROM muwclass.training_set"));
                assertEquals("ADQL error at line 1, column 8: ivo_healpix_index: hpxOrder must be an integer from 0"
                        + " to 29, got " + c[1], e.getMessage(), d + " " + c[0]);
            }
            AdqlException nested = assertThrows(AdqlException.class, () -> sql(d, "SELECT name FROM "
                    + "muwclass.training_set\nWHERE ivo_healpix_index(31, ra, dec) = 0"));
            assertEquals("ADQL error at line 2, column 7: ivo_healpix_index: hpxOrder must be an integer from 0 to 29,"
                    + " got 31", nested.getMessage());
        }
    }

    /** An order that is not a constant: NULL outside 0..29 on both (H2's function; a guard around pgSphere's). */
    @Test
    void healpixIndexWithComputedOrderIsGuardedOnPostgres() throws Exception {
        String adql = "SELECT ivo_healpix_index(10 + 20, ra, dec) AS h FROM muwclass.training_set";
        String t = "\"muwclass\".\"training_set\"";
        assertEquals("SELECT muw_healpix_index(10+20, " + t + ".\"ra\", " + t + ".\"dec\") AS \"h\" FROM " + t,
                sql(SqlDialect.H2, adql));
        assertEquals("SELECT CASE WHEN (10+20) BETWEEN 0 AND 29 THEN healpix_nest(CAST(10+20 AS integer), "
                + "spoint(radians(" + t + ".\"ra\"), radians(" + t + ".\"dec\"))) END AS \"h\" FROM " + t,
                sql(SqlDialect.POSTGRESQL, adql));
        assertEquals("SELECT healpix_nest(29, spoint(radians(" + t + ".\"ra\"), radians(" + t + ".\"dec\"))) AS \"h\" "
                + "FROM " + t, sql(SqlDialect.POSTGRESQL, adql.replace("10 + 20", "29")), "a valid constant: no guard");
    }
}
