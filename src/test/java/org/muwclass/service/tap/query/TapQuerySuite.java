package org.muwclass.service.tap.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.muwclass.core.io.CsvTable;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.service.tap.adql.SkyGeometry;
import org.muwclass.tables.TableFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * The same queries on every backend. Expected answers are computed independently in Java from the shipped
 * TD.csv (published training set), never typed in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TapQuerySuite {

    private final TapFixture fx;
    private final CsvTable td;

    TapQuerySuite(TapFixture fixture) {
        this.fx = fixture;
        this.td = fixture.trainingSet;
    }

    TapFixture fixture() {
        return fx;
    }

    /** False where queries log in as the store owner in read-only sessions (PostgreSQL without a query role). */
    boolean queryRoleIsConfigured() {
        return true;
    }

    @AfterAll
    void close() {
        fx.close();
    }

    /** Runs a query and reads the VOTable it returns. */
    List<Object[]> rows(String adql) throws Exception {
        return rows(adql, TableFormat.VOTABLE, 1_000_000, List.of(), Map.of());
    }

    List<Object[]> rows(String adql, TableFormat format, int maxrec, List<TapRequest.Upload> uploads,
                        Map<String, byte[]> parts) throws Exception {
        String doc = run(adql, format, maxrec, uploads, parts);
        StarTable t = new VOTableBuilder().makeStarTable(new ByteArrayDataSource("r", doc.getBytes(
                StandardCharsets.UTF_8)), false, uk.ac.starlink.table.StoragePolicy.PREFER_MEMORY);
        List<Object[]> out = new ArrayList<>();
        try (RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                out.add(rs.getRow().clone());
            }
        }
        return out;
    }

    String run(String adql, TableFormat format, int maxrec, List<TapRequest.Upload> uploads,
               Map<String, byte[]> parts) throws TapException, IOException {
        TapRequest req = new TapRequest(adql, format, maxrec, uploads);
        try (TapQueryRunner.Result r = fx.runner().run(req, p -> parts.containsKey(p)
                ? new ByteArrayInputStream(parts.get(p)) : null)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private long tdCount(java.util.function.IntPredicate p) {
        long n = 0;
        for (int i = 0; i < td.rowCount(); i++) {
            if (p.test(i)) {
                n++;
            }
        }
        return n;
    }

    private double ra(int i) {
        return td.number(i, "CSCv2_RA");
    }

    private double dec(int i) {
        return td.number(i, "CSCv2_DEC");
    }

    @Test
    void countsTheWholeTrainingSet() throws Exception {
        assertEquals(2941L, ((Number) rows("SELECT COUNT(*) AS n FROM muwclass.training_set").get(0)[0]).longValue());
        assertEquals((long) td.rowCount(), 2941L);
    }

    @Test
    void coneSearchMatchesBruteForce() throws Exception {
        // centred on a real source; radius large enough to include several neighbours
        double ra0 = ra(100);
        double dec0 = dec(100);
        double r = 5.0;
        long expected = tdCount(i -> SkyGeometry.distance(ra(i), dec(i), ra0, dec0) <= r);
        List<Object[]> got = rows("SELECT name FROM muwclass.training_set WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), "
                + "CIRCLE('ICRS', " + ra0 + ", " + dec0 + ", " + r + "))");
        assertTrue(expected > 1);
        assertEquals(expected, got.size());
        assertTrue(got.stream().anyMatch(row -> row[0].equals(td.cell(100, "CSCv2_name"))));
    }

    @Test
    void boxSearchMatchesBruteForceAcrossRaZero() throws Exception {
        long expected = tdCount(i -> (ra(i) >= 350 || ra(i) <= 10) && dec(i) >= -20 && dec(i) <= 20);
        List<Object[]> got = rows("SELECT ra FROM muwclass.training_set "
                + "WHERE CONTAINS(POINT('ICRS', ra, dec), BOX('ICRS', 0, 0, 20, 40)) = 1");
        assertTrue(expected > 0);
        assertEquals(expected, got.size());
    }

    @Test
    void nearestNeighbourByDistance() throws Exception {
        double ra0 = 83.8;
        double dec0 = -5.4; // Orion
        int best = 0;
        for (int i = 1; i < td.rowCount(); i++) {
            if (SkyGeometry.distance(ra(i), dec(i), ra0, dec0) < SkyGeometry.distance(ra(best), dec(best), ra0, dec0)) {
                best = i;
            }
        }
        List<Object[]> got = rows("SELECT TOP 1 name, DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', " + ra0 + ", "
                + dec0 + ")) AS dist FROM muwclass.training_set ORDER BY dist");
        assertEquals(td.cell(best, "CSCv2_name"), got.get(0)[0]);
        assertEquals(SkyGeometry.distance(ra(best), dec(best), ra0, dec0), (Double) got.get(0)[1], 1e-6);
    }

    @Test
    void declaredUdfsRunAsTheQueryUserAndAgreeWithTheirJavaDefinitions() throws Exception {
        // ivo_healpix_index: pgSphere's healpix_nest on PostgreSQL, CDS HEALPix on H2: the same cells
        for (Object[] row : rows("SELECT TOP 50 ra, dec, ivo_healpix_index(10, ra, dec) AS h, "
                + "ivo_healpix_index(0, ra, dec) AS h0 FROM muwclass.training_set ORDER BY name")) {
            double ra = ((Number) row[0]).doubleValue();
            double dec = ((Number) row[1]).doubleValue();
            assertEquals(org.muwclass.service.tap.adql.Udfs.healpixIndex(10, ra, dec), ((Number) row[2]).longValue());
            assertEquals(org.muwclass.service.tap.adql.Udfs.healpixIndex(0, ra, dec), ((Number) row[3]).longValue());
        }
        // an order computed per row outside 0..29 is NULL on both databases (pgSphere alone would raise an error)
        for (Object[] row : rows("SELECT TOP 3 ivo_healpix_index(10 + 20, ra, dec) AS h FROM muwclass.training_set")) {
            assertNull(row[0]);
        }
        TapException order = assertThrows(TapException.class,
                () -> rows("SELECT ivo_healpix_index(30, ra, dec) AS h FROM muwclass.training_set"));
        assertTrue(order.userError());
        assertEquals("ADQL error at line 1, column 8: ivo_healpix_index: hpxOrder must be an integer from 0 to 29, "
                + "got 30", order.getMessage());
        long agn = tdCount(i -> td.cell(i, "True_Class").equals("AGN"));
        assertEquals(agn, ((Number) rows("SELECT COUNT(*) AS n FROM muwclass.training_set "
                + "WHERE ivo_nocasematch(true_class, 'aG%') = 1").get(0)[0]).longValue());
        long lmxb = tdCount(i -> td.cell(i, "True_Class").equals("LMXB"));
        assertEquals(lmxb, ((Number) rows("SELECT COUNT(*) AS n FROM muwclass.training_set "
                + "WHERE ivo_hasword(true_class, 'lmxb') = 1").get(0)[0]).longValue());
        assertEquals(0L, ((Number) rows("SELECT COUNT(*) AS n FROM muwclass.training_set "
                + "WHERE ivo_hasword(true_class, 'lmx') = 1").get(0)[0]).longValue());
        List<Object[]> agg = rows("SELECT true_class, ivo_string_agg(name, ';') AS srcs FROM muwclass.training_set "
                + "WHERE true_class = 'NS' GROUP BY true_class");
        assertEquals(1, agg.size());
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (int i = 0; i < td.rowCount(); i++) {
            if (td.cell(i, "True_Class").equals("NS")) {
                expected.add(td.cell(i, "CSCv2_name"));
            }
        }
        assertEquals(expected, new java.util.TreeSet<>(List.of(((String) agg.get(0)[1]).split(";"))));
    }

    /**
     * ivo_healpix_center: CDS HEALPix on H2, pgSphere's center_of_healpix_nest on PostgreSQL. The centre of a source's
     * cell is no farther from it than the cell's largest centre-to-vertex distance and lies in that same cell; order 0
     * cell 0 is centred at (45, asin(2/3)); out-of-range arguments give NULL.
     */
    @Test
    void healpixCenterOfASourcesCellIsAPointInThatCell() throws Exception {
        String adql = "SELECT TOP 50 ra, dec, ivo_healpix_index(8, ra, dec) AS h, "
                + "ivo_healpix_center(8, ivo_healpix_index(8, ra, dec)) AS c, ivo_healpix_center(0, 0) AS c00, "
                + "ivo_healpix_center(30, 0) AS bad_order, ivo_healpix_center(0, 12) AS bad_cell, "
                + "ivo_healpix_center(2.5, 1) AS fractional FROM muwclass.training_set ORDER BY name";
        String doc = run(adql, TableFormat.VOTABLE, 100, List.of(), Map.of());
        for (String col : new String[]{"c", "c00", "bad_order"}) {
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("<FIELD [^>]*name=\"" + col
                    + "\"[^>]*>").matcher(doc);
            assertTrue(field.find(), doc);
            assertTrue(field.group().contains("datatype=\"double\""), field.group());
            assertTrue(field.group().contains("arraysize=\"*\""), field.group());
            assertTrue(field.group().contains("xtype=\"point\""), field.group());
        }
        List<Object[]> got = rows(adql);
        assertEquals(50, got.size());
        for (Object[] row : got) {
            double ra = ((Number) row[0]).doubleValue();
            double dec = ((Number) row[1]).doubleValue();
            long cell = ((Number) row[2]).longValue();
            double[] c = (double[]) row[3];
            assertEquals(2, c.length);
            double reach = Math.toDegrees(cds.healpix.Healpix.getLargestCenterToCellVertexDistance(
                    Math.toRadians(c[0]), Math.toRadians(c[1]), 8));
            double d = SkyGeometry.distance(ra, dec, c[0], c[1]);
            assertTrue(d <= reach, "source (" + ra + ", " + dec + ") is " + d + " deg from the centre of its cell "
                    + cell + " at (" + c[0] + ", " + c[1] + "); a cell reaches " + reach + " deg from its centre");
            assertEquals(cell, org.muwclass.service.tap.adql.Udfs.healpixIndex(8, c[0], c[1]));
            assertArrayEquals(new double[]{45.0, 41.8103148957786}, (double[]) row[4], 1e-9);
            assertEquals(null, row[5]);
            assertEquals(null, row[6]);
            assertEquals(null, row[7]);
        }
        // ADQL 2.0 takes only POINT(...) or a column in DISTANCE and COORD1/2: a subquery column holds the centre
        List<Object[]> viaColumn = rows("SELECT TOP 50 s.h, DISTANCE(s.c, POINT('ICRS', s.ra, s.dec)) AS d, "
                + "COORD1(s.c) AS cra, COORD2(s.c) AS cdec, s.c, s.name FROM (SELECT name, ra, dec, "
                + "ivo_healpix_index(8, ra, dec) AS h, ivo_healpix_center(8, ivo_healpix_index(8, ra, dec)) AS c "
                + "FROM muwclass.training_set) AS s ORDER BY name");
        assertEquals(50, viaColumn.size());
        for (int k = 0; k < 50; k++) {
            double[] c = (double[]) got.get(k)[3];
            Object[] row = viaColumn.get(k);
            assertEquals(((Number) got.get(k)[2]).longValue(), ((Number) row[0]).longValue());
            assertEquals(SkyGeometry.distance(((Number) got.get(k)[0]).doubleValue(),
                    ((Number) got.get(k)[1]).doubleValue(), c[0], c[1]), ((Number) row[1]).doubleValue(), 1e-9);
            assertEquals(c[0], ((Number) row[2]).doubleValue(), 1e-9);
            assertEquals(c[1], ((Number) row[3]).doubleValue(), 1e-9);
            assertArrayEquals(c, (double[]) row[4], 1e-9);
        }
    }

    @Test
    void groupByClassMatchesTheLabels() throws Exception {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < td.rowCount(); i++) {
            expected.merge(td.cell(i, "True_Class"), 1L, Long::sum);
        }
        Map<String, Long> got = new HashMap<>();
        for (Object[] row : rows("SELECT true_class, COUNT(*) AS n FROM muwclass.training_set GROUP BY true_class")) {
            got.put((String) row[0], ((Number) row[1]).longValue());
        }
        assertEquals(expected, got);
    }

    @Test
    void tapSchemaIsQueryable() throws Exception {
        List<Object[]> tables = rows("SELECT table_name FROM TAP_SCHEMA.tables ORDER BY table_index");
        List<String> names = tables.stream().map(r -> (String) r[0]).toList();
        assertTrue(names.containsAll(List.of("muwclass.training_set", "muwclass.classified_sources",
                "TAP_SCHEMA.schemas", "TAP_SCHEMA.tables", "TAP_SCHEMA.columns", "TAP_SCHEMA.keys",
                "TAP_SCHEMA.key_columns")), names.toString());
        List<Object[]> cols = rows("SELECT column_name, unit, ucd FROM TAP_SCHEMA.columns "
                + "WHERE table_name = 'muwclass.training_set' ORDER BY column_index");
        assertEquals(fx.voConfig.table("muwclass.training_set").orElseThrow().columns().size(), cols.size());
        assertEquals("ra", cols.get(1)[0]);
        assertEquals("deg", cols.get(1)[1]);
        assertEquals("pos.eq.ra;meta.main", cols.get(1)[2]);
    }

    @Test
    void resultColumnsCarryPublishedMetadata() throws Exception {
        String doc = run("SELECT TOP 1 ra AS alpha, flux_b FROM muwclass.training_set", TableFormat.VOTABLE_TABLEDATA,
                10, List.of(), Map.of());
        assertTrue(doc.contains("name=\"alpha\""), doc);
        assertTrue(doc.contains("unit=\"deg\"") && doc.contains("ucd=\"pos.eq.ra;meta.main\""), doc);
        assertTrue(doc.contains("<TABLEDATA>"), doc);
        assertTrue(doc.contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"), doc);
    }

    @Test
    void maxrecOverflowIsMarkedAfterTheTable() throws Exception {
        String doc = run("SELECT name FROM muwclass.training_set", TableFormat.VOTABLE_TABLEDATA, 3, List.of(), Map.of());
        assertEquals(3, doc.split("<TR>", -1).length - 1);
        assertTrue(doc.indexOf("value=\"OVERFLOW\"") > doc.indexOf("</TABLE>"), doc);
        String exact = run("SELECT TOP 3 name FROM muwclass.training_set", TableFormat.VOTABLE_TABLEDATA, 3, List.of(),
                Map.of());
        assertFalse(exact.contains("OVERFLOW"), exact);
    }

    @Test
    void csvAndTsvOutput() throws Exception {
        String csv = run("SELECT TOP 2 name, ra FROM muwclass.training_set ORDER BY name", TableFormat.CSV, 100,
                List.of(), Map.of());
        assertEquals("name,ra", csv.lines().findFirst().orElseThrow());
        assertEquals(3, csv.lines().count());
        String tsv = run("SELECT TOP 2 name, ra FROM muwclass.training_set ORDER BY name", TableFormat.TSV, 100,
                List.of(), Map.of());
        assertEquals("name\tra", tsv.lines().findFirst().orElseThrow());
    }

    @Test
    void aQueryPastItsTimeoutIsStoppedByTheDatabase() {
        // 2941^3 = 2.5e10 row combinations: far more than a second of work on any machine
        TapRequest req = new TapRequest("SELECT COUNT(*) FROM muwclass.training_set AS a, muwclass.training_set AS b, "
                + "muwclass.training_set AS c", TableFormat.VOTABLE, 10, List.of());
        long start = System.nanoTime();
        TapException e = assertThrows(TapException.class, () -> fx.runner().run(req, TapQueryRunner.UploadSource.NONE,
                TapQueryRunner.LocalResults.NONE, 1).close());
        assertEquals("The query ran past its time limit of 1 s and was stopped", e.getMessage());
        assertTrue(e.stopped() && e.userError());
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "stopped soon after the 1 s timeout");
    }

    @Test
    void aQueryCancelledFromAnotherThreadStopsAndSaysWhy() throws Exception {
        TapRequest req = new TapRequest(CROSS_JOIN, TableFormat.VOTABLE, 10, List.of());
        QueryCancel cancel = new QueryCancel();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel("The job was aborted");
        });
        long start = System.nanoTime();
        stopper.start();
        TapException e = assertThrows(TapException.class, () -> fx.runner().run(req, TapQueryRunner.UploadSource.NONE,
                TapQueryRunner.LocalResults.NONE, 0, cancel).close());
        assertEquals("The job was aborted", e.getMessage());
        assertTrue(e.stopped());
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "stopped soon after the cancel");
        assertEquals(0, fx.database.queryConnectionsActive(), "the connection went back to the pool");
    }

    @Test
    void aCancelBeforeTheQueryRunsStopsItAtOnce() {
        QueryCancel cancel = new QueryCancel();
        cancel.cancel("The job was aborted");
        TapRequest req = new TapRequest(CROSS_JOIN, TableFormat.VOTABLE, 10, List.of());
        TapException e = assertThrows(TapException.class, () -> fx.runner().run(req, TapQueryRunner.UploadSource.NONE,
                TapQueryRunner.LocalResults.NONE, 0, cancel).close());
        assertEquals("The job was aborted", e.getMessage());
    }

    @Test
    void writingRowsStopsOnceTheQueryIsCancelled() throws Exception {
        QueryCancel cancel = new QueryCancel();
        TapRequest req = new TapRequest("SELECT name FROM muwclass.training_set", TableFormat.CSV, 10_000,
                List.of());
        try (TapQueryRunner.Result r = fx.runner().run(req, TapQueryRunner.UploadSource.NONE,
                TapQueryRunner.LocalResults.NONE, 0, cancel)) {
            cancel.cancel("The synchronous query ran past its limit of 1 s");
            IOException e = assertThrows(IOException.class, () -> r.writeTo(new ByteArrayOutputStream()));
            assertTrue(e.getMessage().contains("The query was stopped: The synchronous query ran past its limit of 1 s"),
                    e.getMessage());
        }
    }

    @Test
    void queryConnectionsCannotReadUnpublishedSchemasOrWrite() throws Exception {
        try (var c = fx.database.connection(); var s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE SCHEMA IF NOT EXISTS secret");
            s.execute("CREATE TABLE IF NOT EXISTS secret.owners (owner VARCHAR(40))");
        }
        List<String> refused = new ArrayList<>(List.of("INSERT INTO muwclass.training_set (name) VALUES ('x')",
                "CREATE TABLE tap_upload.mine (x INT)", "DELETE FROM tap_schema.schemas"));
        if (queryRoleIsConfigured()) {
            refused.add("SELECT * FROM secret.owners");
        }
        try (var c = fx.database.queryConnection()) {
            for (String sql : refused) {
                try (var s = c.createStatement()) {
                    assertThrows(java.sql.SQLException.class, () -> s.execute(sql), sql);
                }
            }
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM muwclass.training_set")) {
                rs.next();
                assertEquals(td.rowCount(), rs.getLong(1));
            }
        }
    }

    @Test
    void leftoverUploadTablesAreSweptAndFreshOnesKept() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        String old = UploadTableName.next(now.minusSeconds(7200), 0);
        String fresh = UploadTableName.next(now, 0);
        try (var c = fx.database.connection(); var s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String t : List.of(old, fresh, "u0123456789abcdef_0")) {
                s.execute("CREATE TABLE tap_upload." + t + " (c1 INT)");
            }
        }
        assertEquals(2, org.muwclass.service.tap.UploadTableSweep.run(fx.database, now,
                java.time.Duration.ofHours(1)));
        try (var c = fx.database.connection(); var rs = c.getMetaData().getTables(null, "tap_upload", "%", null)) {
            List<String> left = new ArrayList<>();
            while (rs.next()) {
                left.add(rs.getString("TABLE_NAME"));
            }
            assertEquals(List.of(fresh), left);
        }
        assertEquals(1, org.muwclass.service.tap.UploadTableSweep.run(fx.database, now, java.time.Duration.ZERO));
    }

    private static final String CROSS_JOIN = "SELECT COUNT(*) FROM muwclass.training_set AS a, "
            + "muwclass.training_set AS b, muwclass.training_set AS c";

    @Test
    void fitsOutputReadsBackWithTheSameRows() throws Exception {
        TapRequest req = new TapRequest("SELECT TOP 7 name, ra, dec, ct FROM muwclass.training_set ORDER BY name",
                TableFormat.FITS, 100, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TapQueryRunner.Result r = fx.runner().run(req, TapQueryRunner.UploadSource.NONE)) {
            r.writeTo(out);
        }
        StarTable t = new uk.ac.starlink.fits.FitsTableBuilder().makeStarTable(new ByteArrayDataSource("r.fits",
                out.toByteArray()), false, uk.ac.starlink.table.StoragePolicy.PREFER_MEMORY);
        assertEquals(7, t.getRowCount());
        assertEquals("ra", t.getColumnInfo(1).getName());
        assertEquals("deg", t.getColumnInfo(1).getUnitString());
    }

    @Test
    void uploadJoinFindsTheUploadedPositions() throws Exception {
        int[] picks = {5, 500, 2000};
        StringBuilder vot = new StringBuilder("<?xml version='1.0'?><VOTABLE version='1.4' "
                + "xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE><TABLE>"
                + "<FIELD name='id' datatype='int'/><FIELD name='RA' datatype='double'/>"
                + "<FIELD name='Dec' datatype='double'/><DATA><TABLEDATA>");
        for (int p : picks) {
            vot.append("<TR><TD>").append(p).append("</TD><TD>").append(ra(p)).append("</TD><TD>").append(dec(p))
                    .append("</TD></TR>");
        }
        vot.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
        List<Object[]> got = rows("SELECT u.id, t.name FROM TAP_UPLOAD.mine AS u JOIN muwclass.training_set AS t "
                        + "ON 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', u.ra, u.dec, 1.0/3600)) "
                        + "ORDER BY 1", TableFormat.VOTABLE, 1000, List.of(new TapRequest.Upload("mine", "t1")),
                Map.of("t1", vot.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(picks.length, got.size());
        for (int k = 0; k < picks.length; k++) {
            assertEquals(picks[k], ((Number) got.get(k)[0]).intValue());
            assertEquals(td.cell(picks[k], "CSCv2_name"), got.get(k)[1]);
        }
    }

    @Test
    void uploadErrorsAreUserErrors() {
        TapException missing = assertThrows(TapException.class, () -> run("SELECT * FROM TAP_UPLOAD.x",
                TableFormat.VOTABLE, 10, List.of(new TapRequest.Upload("x", "nopart")), Map.of()));
        assertTrue(missing.userError() && missing.getMessage().contains("no multipart part named 'nopart'"));
        TapException junk = assertThrows(TapException.class, () -> run("SELECT * FROM TAP_UPLOAD.x",
                TableFormat.VOTABLE, 10, List.of(new TapRequest.Upload("x", "p")),
                Map.of("p", "not a votable".getBytes(StandardCharsets.UTF_8))));
        assertTrue(junk.userError() && junk.getMessage().startsWith("UPLOAD x"), junk.getMessage());
    }

    @Test
    void unknownColumnIsAUserErrorWithPosition() {
        TapException e = assertThrows(TapException.class, () -> rows("SELECT colour FROM muwclass.training_set"));
        assertTrue(e.userError());
        assertEquals("ADQL error: Unknown column \"colour\" at line 1, column 8", e.getMessage());
    }

    @Test
    void classifiedSourcesStoreRowsAreQueryableByRun() throws Exception {
        ClassifiedSourcesStore store = new ClassifiedSourcesStore(fx.database,
                fx.voConfig.table(ClassifiedSourcesStore.TABLE).orElseThrow());
        // rows derived from training-set positions and its published probabilities (test data, not science)
        List<Map<String, Object>> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 25; k++) {
            int i = rnd.nextInt(td.rowCount());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", td.cell(i, "CSCv2_name"));
            row.put("ra", ra(i));
            row.put("dec", dec(i));
            row.put("p_agn", td.number(i, "P_AGN"));
            row.put("class", td.cell(i, "Class"));
            if (k == 3) { // a training source, flagged as in a job result
                row.put("training_name", td.cell(i, "CSCv2_name"));
                row.put("training_class", td.cell(i, "True_Class"));
                row.put("input_flag", "training_source_loo");
            }
            rows.add(row);
        }
        assertEquals(25, store.insert("suite-run", rows));
        List<Object[]> got = rows("SELECT COUNT(*) FROM muwclass.classified_sources WHERE run_id = 'suite-run'");
        assertEquals(25L, ((Number) got.get(0)[0]).longValue());
        List<Object[]> flagged = rows("SELECT name, training_name, training_class FROM muwclass.classified_sources"
                + " WHERE run_id = 'suite-run' AND input_flag = 'training_source_loo'");
        assertEquals(1, flagged.size());
        assertEquals(rows.get(3).get("name"), flagged.get(0)[0]);
        assertEquals(rows.get(3).get("name"), flagged.get(0)[1]);
        assertEquals(rows.get(3).get("training_class"), flagged.get(0)[2]);
        assertEquals(List.of("training_name", "training_class", "input_flag"), rows("SELECT column_name FROM"
                + " TAP_SCHEMA.columns WHERE table_name = 'muwclass.classified_sources' AND column_name IN"
                + " ('training_name', 'training_class', 'input_flag') ORDER BY column_index").stream()
                .map(r -> r[0]).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> store.insert("x", List.of(Map.of("colour", 1.0))));
        assertTrue(bad.getMessage().contains("'colour'"));
        assertEquals(25, store.deleteRun("suite-run"));
    }

    /** Unit vector of (ra, dec) in degrees: the oracle below is plain vector algebra, independent of SkyShape. */
    private static double[] vec(double raDeg, double decDeg) {
        double a = Math.toRadians(raDeg);
        double d = Math.toRadians(decDeg);
        return new double[]{Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
    }

    /** Inside a convex polygon given counter-clockwise: on the left of (or on) every edge's great circle. */
    private static boolean insideConvex(double[] p, double[][] ccw) {
        for (int k = 0; k < ccw.length; k++) {
            double[] a = ccw[k];
            double[] b = ccw[(k + 1) % ccw.length];
            double[] n = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
            if (n[0] * p[0] + n[1] * p[1] + n[2] * p[2] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A great-circle quadrilateral round the Galactic centre region, written clockwise: order must not matter. */
    private static final double[] QUAD = {262.0, -34.0, 262.0, -24.0, 270.0, -22.0, 271.0, -35.0};

    @Test
    void polygonSearchMatchesBruteForceInEitherVertexOrder() throws Exception {
        double[][] ccw = new double[4][];
        for (int k = 0; k < 4; k++) { // QUAD is clockwise on the sky; reversed it is counter-clockwise
            ccw[k] = vec(QUAD[2 * (3 - k)], QUAD[2 * (3 - k) + 1]);
        }
        long expected = tdCount(i -> insideConvex(vec(ra(i), dec(i)), ccw));
        assertTrue(expected > 10, "the polygon should hold training-set sources: " + expected);
        StringBuilder cw = new StringBuilder();
        StringBuilder reversed = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            cw.append(", ").append(QUAD[2 * k]).append(", ").append(QUAD[2 * k + 1]);
            reversed.append(", ").append(QUAD[2 * (3 - k)]).append(", ").append(QUAD[2 * (3 - k) + 1]);
        }
        for (String vertices : List.of(cw.toString(), reversed.toString())) {
            List<Object[]> got = rows("SELECT name, ra, dec FROM muwclass.training_set WHERE 1 = CONTAINS("
                    + "POINT('ICRS', ra, dec), POLYGON('ICRS'" + vertices + "))");
            assertEquals(expected, got.size(), vertices);
            for (Object[] row : got) {
                assertTrue(insideConvex(vec((Double) row[1], (Double) row[2]), ccw), (String) row[0]);
            }
        }
        // the same polygon as an STC-S REGION, and INTERSECTS with the point on either side
        assertEquals(expected, rows("SELECT name FROM muwclass.training_set WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), "
                + "REGION('POLYGON ICRS" + cw.toString().replace(",", "") + "'))").size());
        assertEquals(expected, rows("SELECT name FROM muwclass.training_set WHERE 1 = INTERSECTS("
                + "POLYGON('ICRS'" + cw + "), POINT('ICRS', ra, dec))").size());
    }

    @Test
    void polygonAcrossRaZeroMatchesBruteForce() throws Exception {
        // pgSphere's GiST index once lost rows for an sbox across ra = 0; a polygon there must lose none
        double[][] ccw = {vec(350, -20), vec(10, -20), vec(10, 20), vec(350, 20)};
        long expected = tdCount(i -> insideConvex(vec(ra(i), dec(i)), ccw));
        assertTrue(expected > 10, "sources in the polygon: " + expected);
        assertEquals(expected, ((Number) rows("SELECT COUNT(*) AS n FROM muwclass.training_set WHERE 1 = CONTAINS("
                + "POINT('ICRS', ra, dec), POLYGON('ICRS', 350, -20, 10, -20, 10, 20, 350, 20))").get(0)[0])
                .longValue());
    }

    @Test
    void areaOfAOneDegreeCircleAndOfAPolygonInSquareDegrees() throws Exception {
        double perRad = 180 / Math.PI;
        double cap = 2 * Math.PI * (1 - Math.cos(Math.toRadians(1))) * perRad * perRad;
        List<Object[]> got = rows("SELECT TOP 1 AREA(CIRCLE('ICRS', 10, 20, 1)) AS cap, "
                + "AREA(POLYGON('ICRS', 0, 0, 90, 0, 0, 90)) AS octant FROM muwclass.training_set");
        assertEquals(cap, (Double) got.get(0)[0], cap * 1e-9);
        assertEquals(4 * Math.PI / 8 * perRad * perRad, (Double) got.get(0)[1], 1e-6); // 5156.62 deg2
        String doc = run("SELECT TOP 1 AREA(CIRCLE('ICRS', 10, 20, 1)) AS cap, DISTANCE(POINT('ICRS', ra, dec), "
                + "POINT('ICRS', 0, 0)) AS d FROM muwclass.training_set", TableFormat.VOTABLE, 10, List.of(),
                Map.of());
        assertTrue(doc.matches("(?s).*<FIELD [^>]*name=\"cap\"[^>]*unit=\"deg\\*\\*2\".*"), doc);
        assertTrue(doc.matches("(?s).*<FIELD [^>]*name=\"d\"[^>]*unit=\"deg\".*"), doc);
    }

    @Test
    void geometryValuesAreDaliArraysWithXtypes() throws Exception {
        String adql = "SELECT TOP 1 POINT('ICRS', 10.5, -20.25) AS p, CIRCLE('ICRS', 10, 20, 0.5) AS c, "
                + "POLYGON('ICRS', 9, -1, 11, -1, 11, 1, 9, 1) AS poly, "
                + "CENTROID(POLYGON('ICRS', 9, -1, 11, -1, 11, 1, 9, 1)) AS mid FROM muwclass.training_set";
        String doc = run(adql, TableFormat.VOTABLE, 10, List.of(), Map.of());
        for (String[] col : new String[][]{{"p", "point"}, {"c", "circle"}, {"poly", "polygon"}, {"mid", "point"}}) {
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("<FIELD [^>]*name=\"" + col[0]
                    + "\"[^>]*>").matcher(doc);
            assertTrue(field.find(), doc);
            assertTrue(field.group().contains("datatype=\"double\""), field.group());
            assertTrue(field.group().contains("arraysize=\"*\""), field.group());
            assertTrue(field.group().contains("xtype=\"" + col[1] + "\""), field.group());
        }
        StarTable t = new VOTableBuilder().makeStarTable(new ByteArrayDataSource("r", doc.getBytes(
                StandardCharsets.UTF_8)), false, uk.ac.starlink.table.StoragePolicy.PREFER_MEMORY);
        assertEquals("point", t.getColumnInfo(0).getXtype());
        assertEquals(double[].class, t.getColumnInfo(0).getContentClass());
        try (RowSequence rs = t.getRowSequence()) {
            assertTrue(rs.next());
            Object[] row = rs.getRow();
            assertArrayEquals(new double[]{10.5, -20.25}, (double[]) row[0], 1e-9);
            assertArrayEquals(new double[]{10, 20, 0.5}, (double[]) row[1], 1e-9);
            assertArrayEquals(new double[]{9, -1, 11, -1, 11, 1, 9, 1}, (double[]) row[2], 1e-9);
            assertArrayEquals(new double[]{10, 0}, (double[]) row[3], 1e-9); // centroid of a symmetric polygon
        }
    }

    @Test
    void unsupportedGeometryIsAUserErrorNamingTheShapes() {
        TapException e = assertThrows(TapException.class, () -> rows("SELECT name FROM muwclass.training_set "
                + "WHERE 1 = INTERSECTS(POLYGON('ICRS', 1, 1, 2, 1, 2, 2), BOX('ICRS', 1, 1, 2, 2))"));
        assertTrue(e.userError());
        assertTrue(e.getMessage().startsWith("ADQL error: INTERSECTS(POLYGON, BOX) is not supported: BOX(...) can "
                + "only be used as CONTAINS(POINT, BOX)"), e.getMessage());
    }

    @Test
    void uploadedPointColumnsRoundTripAndWorkInContains() throws Exception {
        int[] picks = {7, 700, 2100};
        StringBuilder vot = new StringBuilder("<?xml version='1.0'?><VOTABLE version='1.4' "
                + "xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE><TABLE>"
                + "<FIELD name='id' datatype='int'/><FIELD name='pos' datatype='double' arraysize='2' xtype='point' "
                + "unit='deg'/><DATA><TABLEDATA>");
        for (int p : picks) {
            vot.append("<TR><TD>").append(p).append("</TD><TD>").append(ra(p)).append(' ').append(dec(p))
                    .append("</TD></TR>");
        }
        vot.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
        Map<String, byte[]> parts = Map.of("t1", vot.toString().getBytes(StandardCharsets.UTF_8));
        List<TapRequest.Upload> up = List.of(new TapRequest.Upload("mine", "t1"));
        String doc = run("SELECT u.id, u.pos, t.name FROM TAP_UPLOAD.mine AS u JOIN muwclass.training_set AS t "
                + "ON 1 = CONTAINS(u.pos, CIRCLE('ICRS', t.ra, t.dec, 1.0/3600)) ORDER BY 1", TableFormat.VOTABLE,
                1000, up, parts);
        assertTrue(doc.matches("(?s).*<FIELD [^>]*name=\"pos\"[^>]*xtype=\"point\".*"), doc);
        List<Object[]> got = rows("SELECT u.id, u.pos, t.name FROM TAP_UPLOAD.mine AS u JOIN muwclass.training_set "
                + "AS t ON 1 = CONTAINS(u.pos, CIRCLE('ICRS', t.ra, t.dec, 1.0/3600)) ORDER BY 1",
                TableFormat.VOTABLE, 1000, up, parts);
        assertEquals(picks.length, got.size());
        // an uploaded point in a BOX, either argument order of INTERSECTS
        double boxRa = ra(700);
        double boxDec = dec(700);
        for (String where : List.of("1 = CONTAINS(u.pos, BOX('ICRS', " + boxRa + ", " + boxDec + ", 0.01, 0.01))",
                "1 = INTERSECTS(BOX('ICRS', " + boxRa + ", " + boxDec + ", 0.01, 0.01), u.pos)")) {
            List<Object[]> inBox = rows("SELECT u.id FROM TAP_UPLOAD.mine AS u WHERE " + where,
                    TableFormat.VOTABLE, 1000, up, parts);
            assertEquals(1, inBox.size(), where);
            assertEquals(700, ((Number) inBox.get(0)[0]).intValue());
        }
        for (int k = 0; k < picks.length; k++) {
            assertEquals(picks[k], ((Number) got.get(k)[0]).intValue());
            assertArrayEquals(new double[]{ra(picks[k]), dec(picks[k])}, (double[]) got.get(k)[1], 1e-9);
            assertEquals(td.cell(picks[k], "CSCv2_name"), got.get(k)[2]);
        }
        TapException bad = assertThrows(TapException.class, () -> run("SELECT * FROM TAP_UPLOAD.x",
                TableFormat.VOTABLE, 10, List.of(new TapRequest.Upload("x", "p")), Map.of("p", vot.toString()
                        .replace(ra(700) + " " + dec(700), "1 2 3").replace("arraysize='2'", "arraysize='*'")
                        .getBytes(StandardCharsets.UTF_8))));
        assertEquals("UPLOAD x: the point in column 'pos' of row 2 is not valid: got 3 values; a point has 2 (ra dec), "
                + "a circle 3 (ra dec radius, radius 0..180 deg), a polygon an even number of at least 6, in degrees",
                bad.getMessage());
    }

    @Test
    void geometryValuesInTextFormats() throws Exception {
        String q = "SELECT TOP 1 POINT('ICRS', 10.5, -20.25) AS p, POLYGON('ICRS', 9, -1, 11, -1, 11, 1) AS g "
                + "FROM muwclass.training_set";
        assertEquals("p\tg\n10.5 -20.25\t9.0 -1.0 11.0 -1.0 11.0 1.0\n",
                run(q, TableFormat.TSV, 10, List.of(), Map.of()).replace("\r\n", "\n"));
        assertTrue(run(q, TableFormat.CSV, 10, List.of(), Map.of()).contains(
                "\"(10.5, -20.25)\",\"(9.0, -1.0, 11.0, -1.0, 11.0, 1.0)\""));
    }

    @Test
    void uploadedCirclesAndPolygonsSelectSources() throws Exception { // the circle as DALI text in a char column
        double ra0 = ra(100);
        double dec0 = dec(100);
        String vot = "<?xml version='1.0'?><VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'>"
                + "<RESOURCE><TABLE><FIELD name='id' datatype='int'/>"
                + "<FIELD name='cone' datatype='char' arraysize='*' xtype='circle'/>"
                + "<FIELD name='field' datatype='double' arraysize='*' xtype='polygon'/><DATA><TABLEDATA>"
                + "<TR><TD>1</TD><TD>" + ra0 + " " + dec0 + " 5.0</TD><TD>350 -20 10 -20 10 20 350 20</TD></TR>"
                + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        Map<String, byte[]> parts = Map.of("t1", vot.getBytes(StandardCharsets.UTF_8));
        List<TapRequest.Upload> up = List.of(new TapRequest.Upload("mine", "t1"));
        long inCone = tdCount(i -> SkyGeometry.distance(ra(i), dec(i), ra0, dec0) <= 5.0);
        double[][] ccw = {vec(350, -20), vec(10, -20), vec(10, 20), vec(350, 20)};
        long inPolygon = tdCount(i -> insideConvex(vec(ra(i), dec(i)), ccw));
        List<Object[]> got = rows("SELECT u.id, u.cone, u.field FROM TAP_UPLOAD.mine AS u", TableFormat.VOTABLE,
                10, up, parts);
        assertEquals(inCone, ((Number) rows("SELECT COUNT(*) AS n FROM TAP_UPLOAD.mine AS u JOIN "
                + "muwclass.training_set AS t ON 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), u.cone)",
                TableFormat.VOTABLE, 10, up, parts).get(0)[0]).longValue());
        assertArrayEquals(new double[]{ra0, dec0, 5.0}, (double[]) got.get(0)[1], 1e-9);
        assertArrayEquals(new double[]{350, -20, 10, -20, 10, 20, 350, 20}, (double[]) got.get(0)[2], 1e-9);
        assertEquals(inPolygon, ((Number) rows("SELECT COUNT(*) AS n FROM TAP_UPLOAD.mine AS u "
                + "JOIN muwclass.training_set AS t ON 1 = INTERSECTS(u.field, POINT('ICRS', t.ra, t.dec))",
                TableFormat.VOTABLE, 10, up, parts).get(0)[0]).longValue());
    }
}
