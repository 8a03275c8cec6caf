package org.muwclass.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TreeGrowerTest {

    @Test
    void presortedAndPerNodeSortingGrowTheSameTrees() {
        // Two independent ways to order a node's rows must give identical trees, seed for seed.
        SyntheticClasses data = SyntheticClasses.generate(120, 29, 8, 0.5, -100, 23L);
        PresortedColumns columns = PresortedColumns.of(data.x(), data.y(), 8);
        TreeGrower presortOnly = new TreeGrower(columns, 5, 0, true, 0);
        TreeGrower sortOnly = new TreeGrower(columns, 5, 0, true, Integer.MAX_VALUE);
        TreeGrower mixed = new TreeGrower(columns, 5, 0, true, 16);
        long[] seeds = FastRandomForest.treeSeeds(99L, 5);
        for (long seed : seeds) {
            FlatTree a = presortOnly.grow(seed);
            FlatTree b = sortOnly.grow(seed);
            FlatTree c = mixed.grow(seed);
            assertArrayEquals(a.feature, b.feature);
            assertArrayEquals(a.threshold, b.threshold, 0.0);
            assertArrayEquals(a.left, b.left);
            assertArrayEquals(a.leafValues, b.leafValues, 0.0);
            assertArrayEquals(a.impurityDecrease, b.impurityDecrease, 1e-9);
            assertArrayEquals(a.feature, c.feature);
            assertArrayEquals(a.threshold, c.threshold, 0.0);
        }
    }

    @Test
    void entriesWithAndWithoutRanksGrowTheSameTrees() {
        // Large matrices store plain rows (rank looked up per row) instead of rank-carrying entries.
        SyntheticClasses data = SyntheticClasses.generate(100, 12, 5, 0.5, Double.NaN, 29L);
        PresortedColumns packed = PresortedColumns.of(data.x(), data.y(), 5, true);
        PresortedColumns plain = PresortedColumns.of(data.x(), data.y(), 5, false);
        assertEquals(true, packed.packed);
        assertEquals(false, plain.packed);
        for (int small : new int[] {0, 16, Integer.MAX_VALUE}) {
            TreeGrower a = new TreeGrower(packed, 3, 0, true, small);
            TreeGrower b = new TreeGrower(plain, 3, 0, true, small);
            for (long seed : FastRandomForest.treeSeeds(5L, 3)) {
                FlatTree ta = a.grow(seed);
                FlatTree tb = b.grow(seed);
                assertArrayEquals(ta.feature, tb.feature);
                assertArrayEquals(ta.threshold, tb.threshold, 0.0);
                assertArrayEquals(ta.leafValues, tb.leafValues, 0.0);
            }
        }
    }

    @Test
    void bigMatricesFallBackToPlainEntries() {
        // 40,000 distinct values need 16 bits of row and 16 of rank: more than an int holds beside the sign.
        double[][] x = new double[40_000][];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i * 0.5};
            y[i] = i < 25_000 ? 0 : 1;
        }
        PresortedColumns columns = PresortedColumns.of(x, y, 2);
        assertEquals(false, columns.packed);
        FlatTree tree = new TreeGrower(columns, 1, 0, false, 16).grow(1L);
        assertEquals(3, tree.nodeCount());
        assertEquals(12_499.75, tree.threshold[0], 0.0, "midpoint of rows 24,999 and 25,000");
    }

    @Test
    void oneClassGivesASingleLeaf() {
        FlatTree tree = FastRandomForest.fit(new double[][] {{1}, {2}, {3}}, new int[3], 1,
                FastRandomForest.Options.defaults().withNumTrees(1)).tree(0);
        assertEquals(1, tree.nodeCount());
        assertArrayEquals(new double[] {1.0}, tree.leafValues, 0.0);
    }

    @Test
    void presortIsAStableSortByValue() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] specials = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, -100, 1e-300, -1e300};
        double[] column = new double[2000];
        for (int i = 0; i < column.length; i++) {
            column[i] = PresortedColumns.stored(rng.nextInt(4) == 0 ? specials[rng.nextInt(specials.length)]
                    : Math.round(rng.nextGaussian() * 50) / 10.0);
        }
        Integer[] expected = IntStream.range(0, column.length).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingDouble((Integer row) -> column[row]));
        assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(),
                PresortedColumns.sortedRows(column));
    }

    @Test
    void ranksCountDistinctValuesBelow() {
        double[][] x = {{3}, {Double.NaN}, {1}, {3}, {-0.0}, {0.0}};
        PresortedColumns columns = PresortedColumns.of(x, new int[6], 1);
        // Sorted distinct values: -inf (NaN), 0, 1, 3.
        assertArrayEquals(new int[] {3, 0, 2, 3, 1, 1}, columns.rank[0]);
    }

    @Test
    void midpointFollowsSklearn() {
        assertEquals(2.5, TreeGrower.midpoint(2, 3), 0.0);
        assertEquals(1.0, TreeGrower.midpoint(1.0, Math.nextUp(1.0)), 0.0, "rounds up to high: use low");
        assertEquals(Double.NEGATIVE_INFINITY, TreeGrower.midpoint(Double.NEGATIVE_INFINITY, 0), 0.0);
        assertEquals(5.0, TreeGrower.midpoint(5, Double.POSITIVE_INFINITY), 0.0);
        assertEquals(Double.MAX_VALUE * 0.75, TreeGrower.midpoint(Double.MAX_VALUE / 2, Double.MAX_VALUE), 0.0,
                "no overflow");
    }
}
