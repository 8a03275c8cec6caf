package org.muwclass.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.FastRandomForest.Model;
import org.muwclass.core.learn.FastRandomForest.Options;

class FastRandomForestTest {

    /** One tree on the whole set: the tree is the plain CART tree, which can be worked out by hand. */
    private static final Options ONE_FULL_TREE = Options.defaults().withNumTrees(1).withBootstrap(false);

    @Test
    void separableSetGivesPureLeavesAndTheMidpointThreshold() {
        double[][] x = {{1.0}, {2.0}, {3.0}, {10.0}, {11.0}, {12.0}};
        int[] y = {0, 0, 0, 1, 1, 1};
        FlatTree tree = FastRandomForest.fit(x, y, 2, ONE_FULL_TREE).tree(0);
        assertEquals(3, tree.nodeCount(), "root and two leaves");
        assertEquals(0, tree.feature[0]);
        assertEquals(6.5, tree.threshold[0], 0.0, "midpoint of 3 and 10");
        assertArrayEquals(new double[] {1, 0, 0, 1}, tree.leafValues, 0.0, "two pure leaves");
    }

    @Test
    void everyLeafIsPureWhenTheClassesAreSeparable() {
        SyntheticClasses data = SyntheticClasses.generate(40, 6, 8, 8.0, -100, 3L);
        Model model = FastRandomForest.fit(data.x(), data.y(), 8, Options.defaults().withNumTrees(10));
        for (int t = 0; t < model.numTrees(); t++) {
            double[] values = model.tree(t).leafValues;
            for (double v : values) {
                assertTrue(v == 0.0 || v == 1.0, "leaf fraction " + v + " in tree " + t);
            }
        }
    }

    @Test
    void bestGiniThresholdWorkedOutByHand() {
        // y = 0 0 1 1 0 at x = 1..5. Children's sum of squared counts over size (sklearn's proxy) per threshold:
        // 1.5: 1 + 8/4 = 3; 2.5: 4/2 + 5/3 = 3.67; 3.5: 5/3 + 2/2 = 2.67; 4.5: 8/4 + 1 = 3. Best: 2.5.
        // The right child {1, 1, 0} then splits at 4.5 (4/2 + 1 = 3 beats 1 + 2/2 = 2 at 3.5).
        double[][] x = {{1}, {2}, {3}, {4}, {5}};
        int[] y = {0, 0, 1, 1, 0};
        FlatTree tree = FastRandomForest.fit(x, y, 2, ONE_FULL_TREE).tree(0);
        assertEquals(2.5, tree.threshold[0], 0.0);
        int right = tree.right[0];
        assertEquals(4.5, tree.threshold[right], 0.0);
        assertEquals(5, tree.nodeCount());
    }

    @Test
    void impurityImportancesWorkedOutByHand() {
        // Classes 0, 1 (two rows each, told apart by b only) and 2 (four rows, a > 4.5).
        // Root: 8 * Gini = 8 - (4 + 4 + 16) / 8 = 5; split a <= 4.5 leaves {0,1,0,1} (4 - 8/4 = 2) and a pure
        // side: decrease 3. Then b <= 2.5 splits {0,1,0,1} into pure halves: decrease 2. Importances 3/5, 2/5.
        double[][] x = {{1, 1}, {2, 3}, {3, 2}, {4, 4}, {5, 0.5}, {6, 2.5}, {7, 1.5}, {8, 3.5}};
        int[] y = {0, 1, 0, 1, 2, 2, 2, 2};
        Model model = FastRandomForest.fit(x, y, 3, ONE_FULL_TREE.withMaxFeatures(2));
        FlatTree tree = model.tree(0);
        assertEquals(0, tree.feature[0]);
        assertEquals(4.5, tree.threshold[0], 0.0);
        assertEquals(1, tree.feature[tree.left[0]]);
        assertEquals(2.5, tree.threshold[tree.left[0]], 0.0);
        assertArrayEquals(new double[] {0.6, 0.4}, model.featureImportances(), 1e-12);
    }

    @Test
    void importancesSumToOneAndFavourTheInformativeFeature() {
        SyntheticClasses data = SyntheticClasses.generate(60, 4, 3, 2.0, -100, 5L);
        double[][] x = new double[data.x().length][];
        for (int i = 0; i < x.length; i++) {
            // Feature 0 carries the class, feature 1 is pure noise.
            x[i] = new double[] {data.y()[i] + 0.3 * data.x()[i][0], data.x()[i][1] * 1e-3 * (i % 7)};
        }
        double[] importances = FastRandomForest.fit(x, data.y(), 3, Options.defaults().withMaxFeatures(2))
                .featureImportances();
        assertEquals(1.0, importances[0] + importances[1], 1e-12);
        // Fully grown trees still spend some splits on noise (MDI's known bias), but far fewer.
        assertTrue(importances[0] > 2 * importances[1], Arrays.toString(importances));
    }

    @Test
    void probabilitiesAreTheMeanOfLeafFractions() {
        SyntheticClasses data = SyntheticClasses.generate(50, 8, 4, 1.0, -100, 11L);
        Model model = FastRandomForest.fit(data.x(), data.y(), 4, Options.defaults().withNumTrees(7));
        double[] row = data.x()[3];
        double[] expected = new double[4];
        for (int t = 0; t < 7; t++) {
            FlatTree tree = model.tree(t);
            int offset = tree.leafFor(row);
            for (int c = 0; c < 4; c++) {
                expected[c] += tree.leafValues[offset + c] / 7;
            }
        }
        assertArrayEquals(expected, model.predictProba(row), 1e-15);
        assertEquals(1.0, Arrays.stream(model.predictProba(row)).sum(), 1e-12);
    }

