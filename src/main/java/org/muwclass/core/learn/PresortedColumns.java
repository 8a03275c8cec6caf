package org.muwclass.core.learn;

import java.util.Arrays;

/**
 * A training matrix stored column by column, with every column's row order presorted once so that all trees of a
 * forest share the sort. Immutable after construction and safe to share between threads.
 *
 * <p>NaN is stored as negative infinity, so a missing value sorts first and always goes to the left child (the split
 * rule sends a row right only when {@code x > threshold}). Negative zero is stored as zero.
 */
final class PresortedColumns {

    final int numRows;
    final int numFeatures;
    final int numClasses;
    /** Feature values, {@code columns[feature][row]}. */
    final double[][] columns;
    /** Rows in ascending order of {@code columns[feature][row]}, ties in row order. */
    final int[][] order;
    final int[] labels;
    /** Instance weights, all {@code > 0}; null when every weight is 1. */
    final double[] weights;

    private PresortedColumns(double[][] columns, int[][] order, int[] labels, double[] weights, int numClasses) {
        this.numRows = labels.length;
        this.numFeatures = columns.length;
        this.numClasses = numClasses;
        this.columns = columns;
        this.order = order;
        this.labels = labels;
        this.weights = weights;
    }

    /**
     * Copies and presorts a row-major matrix; the arguments must already be validated (see {@link InputChecks}).
     *
     * @param x rows of equal length
     * @param y class index per row, 0 to numClasses - 1
     * @param weights instance weight per row ({@code >= 0}), or null for all 1; rows of weight 0 are dropped
     */
    static PresortedColumns of(double[][] x, int[] y, double[] weights, int numClasses) {
        int[] kept = keptRows(y.length, weights);
        int n = kept.length;
        int p = x[0].length;
        double[][] columns = new double[p][n];
        int[] labels = new int[n];
        double[] w = weights == null ? null : new double[n];
        boolean unitWeights = true;
        for (int i = 0; i < n; i++) {
            int row = kept[i];
            labels[i] = y[row];
            if (w != null) {
                w[i] = weights[row];
                unitWeights &= w[i] == 1.0;
            }
            double[] values = x[row];
            for (int f = 0; f < p; f++) {
                columns[f][i] = stored(values[f]);
            }
        }
        int[][] order = new int[p][];
        for (int f = 0; f < p; f++) {
            order[f] = sortedRows(columns[f]);
        }
        return new PresortedColumns(columns, order, labels, unitWeights ? null : w, numClasses);
    }

    /** The value as the trees see it: NaN as negative infinity, -0.0 as 0.0. */
    static double stored(double value) {
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value + 0.0;
    }

    double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    private static int[] keptRows(int n, double[] weights) {
        if (weights == null) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> weights[i] > 0).toArray();
    }

    /**
     * Row indices sorted by value, ties in row order: a stable least-significant-byte radix sort of the values' bits
     * mapped to an unsigned order-preserving key (bytes shared by all keys are skipped).
     */
    static int[] sortedRows(double[] column) {
        int n = column.length;
        long[] keys = new long[n];
        int[] rows = new int[n];
        for (int row = 0; row < n; row++) {
            long bits = Double.doubleToLongBits(column[row]);
            keys[row] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            rows[row] = row;
        }
        long[] keysOut = new long[n];
        int[] rowsOut = new int[n];
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(counts, 0);
            for (long key : keys) {
                counts[(int) ((key >>> shift) & 0xFF) + 1]++;
            }
            if (counts[(int) ((keys[0] >>> shift) & 0xFF) + 1] == n) {
                continue;
            }
            for (int b = 0; b < 256; b++) {
                counts[b + 1] += counts[b];
            }
            for (int i = 0; i < n; i++) {
                int dest = counts[(int) ((keys[i] >>> shift) & 0xFF)]++;
                keysOut[dest] = keys[i];
                rowsOut[dest] = rows[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] r = rows;
            rows = rowsOut;
            rowsOut = r;
        }
        return rows;
    }
}
