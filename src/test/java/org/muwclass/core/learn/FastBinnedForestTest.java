package org.muwclass.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.FastRandomForest.Model;
import org.muwclass.core.learn.FastRandomForest.Options;

/** The histogram (binned) split search of the fast forest, checked against the exact one. */
class FastBinnedForestTest {

    private static final Options BINNED = Options.defaults().withMaxBins(Options.DEFAULT_BINS);
    private static final Options ONE_FULL_TREE = BINNED.withNumTrees(1).withBootstrap(false);

    @Test
    void separableSetGivesPureLeavesAndARealThreshold() {
        double[][] x = {{1.0}, {2.0}, {3.0}, {10.0}, {11.0}, {12.0}};
        int[] y = {0, 0, 0, 1, 1, 1};
        Model model = FastRandomForest.fit(x, y, 2, ONE_FULL_TREE);
        FlatTree tree = model.tree(0);
        assertEquals(3, tree.nodeCount());
        assertEquals(6.5, tree.threshold[0], 0.0, "midpoint of 3 and 10, a real value");
        assertArrayEquals(new double[] {0, 1}, model.predictProba(new double[] {6.6}), 0.0, "unbinned input");
        assertArrayEquals(new double[] {1, 0}, model.predictProba(new double[] {6.4}), 0.0);
    }

    @Test
    void learnsSeparableDataPerfectly() {
        SyntheticClasses data = SyntheticClasses.generate(200, 10, 8, 8.0, -100, 3L);
        // Many distinct values per column: the bins are real quantiles, not one per value.
        Model model = FastRandomForest.fit(data.x(), data.y(), 8, BINNED.withNumTrees(20).withMaxBins(32));
        double[][] p = model.predictProba(data.x());
        for (int i = 0; i < p.length; i++) {
            assertEquals(data.y()[i], argMax(p[i]), "row " + i);
        }
        for (int t = 0; t < model.numTrees(); t++) {
            for (double v : model.tree(t).leafValues) {
                assertTrue(v == 0.0 || v == 1.0, "leaf fraction " + v + " in tree " + t);
            }
        }
    }

    @Test
    void oneBinPerDistinctValueGrowsTheExactTrees() {
        // At most 256 distinct values per column: the candidate splits, random draws and thresholds are the exact
        // mode's, so the trees are identical node for node.
        SyntheticClasses data = SyntheticClasses.generate(150, 29, 8, 0.5, -100, 23L);
        double[][] x = rounded(data.x(), 8);
        Options exact = Options.defaults().withNumTrees(12).withSeed(5);
        Model a = FastRandomForest.fit(x, data.y(), 8, exact);
        Model b = FastRandomForest.fit(x, data.y(), 8, exact.withMaxBins(256));
        for (int t = 0; t < 12; t++) {
            assertArrayEquals(a.tree(t).feature, b.tree(t).feature, "tree " + t);
            assertArrayEquals(a.tree(t).threshold, b.tree(t).threshold, 0.0, "tree " + t);
            assertArrayEquals(a.tree(t).left, b.tree(t).left, "tree " + t);
            assertArrayEquals(a.tree(t).leafValues, b.tree(t).leafValues, 0.0, "tree " + t);
        }
        assertArrayEquals(a.featureImportances(), b.featureImportances(), 1e-12);
    }

