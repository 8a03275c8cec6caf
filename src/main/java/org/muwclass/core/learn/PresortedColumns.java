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
    /** Index of each row's value among the column's distinct values in ascending order, {@code rank[f][row]}. */
    final int[][] rank;
    /**
     * The rows of {@link #order} as entries: {@code rank << rowBits | row} when {@link #packed}, else the row alone.
     * Packing lets the trees compare values and find rows without touching the columns.
     */
    final int[][] entries;
    /** Whether every entry carries its rank (row and rank fit in 31 bits together). */
    final boolean packed;
    final int rowBits;
    /** Mask that extracts the row from an entry. */
    final int rowMask;
    final int[] labels;

    private PresortedColumns(double[][] columns, int[][] order, int[][] rank, int[] labels, int numClasses,
            boolean allowPacking) {
        this.numRows = labels.length;
        this.numFeatures = columns.length;
        this.numClasses = numClasses;
        this.columns = columns;
        this.order = order;
        this.rank = rank;
        this.labels = labels;
        this.rowBits = bitsFor(numRows);
        int maxRank = 0;
        for (int[] r : rank) {
            for (int value : r) {
                maxRank = Math.max(maxRank, value);
            }
        }
        this.packed = allowPacking && rowBits + bitsFor(maxRank + 1) <= 31;
        this.rowMask = packed ? (1 << rowBits) - 1 : -1 >>> 1;
        this.entries = new int[numFeatures][numRows];
        for (int f = 0; f < numFeatures; f++) {
            for (int i = 0; i < numRows; i++) {
                int row = order[f][i];
                entries[f][i] = packed ? rank[f][row] << rowBits | row : row;
            }
        }
    }

    /** Bits needed to store the numbers 0 to {@code count - 1}. */
    static int bitsFor(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
    }

    /**
     * Copies and presorts a row-major matrix; the arguments must already be validated (see {@link InputChecks}).
     *
     * @param x rows of equal length
     * @param y class index per row, 0 to numClasses - 1
     */
    static PresortedColumns of(double[][] x, int[] y, int numClasses) {
        return of(x, y, numClasses, true);
    }

    /** As {@link #of(double[][], int[], int)}; {@code allowPacking = false} forces plain row entries (tests). */
    static PresortedColumns of(double[][] x, int[] y, int numClasses, boolean allowPacking) {
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
        int[][] rank = new int[p][n];
        for (int f = 0; f < p; f++) {
            double[] column = columns[f];
            int[] sorted = sortedRows(column);
            order[f] = sorted;
            int r = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0 && column[sorted[i]] > column[sorted[i - 1]]) {
                    r++;
                }
                rank[f][sorted[i]] = r;
            }
        }
        return new PresortedColumns(columns, order, rank, y.clone(), numClasses, allowPacking);
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
