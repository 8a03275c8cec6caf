package org.muwclass.core.aggregate;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming per-source, per-class statistics of class probabilities over Monte-Carlo draws: count, mean and sum of
 * squared deviations (Welford), mergeable with Chan et al.'s pairwise formula so work units covering different draw
 * ranges can be combined. Optionally it also keeps every draw's value, in draw order, for medians and quantiles.
 *
 * <p>Floating-point results depend on the order of additions and merges; callers that want bit-identical results at
 * any thread count merge units in a fixed order (e.g. by first draw). Not thread-safe.
 */
public final class ProbabilityAccumulator {

    private final int sources;
    private final int classes;
    private long count;
    private final double[] mean;
    private final double[] m2;
    private final boolean keepDraws;
    private double[][] draws; // [source*classes + c][draw]
    private int stored;

    /**
     * @param sources   number of sources
     * @param classes   number of classes
     * @param keepDraws whether to keep all values (needed for {@link ProbabilitySummary#median()} and quantiles)
     */
    public ProbabilityAccumulator(int sources, int classes, boolean keepDraws) {
        this.sources = sources;
        this.classes = classes;
        this.mean = new double[sources * classes];
        this.m2 = new double[sources * classes];
        this.keepDraws = keepDraws;
        this.draws = keepDraws ? new double[sources * classes][4] : null;
    }

    /**
     * Adds one draw.
     *
     * @param probabilities [source][class] probabilities of this draw
     */
    public void add(double[][] probabilities) {
        if (probabilities.length != sources) {
            throw new IllegalArgumentException(probabilities.length + " rows for " + sources + " sources");
        }
        count++;
        for (int s = 0; s < sources; s++) {
            for (int c = 0; c < classes; c++) {
                int k = s * classes + c;
                double x = probabilities[s][c];
                double d = x - mean[k];
                mean[k] += d / count;
                m2[k] += d * (x - mean[k]);
            }
        }
        if (keepDraws) {
            ensureCapacity(stored + 1);
            for (int s = 0; s < sources; s++) {
                for (int c = 0; c < classes; c++) {
                    draws[s * classes + c][stored] = probabilities[s][c];
                }
            }
            stored++;
        }
    }

    /** Adds the draws of {@code other} (same shape) after this one's. */
    public void merge(ProbabilityAccumulator other) {
        if (other.sources != sources || other.classes != classes || other.keepDraws != keepDraws) {
            throw new IllegalArgumentException("Cannot merge accumulators of different shape");
        }
        if (other.count == 0) {
            return;
        }
        long n = count + other.count;
        for (int k = 0; k < mean.length; k++) {
            double d = other.mean[k] - mean[k];
            m2[k] += other.m2[k] + d * d * ((double) count * other.count / n);
            mean[k] += d * other.count / n;
        }
        count = n;
        if (keepDraws) {
            ensureCapacity(stored + other.stored);
            for (int k = 0; k < draws.length; k++) {
                System.arraycopy(other.draws[k], 0, draws[k], stored, other.stored);
            }
            stored += other.stored;
        }
    }

    /**
     * Writes the exact state (raw IEEE-754 bits), so that {@link #readFrom} gives an accumulator that merges and
     * summarises bit for bit like this one (used to ship a work unit's partial sums between cluster members).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(sources);
        out.writeInt(classes);
        out.writeBoolean(keepDraws);
        out.writeLong(count);
        for (int k = 0; k < mean.length; k++) {
            out.writeDouble(mean[k]);
            out.writeDouble(m2[k]);
        }
        if (keepDraws) {
            out.writeInt(stored);
            for (double[] values : draws) {
                for (int i = 0; i < stored; i++) {
                    out.writeDouble(values[i]);
                }
            }
        }
    }

    /** Reads what {@link #writeTo} wrote. */
    public static ProbabilityAccumulator readFrom(DataInput in) throws IOException {
        int sources = in.readInt();
        int classes = in.readInt();
        boolean keep = in.readBoolean();
        if (sources < 0 || classes < 0 || (long) sources * classes > Integer.MAX_VALUE) {
            throw new IOException("Corrupt partial sums: " + sources + " sources x " + classes + " classes");
        }
        ProbabilityAccumulator acc = new ProbabilityAccumulator(sources, classes, keep);
        acc.count = in.readLong();
        for (int k = 0; k < acc.mean.length; k++) {
            acc.mean[k] = in.readDouble();
            acc.m2[k] = in.readDouble();
        }
        if (keep) {
            int stored = in.readInt();
            if (stored < 0) {
                throw new IOException("Corrupt partial sums: " + stored + " stored draws");
            }
            acc.ensureCapacity(stored);
            for (double[] values : acc.draws) {
                for (int i = 0; i < stored; i++) {
                    values[i] = in.readDouble();
                }
            }
            acc.stored = stored;
        }
        return acc;
    }

    private void ensureCapacity(int n) {
        if (draws.length > 0 && draws[0].length < n) {
            int cap = Math.max(n, draws[0].length * 2);
            for (int k = 0; k < draws.length; k++) {
                draws[k] = Arrays.copyOf(draws[k], cap);
            }
        }
    }

    /** Number of draws added. */
    public long count() {
        return count;
    }

    /** Number of sources. */
    public int sources() {
        return sources;
    }

    /**
     * The summary of one source: mean, sample standard deviation (ddof 1; NaN with fewer than 2 draws), and when draws
     * are kept the median and the 2.275% / 97.725% quantiles (linear interpolation, as pandas).
     */
    public ProbabilitySummary summary(int source) {
        double[] m = new double[classes];
        double[] sd = new double[classes];
        double[] med = keepDraws ? new double[classes] : null;
        double[] lo = keepDraws ? new double[classes] : null;
        double[] hi = keepDraws ? new double[classes] : null;
        for (int c = 0; c < classes; c++) {
            int k = source * classes + c;
            m[c] = mean[k];
            sd[c] = count > 1 ? Math.sqrt(Math.max(0, m2[k]) / (count - 1)) : Double.NaN;
            if (keepDraws) {
                double[] v = Arrays.copyOf(draws[k], stored);
                Arrays.sort(v);
                med[c] = Quantiles.sorted(v, 0.5);
                lo[c] = Quantiles.sorted(v, Quantiles.LOWER_2SIGMA);
                hi[c] = Quantiles.sorted(v, Quantiles.UPPER_2SIGMA);
            }
        }
        return new ProbabilitySummary(m, sd, med, lo, hi, count);
    }
}
