package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified assignment of rows to k folds: each class's rows are shuffled with a seeded generator and dealt round
 * the folds, continuing where the previous class stopped, so every fold holds each class in proportion (within one
 * row) and fold sizes differ by at most one.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /**
     * @param labels     class index per row
     * @param numClasses number of classes
     * @param k          number of folds, 2..rows
     * @param seed       shuffle seed
     * @return fold index (0..k-1) per row
     */
    public static int[] assign(int[] labels, int numClasses, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException("folds must be 2.." + labels.length + ", got " + k);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (List<Integer> rows : byClass) {
            for (int i = rows.size() - 1; i > 0; i--) { // Fisher-Yates
                int j = rng.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            for (int r : rows) {
                fold[r] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }
}