    @Test
    void identicalForestForAnyNumberOfThreads() {
        SyntheticClasses data = SyntheticClasses.generate(150, 29, 8, 0.5, -100, 7L);
        Options options = Options.defaults().withNumTrees(24).withSeed(42);
        Model one = FastRandomForest.fit(data.x(), data.y(), 8, options.withNumThreads(1));
        Model four = FastRandomForest.fit(data.x(), data.y(), 8, options.withNumThreads(4));
        for (int t = 0; t < 24; t++) {
            assertArrayEquals(one.tree(t).feature, four.tree(t).feature, "tree " + t);
            assertArrayEquals(one.tree(t).threshold, four.tree(t).threshold, 0.0, "tree " + t);
        }
        double[][] p1 = one.predictProba(data.x());
        double[][] p4 = four.predictProba(data.x());
        for (int i = 0; i < p1.length; i++) {
            assertArrayEquals(p1[i], p4[i], 0.0, "row " + i);
        }
        assertArrayEquals(one.featureImportances(), four.featureImportances(), 0.0);
        Model otherSeed = FastRandomForest.fit(data.x(), data.y(), 8, options.withSeed(43));
        assertFalse(Arrays.deepEquals(p1, otherSeed.predictProba(data.x())), "the seed matters");
    }

    @Test
    void missingValuesGoLeftLikeNegativeInfinity() {
        SyntheticClasses data = SyntheticClasses.generate(60, 12, 4, 1.0, Double.NaN, 13L);
        double[][] asInfinity = data.xWithNanAs(Double.NEGATIVE_INFINITY);
        Options options = Options.defaults().withNumTrees(10);
        Model withNaN = FastRandomForest.fit(data.x(), data.y(), 4, options);
        Model withInfinity = FastRandomForest.fit(asInfinity, data.y(), 4, options);
        assertTrue(Arrays.deepEquals(withNaN.predictProba(data.x()), withInfinity.predictProba(asInfinity)));
        assertTrue(Arrays.deepEquals(withNaN.predictProba(data.x()), withNaN.predictProba(asInfinity)));
    }

    @Test
    void nanTrainingValueFollowsTheLeftBranch() {
        // The split between NaN (as -inf) and 1 has threshold -inf: NaN goes left, every number right.
        double[][] x = {{Double.NaN}, {Double.NaN}, {1}, {2}};
        int[] y = {0, 0, 1, 1};
        Model model = FastRandomForest.fit(x, y, 2, ONE_FULL_TREE);
        assertEquals(Double.NEGATIVE_INFINITY, model.tree(0).threshold[0]);
        assertArrayEquals(new double[] {1, 0}, model.predictProba(new double[] {Double.NaN}), 0.0);
        assertArrayEquals(new double[] {0, 1}, model.predictProba(new double[] {-1e300}), 0.0);
    }

    @Test
    void maxDepthLimitsTheTree() {
        SyntheticClasses data = SyntheticClasses.generate(50, 8, 4, 0.5, -100, 17L);
        Model stumps = FastRandomForest.fit(data.x(), data.y(), 4, Options.defaults().withNumTrees(5).withMaxDepth(1));
        for (int t = 0; t < 5; t++) {
            assertEquals(3, stumps.tree(t).nodeCount());
        }
    }

    @Test
    void featuresPerSplitFollowsTheDocumentedRules() {
        assertEquals(5, Options.defaults().withMaxFeatures(0).featuresPerSplit(29), "int(sqrt(29))");
        assertEquals(5, Options.defaults().featuresPerSplit(29));
        assertEquals(3, Options.defaults().featuresPerSplit(3), "capped at the number of features");
        assertEquals(1, Options.defaults().withMaxFeatures(0).featuresPerSplit(2));
    }

    @Test
    void badOptionsNameTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.defaults().withNumTrees(0))
                .getMessage().contains("numTrees (-I) must be at least 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.defaults().withMaxFeatures(-2))
                .getMessage().contains("got -2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.defaults().withMaxDepth(-1))
                .getMessage().contains("maxDepth (-depth)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.defaults().withNumThreads(0))
                .getMessage().contains("numThreads (-num-slots) must be at least 1, got 0"));
    }

    @Test
    void badTrainingDataNamesTheRow() {
        Options options = Options.defaults();
        assertEquals("y[1] = 3 is outside 0..2 (numClasses = 3)", assertThrows(IllegalArgumentException.class,
                () -> FastRandomForest.fit(new double[][] {{1}, {2}}, new int[] {0, 3}, 3, options)).getMessage());
        assertEquals("x[1] has 1 values, expected 2", assertThrows(IllegalArgumentException.class,
                () -> FastRandomForest.fit(new double[][] {{1, 2}, {2}}, new int[] {0, 1}, 2, options)).getMessage());
        assertEquals("x has 2 rows but y has 1 labels", assertThrows(IllegalArgumentException.class,
                () -> FastRandomForest.fit(new double[][] {{1}, {2}}, new int[] {0}, 2, options)).getMessage());
        Model model = FastRandomForest.fit(new double[][] {{1}, {2}}, new int[] {0, 1}, 2, options);
        assertEquals("x[0] has 2 values, expected 1", assertThrows(IllegalArgumentException.class,
                () -> model.predictProba(new double[][] {{1, 2}})).getMessage());
    }
}
