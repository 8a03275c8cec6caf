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

    private PresortedColumns(double[][] columns, int[][] order, int[] labels, int numClasses) {
        this.numRows = labels.length;
        this.numFeatures = columns.length;
        this.numClasses = numClasses;
        this.columns = columns;
        this.order = order;
        this.labels = labels;
    }

    /**
     * Copies and presorts a row-major matrix; the arguments must already be validated (see {@link InputChecks}).
     *
     * @param x rows of equal length
     * @param y class index per row, 0 to numClasses - 1
     */
    static PresortedColumns of(double[][] x, int[] y, int numClasses) {
        int n = y.length;
        int p = x[0].length;
        double[][] columns = new double[p][n];
        for (int row = 0; row < n; row++) {
            double[] values = x[row];
            for (int f = 0; f < p; f++) {
                columns[f][row] = stored(values[f]);
            }
        }
        int[][] order = new int[p][];
        for (int f = 0; f < p; f++) {
            order[f] = sortedRows(columns[f]);
        }
        return new PresortedColumns(columns, order, y.clone(), numClasses);
    }

    /** The value as the trees see it: NaN as negative infinity, -0.0 as 0.0. */
    static double stored(double value) {
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value + 0.0;
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
