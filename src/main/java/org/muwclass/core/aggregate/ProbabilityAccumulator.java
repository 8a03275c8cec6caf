package org.muwclass.core.aggregate;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming per-source, per-class statistics of class probabilities over Monte-Carlo values: count, mean and sum of
 * squared deviations (Welford), mergeable with Chan et al.'s pairwise formula so work units covering different value
 * ranges can be combined. Sources may hold different numbers of values (an interpolating E(B-V) grid gives a source
 * part of its values in one task and the rest in another). Optionally it also keeps every value, in the order added,
 * for medians and quantiles; kept values are stored as {@code float} (7 significant digits, ample for probabilities
 * and half the memory of doubles).
 *
 * <p>Floating-point results depend on the order of additions and merges; callers that want bit-identical results at
 * any thread count merge units in a fixed order (e.g. by first draw). Not thread-safe.
 */
public final class ProbabilityAccumulator {

    private final int sources;
    private final int classes;
    private final long[] count;
    private final double[] mean;
    private final double[] m2;
    private final boolean keepDraws;
    /** Kept values, {@code [source*classes + c][i]}; source s holds {@code stored[s]} of them. */
    private final float[][] draws;
    private final int[] stored;

    /**
     * @param sources   number of sources
     * @param classes   number of classes
     * @param keepDraws whether to keep all values (needed for {@link ProbabilitySummary#median()} and quantiles)
     */
    public ProbabilityAccumulator(int sources, int classes, boolean keepDraws) {
        this.sources = sources;
        this.classes = classes;
        this.count = new long[sources];
        this.mean = new double[sources * classes];
        this.m2 = new double[sources * classes];
        this.keepDraws = keepDraws;
        this.draws = keepDraws ? new float[sources * classes][] : null;
        this.stored = keepDraws ? new int[sources] : null;
        if (keepDraws) {
            Arrays.fill(draws, new float[0]);
        }
    }

    /**
     * Adds one value for every source.
     *
     * @param probabilities [source][class] probabilities of this draw
     */
    public void add(double[][] probabilities) {
        if (probabilities.length != sources) {
            throw new IllegalArgumentException(probabilities.length + " rows for " + sources + " sources");
        }
        for (int s = 0; s < sources; s++) {
            add(s, probabilities[s]);
        }
    }

    /**
     * Adds one value for one source.
     *
     * @param source        source index
     * @param probabilities class probabilities of this value
     */
    public void add(int source, double[] probabilities) {
        long n = ++count[source];
        int base = source * classes;
        for (int c = 0; c < classes; c++) {
            int k = base + c;
            double x = probabilities[c];
            double d = x - mean[k];
            mean[k] += d / n;
            m2[k] += d * (x - mean[k]);
        }
        if (keepDraws) {
            reserve(source, stored[source] + 1);
            int i = stored[source]++;
            for (int c = 0; c < classes; c++) {
                draws[base + c][i] = (float) probabilities[c];
            }
        }
    }

    /**
     * Makes room for {@code values} kept values of {@code source} in all, so that adding and merging up to that many
     * allocates nothing more (a no-op without kept values).
     */
    public void reserve(int source, int values) {
        if (!keepDraws) {
            return;
        }
        int base = source * classes;
        if (draws[base].length < values) {
            int capacity = Math.max(values, draws[base].length + (draws[base].length >> 1));
            for (int c = 0; c < classes; c++) {
                draws[base + c] = Arrays.copyOf(draws[base + c], capacity);
            }
        }
    }

    /** Adds the values of {@code other} (same shape) after this one's, source by source. */
    public void merge(ProbabilityAccumulator other) {
        if (other.sources != sources || other.classes != classes || other.keepDraws != keepDraws) {
            throw new IllegalArgumentException("Cannot merge accumulators of different shape");
        }
        for (int s = 0; s < sources; s++) {
            mergeSource(s, other, s);
        }
    }

    /** Adds the values of source {@code from} of {@code other} after those of this accumulator's source {@code to}. */
    public void mergeSource(int to, ProbabilityAccumulator other, int from) {
        // one without kept values takes only the sums of one with them (its quantiles come from QuantileCounts)
        if (other.classes != classes || (keepDraws && !other.keepDraws)) {
            throw new IllegalArgumentException("Cannot merge accumulators of different shape");
        }
        long added = other.count[from];
        if (added == 0) {
            return;
        }
        long had = count[to];
        long n = had + added;
        int a = to * classes;
        int b = from * classes;
        for (int c = 0; c < classes; c++) {
            double d = other.mean[b + c] - mean[a + c];
            m2[a + c] += other.m2[b + c] + d * d * ((double) had * added / n);
            mean[a + c] += d * added / n;
        }
        count[to] = n;
        if (keepDraws) {
            int extra = other.stored[from];
            reserve(to, stored[to] + extra);
            for (int c = 0; c < classes; c++) {
                System.arraycopy(other.draws[b + c], 0, draws[a + c], stored[to], extra);
            }
            stored[to] += extra;
        }
    }

