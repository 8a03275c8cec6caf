package org.muwclass.service.tap.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.tap.PositionIndexes;
import org.muwclass.service.tap.TapDatabaseSetup;

/**
 * The HEALPix cell prefilter of H2 cone searches returns exactly the rows of the plain distance test (a full scan with
 * {@code muw_in_circle}) on random cones, with cones across RA = 0/360, at and near both poles, and points placed on
 * and around each cone's edge.
 */
class SkyIndexConeTest {

    private static final long SEED = 20261207L;
    private static Database db;
    private static AdqlCompiler compiler;

    @BeforeAll
    static void fill() throws Exception {
        TableDescriptor described = VoConfigReader.fromDirectory(Path.of("vo-config")).read()
                .table(ClassifiedSourcesStore.TABLE).orElseThrow();
        TableDescriptor t = new TableDescriptor("geomtest", "geomtest.classified_sources", "table", "test", "",
                described.columns());
        db = Database.open("jdbc:h2:mem:skyindex" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE", "sa", "");
        TapDatabaseSetup.registerH2Functions(db);
        new ClassifiedSourcesStore(db, t).createIfMissing();
        PositionIndexes.create(db, t);
        compiler = new AdqlCompiler(List.of(AdqlTables.of(t)), SqlDialect.H2);
        SplittableRandom rnd = new SplittableRandom(SEED);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO geomtest.classified_sources (name, ra, dec, run_id) VALUES (?,?,?,'t')")) {
            c.setAutoCommit(false);
            int n = 0;
            for (int i = 0; i < 20_000; i++) { // uniform on the sky
                add(ps, n++, 360 * rnd.nextDouble(), Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)));
            }
            for (double[] cone : cones()) { // around each cone, many within 2 radii of its centre
                for (int i = 0; i < 300; i++) {
                    double[] p = offset(cone[0], cone[1], 2 * cone[2] * rnd.nextDouble(), 360 * rnd.nextDouble());
                    add(ps, n++, p[0], p[1]);
                }
                for (int i = 0; i < 20; i++) { // on the edge (to rounding)
                    double[] p = offset(cone[0], cone[1], cone[2], 360 * rnd.nextDouble());
                    add(ps, n++, p[0], p[1]);
                }
            }
            add(ps, n++, 0, 90);
            add(ps, n++, 123, -90);
            add(ps, n++, 360, 0);
            ps.setString(1, "null dec");
            ps.setDouble(2, 10);
            ps.setNull(3, java.sql.Types.DOUBLE);
            ps.executeUpdate();
            ps.executeBatch();
            c.commit();
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Cones: random, across RA 0/360, at and near the poles, big and tiny; {ra, dec, radius}. */
    private static List<double[]> cones() {
        List<double[]> cones = new java.util.ArrayList<>(List.of(
                new double[]{0.0, 0.0, 1.0}, new double[]{359.95, 12.0, 0.2}, new double[]{0.02, -45.0, 0.05},
                new double[]{180.0, 89.95, 0.1}, new double[]{10.0, 90.0, 1.0}, new double[]{250.0, -89.5, 1.0},
                new double[]{45.0, 41.8103, 0.3}, new double[]{135.0, -41.8103, 0.3}, new double[]{90.0, 0.0, 5.0},
                new double[]{300.0, 60.0, 0.001}, new double[]{359.999, 89.999, 0.5}));
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 40; i++) {
            cones.add(new double[]{360 * rnd.nextDouble(), Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)),
                    Math.pow(10, -2 + 2.5 * rnd.nextDouble())});
        }
        return cones;
    }

    private static void add(PreparedStatement ps, int i, double ra, double dec) throws Exception {
        ps.setString(1, "P" + i);
        ps.setDouble(2, ra);
        ps.setDouble(3, dec);
        ps.addBatch();
    }

    /** The position at {@code dist} deg from (ra, dec) towards position angle {@code pa} deg. */
    private static double[] offset(double ra, double dec, double dist, double pa) {
        double d = Math.toRadians(dec);
        double r = Math.toRadians(dist);
        double p = Math.toRadians(pa);
        double sinDec = Math.sin(d) * Math.cos(r) + Math.cos(d) * Math.sin(r) * Math.cos(p);
        double dec2 = Math.asin(Math.max(-1, Math.min(1, sinDec)));
        double dra = Math.atan2(Math.sin(p) * Math.sin(r) * Math.cos(d), Math.cos(r) - Math.sin(d) * sinDec);
        double ra2 = (ra + Math.toDegrees(dra)) % 360;
        return new double[]{ra2 < 0 ? ra2 + 360 : ra2, Math.toDegrees(dec2)};
    }

    private static TreeSet<String> names(String sql) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void cellPrefilterReturnsExactlyTheRowsOfTheDistanceTest() throws Exception {
        int withCells = 0;
        long rows = 0;
        for (double[] cone : cones()) {
            String circle = cone[0] + ", " + cone[1] + ", " + cone[2];
            TreeSet<String> expected = names("SELECT name FROM geomtest.classified_sources WHERE muw_in_circle(ra, dec, "
                    + circle + ") = 1");
            String contains = compiler.compile("SELECT name FROM geomtest.classified_sources WHERE "
                    + "1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', " + circle + "))").sql();
            String distance = compiler.compile("SELECT s.name FROM geomtest.classified_sources AS s WHERE "
                    + "DISTANCE(POINT('', s.ra, s.dec), POINT('', " + cone[0] + ", " + cone[1] + ")) <= " + cone[2])
                    .sql();
            withCells += contains.contains("\"muw_hpx\" IN (") ? 1 : 0;
            assertEquals(expected, names(contains), circle + ": " + contains);
            assertEquals(expected, names(distance), circle + ": " + distance);
            rows += expected.size();
        }
        assertEquals(cones().size() - 0, withCells + (int) cones().stream().filter(c -> c[2] > 7).count(),
                "every cone under 7 deg uses the cell prefilter");
        assertTrue(rows > 5_000, "the cones hold rows: " + rows);
    }

    @Test
    void theCellIndexServesTheQuery() throws Exception {
        String sql = compiler.compile("SELECT name FROM geomtest.classified_sources WHERE "
                + "1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 359.99, 0.0, 0.1))").sql();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            rs.next();
            assertTrue(rs.getString(1).contains("classified_sources_muw_hpx_idx: muw_hpx IN("), rs.getString(1));
        }
    }

    @Test
    void cellsCoverTheirConeAndSelectStarHidesTheColumn() throws Exception {
        long[] cells = SkyIndex.coveringCells(359.99, 0.0, 0.1);
        assertTrue(cells.length >= 2, "a cone across RA 0 covers cells on both sides");
        assertEquals(-1, SkyIndex.cell(0, 91));
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM geomtest.classified_sources LIMIT 1")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertTrue(!rs.getMetaData().getColumnName(i).equalsIgnoreCase(SkyIndex.COLUMN));
            }
        }
    }
}
