package org.muwclass.service.tap.query;

import org.muwclass.tables.TableFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.muwclass.service.tap.TapFixture;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * The embedded database's spherical geometry (H2 + SkyShape) answers as pgSphere does: 200 seeded random cases, each
 * a convex polygon, a second polygon, a circle and a point near each other anywhere on the sky (poles and ra = 0
 * included), every CONTAINS / INTERSECTS pair and AREA compared through the whole TAP query path. Runs where
 * MUWCLASS_PG_URL points at PostgreSQL + pgSphere (CI; scripts/start-postgres.sh locally).
 */
@EnabledIfEnvironmentVariable(named = "MUWCLASS_PG_URL", matches = "jdbc:postgresql:.+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeometryAgreementTest {

    private static final int CASES = 200;
    private TapFixture h2;
    private TapFixture pg;

    @BeforeAll
    void open() throws Exception {
        h2 = TapFixture.h2();
        pg = TapFixture.postgres();
    }

    @AfterAll
    void close() {
        h2.close();
        pg.close();
    }

    @Test
    void h2AgreesWithPgSphereOnRandomShapes() throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261207);
        int agreeingTrue = 0;
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            double ra0 = rnd.nextDouble(0, 360);
            double dec0 = Math.toDegrees(Math.asin(rnd.nextDouble(-1, 1)));
            double size = rnd.nextDouble(0.5, 25);
            String p1 = polygon(rnd, ra0, dec0, size);
            double[] c2 = offset(ra0, dec0, rnd.nextDouble(0, 1.5 * size), rnd.nextDouble(0, 360));
            String p2 = polygon(rnd, c2[0], c2[1], rnd.nextDouble(0.2, 1.2) * size);
            double[] cc = offset(ra0, dec0, rnd.nextDouble(0, 1.5 * size), rnd.nextDouble(0, 360));
            String circle = String.format(Locale.ROOT, "CIRCLE('ICRS', %.9f, %.9f, %.9f)", cc[0], cc[1],
                    rnd.nextDouble(0.05, 0.8) * size);
            double[] pt = offset(ra0, dec0, rnd.nextDouble(0, 1.3 * size), rnd.nextDouble(0, 360));
            String point = String.format(Locale.ROOT, "POINT('ICRS', %.9f, %.9f)", pt[0], pt[1]);
            String adql = "SELECT TOP 1 CONTAINS(" + point + ", " + p1 + ") AS pt_in_p1, "
                    + "CONTAINS(" + point + ", " + circle + ") AS pt_in_c, "
                    + "CONTAINS(" + circle + ", " + p1 + ") AS c_in_p1, "
                    + "CONTAINS(" + p1 + ", " + circle + ") AS p1_in_c, "
                    + "CONTAINS(" + p2 + ", " + p1 + ") AS p2_in_p1, "
                    + "INTERSECTS(" + circle + ", " + p1 + ") AS c_meets_p1, "
                    + "INTERSECTS(" + p1 + ", " + p2 + ") AS p1_meets_p2, "
                    + "INTERSECTS(" + p1 + ", " + point + ") AS p1_meets_pt, "
                    + "AREA(" + p1 + ") AS area_p1, AREA(" + circle + ") AS area_c "
                    + "FROM muwclass.training_set";
            Object[] a = row(h2, adql);
            Object[] b = row(pg, adql);
            for (int k = 0; k < 8; k++) {
                boolean x = truth(a[k]);
                boolean y = truth(b[k]);
                if (x != y) {
                    disagreements.add("case " + n + " column " + (k + 1) + ": H2 " + x + ", pgSphere " + y + " in "
                            + adql);
                } else if (x) {
                    agreeingTrue++;
                }
            }
            for (int k = 8; k < 10; k++) {
                double x = ((Number) a[k]).doubleValue();
                double y = ((Number) b[k]).doubleValue();
                assertEquals(y, x, 1e-6 * Math.max(1, y), "AREA column " + (k + 1) + " of case " + n);
            }
        }
        System.out.println("GeometryAgreementTest: " + CASES * 8 + " predicates, " + agreeingTrue + " true on both");
        assertEquals(List.of(), disagreements);
        // the cases must exercise both answers, not only "no"
        assertTrue(agreeingTrue > CASES * 8 / 5 && agreeingTrue < CASES * 8 * 4 / 5, "true answers: " + agreeingTrue);
    }

    /** A convex polygon of 3 to 8 vertices round (ra0, dec0), ordered by position angle. */
    private static String polygon(SplittableRandom rnd, double ra0, double dec0, double size) {
        int n = 3 + rnd.nextInt(6);
        double[] pa = new double[n];
        for (int i = 0; i < n; i++) {
            pa[i] = rnd.nextDouble(0, 360);
        }
        java.util.Arrays.sort(pa);
        StringBuilder s = new StringBuilder("POLYGON('ICRS'");
        boolean clockwise = rnd.nextBoolean(); // both vertex orders describe the same (smaller) region
        for (int k = 0; k < n; k++) {
            int i = clockwise ? n - 1 - k : k;
            double[] v = offset(ra0, dec0, size, pa[i]); // one radius for all: a convex polygon inscribed in a circle
            s.append(String.format(Locale.ROOT, ", %.9f, %.9f", v[0], v[1]));
        }
        return s.append(')').toString();
    }

    /** The position at angular distance {@code dist} deg and position angle {@code pa} deg from (ra, dec). */
    private static double[] offset(double ra, double dec, double dist, double pa) {
        double d = Math.toRadians(dec);
        double r = Math.toRadians(dist);
        double t = Math.toRadians(pa);
        double sinDec = Math.sin(d) * Math.cos(r) + Math.cos(d) * Math.sin(r) * Math.cos(t);
        double dec2 = Math.asin(Math.max(-1, Math.min(1, sinDec)));
        double ra2 = Math.toRadians(ra) + Math.atan2(Math.sin(t) * Math.sin(r) * Math.cos(d),
                Math.cos(r) - Math.sin(d) * sinDec);
        double raDeg = Math.toDegrees(ra2) % 360;
        return new double[]{raDeg < 0 ? raDeg + 360 : raDeg, Math.toDegrees(dec2)};
    }

    private static boolean truth(Object v) {
        return v instanceof Boolean b ? b : ((Number) v).intValue() == 1;
    }

    private static Object[] row(TapFixture fx, String adql) throws Exception {
        try (TapQueryRunner.Result r = fx.runner().run(new TapRequest(adql, TableFormat.VOTABLE, 10, List.of()),
                p -> null)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.writeTo(out);
            StarTable t = new VOTableBuilder().makeStarTable(new ByteArrayDataSource("r",
                    out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)), false,
                    uk.ac.starlink.table.StoragePolicy.PREFER_MEMORY);
            try (RowSequence rs = t.getRowSequence()) {
                assertTrue(rs.next(), adql);
                return rs.getRow().clone();
            }
        }
    }
}
