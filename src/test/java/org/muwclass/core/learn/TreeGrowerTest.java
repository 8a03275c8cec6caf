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
