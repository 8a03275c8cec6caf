package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which forests give a between-nodes source its upper-node values. */
class ForestSplitTest {

    @Test
    void ranksAreAPermutationInVanDerCorputOrder() {
        ForestSplit split = ForestSplit.of(402);
        int[] sorted = split.rank().clone();
        Arrays.sort(sorted);
        for (int r = 0; r < sorted.length; r++) {
            assertEquals(r, sorted[r]);
        }
        int[] first = new int[5];
        for (int f = 0; f < 402; f++) {
            if (split.rank()[f] < 5) {
                first[split.rank()[f]] = f;
            }
        }
        assertEquals("[0, 256, 128, 384, 64]", Arrays.toString(first));
        assertThrows(IllegalArgumentException.class, () -> ForestSplit.of(0));
    }

    @Test
    void exactlyFloorFwForestsAreUpperNestedAndSpreadEvenly() {
        ForestSplit split = ForestSplit.of(1000);
        boolean[] previous = new boolean[1000];
        for (double w = 0; w < 1; w += 0.01) {
            int upper = 0;
            for (int f = 0; f < 1000; f++) {
                boolean at = split.atUpper(f, w);
                upper += at ? 1 : 0;
                assertTrue(at || !previous[f], "nested: forest " + f + " left the upper set at w " + w);
                previous[f] = at;
            }
            assertEquals((int) Math.floor(1000 * w), upper, "w " + w);
        }
        // spread: every run of 40 consecutive forests holds 40 w = 14.8 upper ones, give or take a few
        double w = 0.37;
        for (int from = 0; from + 40 <= 1000; from++) {
            int n = 0;
            for (int f = from; f < from + 40; f++) {
                n += split.atUpper(f, w) ? 1 : 0;
            }
            assertTrue(n >= 12 && n <= 18, "forests " + from + ".." + (from + 39) + ": " + n);
        }
        assertFalse(split.atUpper(0, 0.0));
    }

    @Test
    void valueCountsFollowTheForestsIncludingAShortLastForest() {
        RunParameters p = RunParameters.of(30, 1).withTargetsPerForest(4);
        ForestSplit split = ForestSplit.of(p.forestsPerTask());
        double[] weights = {0.0, 0.2, 0.5, 0.93};
        ValueShare upperNode = new ValueShare(weights, new boolean[] {true, true, true, true}, split, 4);
        ValueShare lowerNode = new ValueShare(weights, new boolean[4], split, 4);
        for (int j = 0; j < weights.length; j++) {
            long upper = 0;
            for (long v = 0; v < 30; v++) {
                assertTrue(upperNode.takes(j, v) != lowerNode.takes(j, v), "each value at exactly one node");
                assertEquals(upperNode.takes(j, v), upperNode.takes(j, v - v % 4), "whole forests");
                upper += upperNode.takes(j, v) ? 1 : 0;
            }
            assertEquals(upper, upperNode.values(j, 0, 30));
            assertEquals(30 - upper, lowerNode.values(j, 0, 30));
            assertEquals(upper, ValueShare.upperValues(split, weights[j], p), "w " + weights[j]);
            // any range, not aligned to forests
            long part = 0;
            for (long v = 5; v < 23; v++) {
                part += upperNode.takes(j, v) ? 1 : 0;
            }
            assertEquals(part, upperNode.values(j, 5, 23));
        }
    }
}