    @Test
    void moreThanEightClassesGrowTheExactTreesToo() {
        // Up to 8 classes a bin's classes are bits of one flag byte; with 11 the scan walks bins and all their
        // classes instead. Both must give the exact mode's trees when every distinct value has its own bin.
        SyntheticClasses data = SyntheticClasses.generate(60, 12, 11, 0.6, -100, 29L);
        double[][] x = rounded(data.x(), 8);
        Options exact = Options.defaults().withNumTrees(8).withSeed(3);
        Model a = FastRandomForest.fit(x, data.y(), 11, exact);
        Model b = FastRandomForest.fit(x, data.y(), 11, exact.withMaxBins(256));
        assertTrue(a.totalNodeCount() > 8 * 50, "trees of some size: " + a.totalNodeCount());
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(a.tree(t).feature, b.tree(t).feature, "tree " + t);
            assertArrayEquals(a.tree(t).threshold, b.tree(t).threshold, 0.0, "tree " + t);
            assertArrayEquals(a.tree(t).left, b.tree(t).left, "tree " + t);
            assertArrayEquals(a.tree(t).leafValues, b.tree(t).leafValues, 0.0, "tree " + t);
        }
    }

    @Test
    void deterministicForASeedAndAnyThreadCount() {
        SyntheticClasses data = SyntheticClasses.generate(150, 29, 8, 0.5, -100, 7L);
        Options options = BINNED.withNumTrees(24).withSeed(42);
        Model one = FastRandomForest.fit(data.x(), data.y(), 8, options);
        Model again = FastRandomForest.fit(data.x(), data.y(), 8, options);
        Model four = FastRandomForest.fit(data.x(), data.y(), 8, options.withNumThreads(4));
        double[][] p1 = one.predictProba(data.x());
        assertTrue(Arrays.deepEquals(p1, again.predictProba(data.x())));
        assertTrue(Arrays.deepEquals(p1, four.predictProba(data.x())));
        for (int t = 0; t < 24; t++) {
            assertArrayEquals(one.tree(t).threshold, four.tree(t).threshold, 0.0, "tree " + t);
        }
        Model otherSeed = FastRandomForest.fit(data.x(), data.y(), 8, options.withSeed(43));
        assertFalse(Arrays.deepEquals(p1, otherSeed.predictProba(data.x())), "the seed matters");
    }

    @Test
    void heldOutAccuracyMatchesTheExactMode() {
        // Noisy classes, continuous values (thousands of distinct values per column, 256 bins).
        SyntheticClasses all = SyntheticClasses.generate(500, 29, 8, 0.45, -100, 20261207L);
        SyntheticClasses train = all.slice(0, 3000);
        SyntheticClasses test = all.slice(3000, 4000);
        double exact = 0;
        double binned = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Options options = Options.defaults().withSeed(seed);
            exact += accuracy(FastRandomForest.fit(train.x(), train.y(), 8, options), test);
            binned += accuracy(FastRandomForest.fit(train.x(), train.y(), 8, options.withMaxBins(256)), test);
        }
        exact /= 3;
        binned /= 3;
        assertTrue(exact > 0.4, "the problem is learnable: " + exact);
        // 1,000 test rows: the binomial sd of an accuracy near 0.6 is 0.015.
        assertEquals(exact, binned, 0.02, "exact " + exact + ", binned " + binned);
    }

    @Test
    void constantColumnsAreNeverSplit() {
        SyntheticClasses data = SyntheticClasses.generate(80, 6, 4, 1.0, -100, 11L);
        double[][] x = new double[data.x().length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.x()[i].clone();
            x[i][0] = 7.0;
            x[i][3] = -100;
        }
        Model model = FastRandomForest.fit(x, data.y(), 4, BINNED.withNumTrees(20));
        for (int t = 0; t < model.numTrees(); t++) {
            for (int f : model.tree(t).feature) {
                assertTrue(f != 0 && f != 3, "constant feature " + f + " split in tree " + t);
            }
        }
        assertEquals(0.0, model.featureImportances()[0], 0.0);
        // All constant: a single leaf.
        double[][] flat = {{1, 2}, {1, 2}, {1, 2}};
        Model leaf = FastRandomForest.fit(flat, new int[] {0, 1, 1}, 2, ONE_FULL_TREE);
        assertEquals(1, leaf.tree(0).nodeCount());
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, leaf.predictProba(new double[] {5, 5}), 1e-15);
    }

    @Test
    void missingValuesGoLeftAsInTheExactMode() {
        SyntheticClasses data = SyntheticClasses.generate(60, 12, 4, 1.0, Double.NaN, 13L);
        double[][] asInfinity = data.xWithNanAs(Double.NEGATIVE_INFINITY);
        Options options = BINNED.withNumTrees(10).withMaxBins(16);
        Model withNaN = FastRandomForest.fit(data.x(), data.y(), 4, options);
        Model withInfinity = FastRandomForest.fit(asInfinity, data.y(), 4, options);
        assertTrue(Arrays.deepEquals(withNaN.predictProba(data.x()), withInfinity.predictProba(asInfinity)));
        assertTrue(Arrays.deepEquals(withNaN.predictProba(data.x()), withNaN.predictProba(asInfinity)));
        // NaN against numbers: threshold -inf, NaN left, every number right.
        double[][] x = {{Double.NaN}, {Double.NaN}, {1}, {2}};
        Model model = FastRandomForest.fit(x, new int[] {0, 0, 1, 1}, 2, ONE_FULL_TREE);
        assertEquals(Double.NEGATIVE_INFINITY, model.tree(0).threshold[0]);
        assertArrayEquals(new double[] {1, 0}, model.predictProba(new double[] {Double.NaN}), 0.0);
        assertArrayEquals(new double[] {0, 1}, model.predictProba(new double[] {-1e300}), 0.0);
    }

    @Test
    void tiesStayInOneBinAndTheFirstBestSplitWins() {
        // Equal values never straddle a bin edge, even when a bin would otherwise close inside the run.
        double[][] x = new double[40][];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {i < 30 ? 5.0 : i};
            y[i] = i < 30 ? i % 2 : 1;
        }
        BinnedColumns bins = BinnedColumns.of(x, y, 2, 4);
        for (int i = 1; i < 30; i++) {
            assertEquals(bins.code(0, 0), bins.code(i, 0), "row " + i);
        }
        assertTrue(bins.numBins[0] <= 4);
        // The hand-worked tie of the exact mode: thresholds 1.5 and 4.5 both give proxy 3; 2.5 is best.
        double[][] x2 = {{1}, {2}, {3}, {4}, {5}};
        int[] y2 = {0, 0, 1, 1, 0};
        FlatTree tree = FastRandomForest.fit(x2, y2, 2, ONE_FULL_TREE).tree(0);
        assertEquals(2.5, tree.threshold[0], 0.0);
        assertEquals(4.5, tree.threshold[tree.right[0]], 0.0);
        // Two equally good features: the first drawn wins, as in the exact mode.
        double[][] x3 = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        int[] y3 = {0, 0, 1, 1};
        Options both = ONE_FULL_TREE.withMaxFeatures(2);
        assertEquals(FastRandomForest.fit(x3, y3, 2, both.withMaxBins(0)).tree(0).feature[0],
                FastRandomForest.fit(x3, y3, 2, both).tree(0).feature[0]);
    }

    @Test
    void quantisationIsDeterministicAndBinsAreQuantiles() {
        SyntheticClasses data = SyntheticClasses.generate(500, 3, 8, 0.5, -100, 17L);
        BinnedColumns a = BinnedColumns.of(data.x(), data.y(), 8, 256);
        BinnedColumns b = BinnedColumns.of(data.x(), data.y(), 8, 256);
        assertArrayEquals(a.codes, b.codes);
        int n = data.x().length;
        for (int f = 0; f < 3; f++) {
            assertTrue(a.numBins[f] > 200 && a.numBins[f] <= 256, "bins of feature " + f + ": " + a.numBins[f]);
            int[] perBin = new int[a.numBins[f]];
            for (int row = 0; row < n; row++) {
                int code = a.code(row, f);
                perBin[code]++;
                // Codes agree with the real thresholds: x <= threshold(b) exactly for codes <= b.
                double v = data.x()[row][f];
                if (code > 0) {
                    assertTrue(v > a.thresholds[f][code - 1], "row " + row);
                }
                if (code < a.numBins[f] - 1) {
                    assertTrue(v <= a.thresholds[f][code], "row " + row);
                }
            }
            int max = Arrays.stream(perBin).max().getAsInt();
            assertTrue(max <= 2 * n / 256 + 2, "largest bin " + max + " of feature " + f);
        }
    }

    @Test
    void badBinCountsAreNamed() {
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().withMaxBins(1)).getMessage().contains("maxBins (-bins)"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().withMaxBins(257)).getMessage().contains("got 257"));
    }

    private static double[][] rounded(double[][] x, double scale) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int f = 0; f < x[i].length; f++) {
                out[i][f] = Math.round(x[i][f] * scale) / scale;
            }
        }
        return out;
    }

    private static double accuracy(Model model, SyntheticClasses test) {
        double[][] p = model.predictProba(test.x());
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if (argMax(p[i]) == test.y()[i]) {
                correct++;
            }
        }
        return (double) correct / p.length;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
