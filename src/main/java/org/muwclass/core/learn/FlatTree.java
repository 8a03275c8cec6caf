package org.muwclass.core.learn;

import java.io.Serializable;

/**
 * One grown classification tree in flat arrays, indexed by node (the root is node 0). An internal node sends a row to
 * {@code right[node]} when {@code x[feature[node]] > threshold[node]} and to {@code left[node]} otherwise, so NaN
 * goes left. A leaf has {@code feature[node] == -1} and its class fractions start at
 * {@code leafValues[leafOffset[node]]}. Immutable and thread-safe.
 */
final class FlatTree implements Serializable {

    private static final long serialVersionUID = 1L;

    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final int[] leafOffset;
    final double[] leafValues;
    /** Weighted Gini decrease summed per feature (sklearn's unnormalised mean decrease in impurity). */
    final double[] impurityDecrease;

    FlatTree(int[] feature, double[] threshold, int[] left, int[] right, int[] leafOffset, double[] leafValues,
            double[] impurityDecrease) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.leafOffset = leafOffset;
        this.leafValues = leafValues;
        this.impurityDecrease = impurityDecrease;
    }

    int nodeCount() {
        return feature.length;
    }

    /** The offset in {@link #leafValues} of the class fractions of the leaf that {@code x} falls in. */
    int leafFor(double[] x) {
        int node = 0;
        int f;
        while ((f = feature[node]) >= 0) {
            node = x[f] > threshold[node] ? right[node] : left[node];
        }
        return leafOffset[node];
    }
}
