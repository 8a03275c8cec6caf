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

    @Test
    void sourcesMayHoldDifferentNumbersOfValuesAndMergeSourceBySource() {
        double[][][] d = draws(25, 3);
        // source 0 gets every value, source 1 every third; split into two partials and merged across indices
        ProbabilityAccumulator direct = new ProbabilityAccumulator(2, 3, true);
        ProbabilityAccumulator first = new ProbabilityAccumulator(2, 3, true);
        ProbabilityAccumulator second = new ProbabilityAccumulator(3, 3, true);
        for (int i = 0; i < d.length; i++) {
            direct.add(0, d[i][0]);
            (i < 10 ? first : second).add(0, d[i][0]);
            if (i % 3 == 0) {
                direct.add(1, d[i][1]);
                if (i < 10) {
                    first.add(1, d[i][1]);
                } else {
                    second.add(2, d[i][1]);
                }
            }
        }
        ProbabilityAccumulator merged = new ProbabilityAccumulator(2, 3, true);
        merged.mergeSource(0, first, 0);
        merged.mergeSource(1, first, 1);
        merged.mergeSource(0, second, 0);
        merged.mergeSource(1, second, 2);
        assertEquals(25, merged.count(0));
        assertEquals(9, merged.count(1));
        for (int s = 0; s < 2; s++) {
            ProbabilitySummary a = direct.summary(s);
            ProbabilitySummary m = merged.summary(s);
            assertEquals(s == 0 ? 25 : 9, m.draws());
            assertArrayEquals(a.mean(), m.mean(), 1e-14);
            assertArrayEquals(a.std(), m.std(), 1e-14);
            assertArrayEquals(a.median(), m.median());
            assertArrayEquals(a.lower2Sigma(), m.lower2Sigma());
        }
        double mean = 0;
        for (int i = 0; i < d.length; i += 3) {
            mean += d[i][1][2] / 9;
        }
        assertEquals(mean, merged.summary(1).mean()[2], 1e-14);
    }
}
