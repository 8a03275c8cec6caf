package org.muwclass.core.learn;

/**
 * A training matrix quantised once for all trees of a forest: every feature's values are mapped to at most
 * {@code maxBins} ordered bins (codes 0 to numBins - 1) chosen from the column's quantiles. Immutable after
 * construction and safe to share between threads.
 *
 * <p>Binning is deterministic: it depends only on the column's values (through a stable sort), never on threads or
 * seeds. A column with at most {@code maxBins} distinct values gets one bin per distinct value, so a tree grown on
 * the bins sees the same candidate splits as the exact grower. Otherwise bins are filled greedily in value order: a
 * bin closes once it holds at least (rows not yet binned) / (bins left) rows, so a value shared by many rows (a
 * missing-value stand-in, a saturated band) gets a bin of its own and the other values share the rest evenly; equal
 * values never straddle two bins.
 *
 * <p>Thresholds are real values: the split "code &lt;= b" is the rule {@code x <= threshold(f, b)} with the
 * threshold at the midpoint (as {@link TreeGrower#midpoint}) between the largest value of bin b and the smallest
 * value of bin b + 1, so a tree predicts on unbinned inputs. NaN is stored as negative infinity and -0.0 as 0.0, as
 * in {@link PresortedColumns}: missing values sort first and always go left.
 *
 * <p>Layout: codes row-major in one byte array ({@code codes[row * numFeatures + f]}, unsigned), so the features
 * of a row tried at a node share a cache line or two.
 */
final class BinnedColumns {

    /** Most bins per feature (codes are unsigned bytes). */
    static final int MAX_BINS = 256;

    final int numRows;
    final int numFeatures;
    final int numClasses;
    final int[] labels;
    /** Bin code of each value, row-major, unsigned bytes. */
    final byte[] codes;
    /** Bins used by each feature (1 when the column is constant). */
    final int[] numBins;
    /** {@code thresholds[f][b]}: the value between bin b and bin b + 1 of feature f. */
    final double[][] thresholds;
    /** Smallest and largest value of each bin, {@code low[f][b]}, {@code high[f][b]}. */
    final double[][] low;
    final double[][] high;

    private BinnedColumns(int[] labels, int numFeatures, int numClasses, byte[] codes, int[] numBins,
            double[][] thresholds, double[][] low, double[][] high) {
        this.numRows = labels.length;
        this.numFeatures = numFeatures;
        this.numClasses = numClasses;
        this.labels = labels;
        this.codes = codes;
        this.numBins = numBins;
        this.thresholds = thresholds;
        this.low = low;
        this.high = high;
    }

    /**
     * The threshold between a node's largest value in bin {@code leftBin} and its smallest in the higher bin
     * {@code rightBin}: the midpoint of the bins' extreme values over the training set. With one bin per distinct
     * value it is the exact grower's threshold.
     */
    double threshold(int feature, int leftBin, int rightBin) {
        return TreeGrower.midpoint(high[feature][leftBin], low[feature][rightBin]);
    }

    /**
     * Quantises a row-major matrix; the arguments must already be validated (see {@link InputChecks}).
     *
     * @param maxBins bins per feature, 2 to {@link #MAX_BINS}
     */
    static BinnedColumns of(double[][] x, int[] y, int numClasses, int maxBins) {
        if (maxBins < 2 || maxBins > MAX_BINS) {
            throw new IllegalArgumentException("maxBins must be 2 to " + MAX_BINS + ", got " + maxBins);
        }
        int n = y.length;
        int p = x[0].length;
        byte[] codes = new byte[n * p];
        int[] numBins = new int[p];
        double[][] thresholds = new double[p][];
        double[] column = new double[n];
        double[] edges = new double[maxBins];
        double[] lows = new double[maxBins];
        double[] highs = new double[maxBins];
        double[][] low = new double[p][];
        double[][] high = new double[p][];
        for (int f = 0; f < p; f++) {
            for (int row = 0; row < n; row++) {
                column[row] = PresortedColumns.stored(x[row][f]);
            }
            int[] sorted = PresortedColumns.sortedRows(column);
            int distinct = 1;
            for (int i = 1; i < n; i++) {
                if (column[sorted[i]] > column[sorted[i - 1]]) {
                    distinct++;
                }
            }
            int bin = 0;
            int inBin = 0;
            int binnedRows = 0;
            int distinctLeft = distinct;
            double target = (double) n / maxBins;
            boolean onePerValue = distinct <= maxBins;
            lows[0] = column[sorted[0]];
            for (int i = 0; i < n; ) {
                // One run of equal values.
                double value = column[sorted[i]];
                int j = i;
                while (j < n && column[sorted[j]] == value) {
                    codes[sorted[j] * p + f] = (byte) bin;
                    j++;
                }
                int run = j - i;
                inBin += run;
                binnedRows += run;
                distinctLeft--;
                i = j;
                highs[bin] = value;
                if (i == n) {
                    break;
                }
                int binsLeft = maxBins - bin - 1;
                boolean close = onePerValue || inBin >= target || distinctLeft <= binsLeft;
                if (close) {
                    edges[bin] = TreeGrower.midpoint(value, column[sorted[i]]);
                    bin++;
                    lows[bin] = column[sorted[i]];
                    inBin = 0;
                    target = (double) (n - binnedRows) / (maxBins - bin);
                }
            }
            numBins[f] = bin + 1;
            thresholds[f] = java.util.Arrays.copyOf(edges, bin);
            low[f] = java.util.Arrays.copyOf(lows, bin + 1);
            high[f] = java.util.Arrays.copyOf(highs, bin + 1);
        }
        return new BinnedColumns(y.clone(), p, numClasses, codes, numBins, thresholds, low, high);
    }

    /** The bin code of a row's feature. */
    int code(int row, int feature) {
        return codes[row * numFeatures + feature] & 0xFF;
    }
}
