package org.muwclass.core.oversampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muwclass.core.features.TrainingMatrix;

class SmoteTest {

    private static final double NAN = Double.NaN;

    private static TrainingMatrix data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()});
            y.add(0);
        }
        for (int i = 0; i < 7; i++) {
            rows.add(new double[] {3 + r.nextGaussian(), r.nextGaussian(), r.nextGaussian()});
            y.add(2);
        }
        for (int i = 0; i < 12; i++) {
            rows.add(new double[] {-3 + r.nextGaussian(), r.nextGaussian(), r.nextGaussian()});
            y.add(1);
        }
        return new TrainingMatrix(rows.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void fillsEveryClassToTheMajorityCountAfterTheOriginals() {
        TrainingMatrix in = data(1);
        TrainingMatrix out = Smote.paper().resample(in, 4, new SplittableRandom(5));
        assertEquals(90, out.size());
        for (int i = 0; i < in.size(); i++) {
            assertArrayEquals(in.rows()[i], out.rows()[i]);
            assertEquals(in.labels()[i], out.labels()[i]);
        }
        // synthetic rows: 18 of class 1, then 23 of class 2; class 3 is empty and stays empty
        for (int i = 49; i < 67; i++) {
            assertEquals(1, out.labels()[i]);
        }
        for (int i = 67; i < 90; i++) {
            assertEquals(2, out.labels()[i]);
        }
    }

    @Test
    void everySyntheticRowLiesOnASegmentToOneOfTheFourNearestNeighbours() {
        TrainingMatrix in = data(2);
        TrainingMatrix out = Smote.paper().resample(in, 3, new SplittableRandom(9));
        for (int i = in.size(); i < out.size(); i++) {
            assertTrue(onNeighbourSegment(in, out.labels()[i], out.rows()[i]), "row " + i);
        }
    }

    /** Brute force: some class row a and one of its 4 nearest class rows b with x = a + u (b - a), one u. */
    private static boolean onNeighbourSegment(TrainingMatrix in, int cls, double[] x) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.labels()[i] == cls) {
                members.add(i);
            }
        }
        for (int a : members) {
            double[] xa = in.rows()[a];
            List<Integer> others = new ArrayList<>(members);
            others.remove(Integer.valueOf(a));
            others.sort(Comparator.comparingDouble(b -> dist2(xa, in.rows()[b])));
            for (int b : others.subList(0, 4)) {
                double[] xb = in.rows()[b];
                double u = (x[0] - xa[0]) / (xb[0] - xa[0]);
                boolean ok = u >= 0 && u < 1;
                for (int j = 0; j < x.length && ok; j++) {
                    ok = Math.abs(xa[j] + u * (xb[j] - xa[j]) - x[j]) < 1e-12;
                }
                if (ok) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    @Test
    void missingValuesGroupRowsAndComeBackAsMissing() {
        // class 1: 3 rows missing column 0, 3 rows with it; majority class 0 has 8 rows
        double[][] x = {
            {0, 0}, {1, 1}, {2, 0}, {0, 2}, {1, 0}, {2, 2}, {0, 1}, {-5, 1},
            {NAN, 0.1}, {NAN, 0.2}, {NAN, 0.3}, {0.5, 0.1}, {0.6, 0.2}, {0.7, 0.3}};
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        TrainingMatrix out = Smote.paper().resample(new TrainingMatrix(x, y), 2, new SplittableRandom(3));
        assertEquals(16, out.size());
        for (int i = 14; i < 16; i++) {
            double v = out.rows()[i][0];
            // column-0 training minimum is -5: nothing below it survives, exnum interpolations become NaN
            assertTrue(Double.isNaN(v) || v >= -5, "row " + i + ": " + v);
        }
        for (int i = 8; i < 11; i++) {
            assertTrue(Double.isNaN(out.rows()[i][0]), "original missing stays missing");
        }
        assertEquals(-5.0, out.rows()[7][0], "the minimum itself is kept");
        assertTrue(MissingValues.fill(out.rows()) == out.rows());
        assertEquals(MissingValues.FLAG, out.rows()[8][0]);
    }

    /**
     * Neighbours are found on exact squared differences even when rows carry the -9999999 stand-in for missing values.
     * scikit-learn's brute-force NearestNeighbors (what imblearn's SMOTE uses) computes |a|^2 - 2ab + |b|^2, which at
     * ~4e14 rounds away differences below ~0.1 and on this very class picks row 9 instead of row 8 as a neighbour of
     * row 1 (docs/evaluation.md §6.1).
     */
    @Test
    void neighboursAreExactBesideTheMissingValueStandIn() {
        double[][] geometry = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}, {0.7075, 0.7075}, {0.8058, 0.7259},
            {0.7908, 0.7628}, {0.7628, 0.7908}, {0.7259, 0.8058}};
        List<double[]> rows = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new double[] {i % 5, i % 3, i % 7, i % 2, -2 + i % 11, -2 + i % 13});
            y.add(0);
        }
        for (double[] g : geometry) {
            rows.add(new double[] {NAN, NAN, NAN, NAN, g[0], g[1]});
            y.add(1);
        }
        TrainingMatrix in = new TrainingMatrix(rows.toArray(new double[0][]),
                y.stream().mapToInt(Integer::intValue).toArray());
        TrainingMatrix out = Smote.paper().resample(in, 2, new SplittableRandom(42));
        assertEquals(4000, out.size());
        // exact squared distances from row 1: rows 6, 5, 7, 8 at 0.565, 0.586, 0.626, 0.682; row 9 (5th) at 0.724
        int towardExact = 0;
        for (int i = in.size(); i < out.size(); i++) {
            double[] r = out.rows()[i];
            assertTrue(Double.isNaN(r[0]) && Double.isNaN(r[3]), "missing stays missing, row " + i);
            double[] p = {r[4], r[5]};
            assertTrue(!onOpenSegment(p, geometry[1], geometry[9]), "row 9 is not among row 1's 4 nearest: " + i);
            if (onOpenSegment(p, geometry[1], geometry[8])) {
                towardExact++;
            }
        }
        assertTrue(towardExact > 20, "base row 1 toward its 4th nearest (row 8): " + towardExact);
    }

    private static boolean onOpenSegment(double[] p, double[] a, double[] b) {
        double u = (p[0] - a[0]) / (b[0] - a[0]);
        return u > 0 && u < 1 && Math.abs(a[1] + u * (b[1] - a[1]) - p[1]) < 1e-12;
    }

    @Test
    void sameStreamSameResult() {
        TrainingMatrix a = Smote.paper().resample(data(4), 3, new SplittableRandom(11));
        TrainingMatrix b = Smote.paper().resample(data(4), 3, new SplittableRandom(11));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.rows()[i], b.rows()[i]);
        }
    }

    @Test
    void singleRowClassIsDuplicated() {
        double[][] x = {{0, 0}, {1, 1}, {2, 2}, {9, 9}};
        int[] y = {0, 0, 0, 1};
        TrainingMatrix out = Smote.paper().resample(new TrainingMatrix(x, y), 2, new SplittableRandom(1));
        assertEquals(6, out.size());
        assertArrayEquals(new double[] {9, 9}, out.rows()[4]);
        assertArrayEquals(new double[] {9, 9}, out.rows()[5]);
    }
}
