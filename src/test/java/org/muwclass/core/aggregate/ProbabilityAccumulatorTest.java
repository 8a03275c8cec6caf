package org.muwclass.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilityAccumulatorTest {

    @Test
    void quantilesInterpolateLinearlyLikePandas() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, Quantiles.sorted(v, 0.5));
        // pandas Series([1,2,3,4]).quantile(0.02275) = 1 + 3*0.02275 = 1.06825
        assertEquals(1.06825, Quantiles.sorted(v, Quantiles.LOWER_2SIGMA), 1e-12);
        assertEquals(3.93175, Quantiles.sorted(v, Quantiles.UPPER_2SIGMA), 1e-12);
        assertEquals(4.0, Quantiles.sorted(v, 1.0));
    }

    private static double[][][] draws(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] d = new double[n][2][3];
        for (double[][] draw : d) {
            for (double[] src : draw) {
                double a = r.nextDouble();
                double b = r.nextDouble() * (1 - a);
                src[0] = a;
                src[1] = b;
                src[2] = 1 - a - b;
            }
        }
        return d;
    }

    @Test
    void meanAndSampleStdMatchTwoPassValuesAndMergeAgrees() {
        double[][][] d = draws(37, 1);
        ProbabilityAccumulator all = new ProbabilityAccumulator(2, 3, true);
        ProbabilityAccumulator first = new ProbabilityAccumulator(2, 3, true);
        ProbabilityAccumulator second = new ProbabilityAccumulator(2, 3, true);
        for (int i = 0; i < d.length; i++) {
            all.add(d[i]);
            (i < 20 ? first : second).add(d[i]);
        }
        first.merge(second);
        assertEquals(37, first.count());
        for (int s = 0; s < 2; s++) {
            ProbabilitySummary a = all.summary(s);
            ProbabilitySummary m = first.summary(s);
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (double[][] x : d) {
                    sum += x[s][c];
                }
                double mean = sum / d.length;
                double ss = 0;
                for (double[][] x : d) {
                    ss += (x[s][c] - mean) * (x[s][c] - mean);
                }
                double sd = Math.sqrt(ss / (d.length - 1));
                assertEquals(mean, a.mean()[c], 1e-14);
                assertEquals(sd, a.std()[c], 1e-14);
                assertEquals(mean, m.mean()[c], 1e-14);
                assertEquals(sd, m.std()[c], 1e-14);
            }
            assertArrayEquals(a.median(), m.median(), "merged draws keep draw order");
            assertArrayEquals(a.upper2Sigma(), m.upper2Sigma());
        }
    }

    @Test
    void withoutKeptDrawsThereAreNoQuantilesAndOneDrawHasNoStd() {
        ProbabilityAccumulator acc = new ProbabilityAccumulator(2, 3, false);
        acc.add(draws(1, 2)[0]);
        ProbabilitySummary s = acc.summary(1);
        assertNull(s.median());
        assertTrue(Double.isNaN(s.std()[0]));
    }
}
