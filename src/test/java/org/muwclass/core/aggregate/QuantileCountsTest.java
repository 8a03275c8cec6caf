package org.muwclass.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lattice counts for medians and 2-sigma quantiles: exact on the lattice, within 0.0025 off it, bounded memory. */
class QuantileCountsTest {

    private static final double[] QS = {0.5, Quantiles.LOWER_2SIGMA, Quantiles.UPPER_2SIGMA, 0.0, 1.0, 0.3};

    @Test
    void valuesOnTheLatticeGiveTheExactQuantiles() {
        SplittableRandom rng = new SplittableRandom(5);
        QuantileCounts counts = new QuantileCounts(1, 2);
        double[][] kept = new double[2][1001];
        for (int i = 0; i < 1001; i++) {
            double a = rng.nextInt(101) / 100.0; // votes of a 100-tree forest with pure leaves
            double b = rng.nextInt(401) / 400.0 < 0.5 ? 0.0 : rng.nextInt(201) / 200.0;
            kept[0][i] = a;
            kept[1][i] = b;
            counts.add(0, new double[] {a, b});
        }
        for (int c = 0; c < 2; c++) {
            Arrays.sort(kept[c]);
            for (double q : QS) {
                assertEquals(Quantiles.sorted(kept[c], q), counts.quantile(0, c, q), 1e-12, "class " + c + " q " + q);
            }
        }
        assertEquals(1001, counts.count(0));
    }

    @Test
    void anyValueMovesTheQuantilesByAtMostHalfAStep() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int n : new int[] {1, 2, 7, 100, 8040}) {
            QuantileCounts counts = new QuantileCounts(1, 1);
            double[] kept = new double[n];
            for (int i = 0; i < n; i++) {
                kept[i] = Math.pow(rng.nextDouble(), 3); // skewed towards 0, like most class probabilities
                counts.add(0, new double[] {kept[i]});
            }
            Arrays.sort(kept);
            for (double q : QS) {
                double exact = Quantiles.sorted(kept, q);
                double error = Math.abs(counts.quantile(0, 0, q) - exact);
                assertTrue(error <= 0.5 / QuantileCounts.STEPS + 1e-12, n + " values, q " + q + ": off by " + error);
            }
        }
    }

    @Test
    void theOrderOfValuesDoesNotMatter() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] v = new double[500];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        QuantileCounts forward = new QuantileCounts(1, 1);
        QuantileCounts backward = new QuantileCounts(1, 1);
        for (int i = 0; i < v.length; i++) {
            forward.add(0, new double[] {v[i]});
            backward.add(0, new double[] {v[v.length - 1 - i]});
        }
        for (double q : QS) {
            assertEquals(forward.quantile(0, 0, q), backward.quantile(0, 0, q));
        }
    }

    @Test
    void edgesAndNoValues() {
        QuantileCounts counts = new QuantileCounts(2, 1);
        counts.add(0, new double[] {-0.1});
        counts.add(0, new double[] {1.5});
        counts.add(0, new double[] {Double.NaN});
        assertEquals(0.0, counts.quantile(0, 0, 0.5));
        assertEquals(1.0, counts.quantile(0, 0, 1.0));
        assertTrue(Double.isNaN(counts.quantile(1, 0, 0.5)), "a source without values has no quantiles");
    }

    /**
     * A 50,000-source table at 8 classes x 8,000 values per source: kept as floats that is 12.8 GB; counted it is
     * 50,000 x 8 x 201 ints (~322 MB) however many values come. The budget is 8 KB per source (400 MB).
     */
    @Test
    void fiftyThousandSourcesAtEightThousandValuesStayUnderTheByteBudget() {
        int sources = 50_000;
        int classes = 8;
        int draws = 8_000;
        QuantileCounts counts = new QuantileCounts(sources, classes);
        SplittableRandom rng = new SplittableRandom(1);
        double[] p = new double[classes];
        for (int s = 0; s < sources; s++) {
            // every source gets values; every 50th the full 8,000 (the rest cost the same memory, only time)
            int n = s % 50 == 0 ? draws : 3;
            for (int d = 0; d < n; d++) {
                for (int c = 0; c < classes; c++) {
                    p[c] = rng.nextDouble();
                }
                counts.add(s, p);
            }
        }
        long kept = (long) sources * classes * draws * Float.BYTES;
        long budget = 8_192L * sources;
        assertEquals(12_800_000_000L, kept);
        assertTrue(counts.retainedBytes() < budget, counts.retainedBytes() + " bytes");
        assertEquals(16 + 4L * sources * classes + 16 + 8L * sources + (long) sources * classes * (16 + 4 * 201),
                counts.retainedBytes());
        assertEquals(draws, counts.count(0));
    }
}
