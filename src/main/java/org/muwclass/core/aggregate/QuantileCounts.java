package org.muwclass.core.aggregate;

/**
 * Bounded-memory quantiles of per-source class probabilities (issue 15 item 6): each Monte-Carlo value is counted at
 * the nearest point of the lattice i / {@link #STEPS} (i = 0..STEPS) instead of being kept, so a source costs
 * classes x (STEPS + 1) ints however many values it gets. Counts are integers, so the order values are added in does
 * not matter: the quantiles are the same bits at any thread count and in any unit order.
 *
 * <p>Error: a value moves by at most 1 / (2 STEPS) = 0.0025, so the median and the 2.275% / 97.725% quantiles
 * (linear interpolation between order statistics, as {@link Quantiles#sorted}) are within 0.0025 of those of the kept
 * values; they are exact where every value lies on the lattice, as the votes of a 100- or 200-tree forest with pure
 * leaves do (multiples of 0.01 or 0.005). Measured against the exact values on a real run: docs/benchmarks.md.
 * Not thread-safe.
 */
public final class QuantileCounts {

    /** Lattice steps over [0, 1]: values are counted at multiples of 1 / STEPS. */
    public static final int STEPS = 200;

    private final int sources;
    private final int classes;
    /** {@code [source * classes + c][i]}: values of class c of a source counted at i / STEPS; null until one. */
    private final int[][] counts;
    private final long[] values;

    public QuantileCounts(int sources, int classes) {
        this.sources = sources;
        this.classes = classes;
        this.counts = new int[sources * classes][];
        this.values = new long[sources];
    }

    /** Counts one value of every class of {@code source}. */
    public void add(int source, double[] probabilities) {
        int base = source * classes;
        if (counts[base] == null) {
            for (int c = 0; c < classes; c++) {
                counts[base + c] = new int[STEPS + 1];
            }
        }
        for (int c = 0; c < classes; c++) {
            counts[base + c][code(probabilities[c])]++;
        }
        values[source]++;
    }

    /** Lattice index of a probability (clamped to [0, 1]; NaN counts at 0). */
    static int code(double p) {
        if (!(p > 0)) {
            return 0;
        }
        return p >= 1 ? STEPS : (int) Math.round(p * STEPS);
    }

    /** Values counted for {@code source}. */
    public long count(int source) {
        return values[source];
    }

    public int sources() {
        return sources;
    }

    /**
     * Quantile {@code q} of class {@code c} of {@code source}, linear interpolation between the order statistics of
     * the counted (lattice) values; NaN without values.
     */
    public double quantile(int source, int c, double q) {
        long n = values[source];
        if (n == 0) {
            return Double.NaN;
        }
        int[] h = counts[source * classes + c];
        double pos = (n - 1) * q;
        long lo = (long) Math.floor(pos);
        double below = valueAt(h, lo);
        if (lo >= n - 1) {
            return below;
        }
        return below + (pos - lo) * (valueAt(h, lo + 1) - below);
    }

    /** The value of order statistic {@code rank} (0-based) of histogram {@code h}. */
    private static double valueAt(int[] h, long rank) {
        long seen = 0;
        for (int i = 0; i < h.length; i++) {
            seen += h[i];
            if (seen > rank) {
                return (double) i / STEPS;
            }
        }
        return 1.0;
    }

    /** Bytes held by the counts (array payloads and headers, 64-bit JVM with compressed references). */
    public long retainedBytes() {
        long bytes = 16L + 4L * counts.length + 16L + 8L * values.length;
        for (int[] h : counts) {
            if (h != null) {
                bytes += 16L + 4L * h.length;
            }
        }
        return bytes;
    }
}