    /** Counts the kept values of source {@code from} into {@code counts} as its source {@code target}. */
    public void countValues(int from, QuantileCounts counts, int target) {
        if (!keepDraws) {
            throw new IllegalStateException("No kept values to count");
        }
        double[] p = new double[classes];
        int base = from * classes;
        for (int i = 0; i < stored[from]; i++) {
            for (int c = 0; c < classes; c++) {
                p[c] = draws[base + c][i];
            }
            counts.add(target, p);
        }
    }

    /**
     * The summary of one source with its median and 2-sigma quantiles from {@code counts} (bounded memory, within
     * 0.0025 of the exact ones: {@link QuantileCounts}); mean and standard deviation as {@link #summary(int)}.
     */
    public ProbabilitySummary summary(int source, QuantileCounts counts) {
        ProbabilitySummary s = summary(source);
        double[] med = new double[classes];
        double[] lo = new double[classes];
        double[] hi = new double[classes];
        for (int c = 0; c < classes; c++) {
            med[c] = counts.quantile(source, c, 0.5);
            lo[c] = counts.quantile(source, c, Quantiles.LOWER_2SIGMA);
            hi[c] = counts.quantile(source, c, Quantiles.UPPER_2SIGMA);
        }
        return new ProbabilitySummary(s.mean(), s.std(), med, lo, hi, s.draws());
    }

    /**
     * Writes the exact state (raw IEEE-754 bits), so that {@link #readFrom} gives an accumulator that merges and
     * summarises bit for bit like this one (used to ship a work unit's partial sums between cluster members).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(sources);
        out.writeInt(classes);
        out.writeBoolean(keepDraws);
        for (int s = 0; s < sources; s++) {
            out.writeLong(count[s]);
        }
        for (int k = 0; k < mean.length; k++) {
            out.writeDouble(mean[k]);
            out.writeDouble(m2[k]);
        }
        if (keepDraws) {
            for (int s = 0; s < sources; s++) {
                out.writeInt(stored[s]);
                for (int c = 0; c < classes; c++) {
                    float[] values = draws[s * classes + c];
                    for (int i = 0; i < stored[s]; i++) {
                        out.writeFloat(values[i]);
                    }
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
        for (int s = 0; s < sources; s++) {
            acc.count[s] = in.readLong();
        }
        for (int k = 0; k < acc.mean.length; k++) {
            acc.mean[k] = in.readDouble();
            acc.m2[k] = in.readDouble();
        }
        if (keep) {
            for (int s = 0; s < sources; s++) {
                int n = in.readInt();
                if (n < 0) {
                    throw new IOException("Corrupt partial sums: " + n + " stored values");
                }
                acc.reserve(s, n);
                for (int c = 0; c < classes; c++) {
                    float[] values = acc.draws[s * classes + c];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.readFloat();
                    }
                }
                acc.stored[s] = n;
            }
        }
        return acc;
    }

    /** Number of values added for {@code source}. */
    public long count(int source) {
        return count[source];
    }

    /** Number of values added for source 0 (all sources hold the same number unless values were added singly). */
    public long count() {
        return sources == 0 ? 0 : count[0];
    }

    /** Number of sources. */
    public int sources() {
        return sources;
    }

    /**
     * The summary of one source: mean, sample standard deviation (ddof 1; NaN with fewer than 2 values), and when
     * values are kept the median and the 2.275% / 97.725% quantiles (linear interpolation, as pandas).
     */
    public ProbabilitySummary summary(int source) {
        long n = count[source];
        double[] m = new double[classes];
        double[] sd = new double[classes];
        double[] med = keepDraws ? new double[classes] : null;
        double[] lo = keepDraws ? new double[classes] : null;
        double[] hi = keepDraws ? new double[classes] : null;
        for (int c = 0; c < classes; c++) {
            int k = source * classes + c;
            m[c] = mean[k];
            sd[c] = n > 1 ? Math.sqrt(Math.max(0, m2[k]) / (n - 1)) : Double.NaN;
            if (keepDraws) {
                float[] kept = draws[k];
                double[] v = new double[stored[source]];
                for (int i = 0; i < v.length; i++) {
                    v[i] = kept[i];
                }
                Arrays.sort(v);
                med[c] = Quantiles.sorted(v, 0.5);
                lo[c] = Quantiles.sorted(v, Quantiles.LOWER_2SIGMA);
                hi[c] = Quantiles.sorted(v, Quantiles.UPPER_2SIGMA);
            }
        }
        return new ProbabilitySummary(m, sd, med, lo, hi, n);
    }
}
