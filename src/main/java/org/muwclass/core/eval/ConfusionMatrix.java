package org.muwclass.core.eval;

import java.util.Collection;
import org.muwclass.core.model.SourceClass;

/**
 * Raw confusion counts: rows are true classes, columns predicted classes, both in {@link SourceClass} order.
 * Immutable.
 */
public final class ConfusionMatrix {

    private static final int K = SourceClass.count();
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** Counts (true, predicted) pairs over the given sources. */
    public static ConfusionMatrix of(Collection<LabelledPrediction> sources) {
        long[][] c = new long[K][K];
        for (LabelledPrediction p : sources) {
            c[p.trueClass().ordinal()][p.predicted().ordinal()]++;
        }
        return new ConfusionMatrix(c);
    }

    /** A matrix from explicit counts, {@code counts[true][predicted]}, 8×8. */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        if (counts.length != K) {
            throw new IllegalArgumentException("confusion counts need " + K + " rows, got " + counts.length);
        }
        long[][] c = new long[K][];
        for (int i = 0; i < K; i++) {
            if (counts[i].length != K) {
                throw new IllegalArgumentException("confusion row " + i + " needs " + K + " columns, got "
                        + counts[i].length);
            }
            c[i] = counts[i].clone();
        }
        return new ConfusionMatrix(c);
    }

    /** Sources of true class {@code trueClass} predicted as {@code predicted}. */
    public long count(SourceClass trueClass, SourceClass predicted) {
        return counts[trueClass.ordinal()][predicted.ordinal()];
    }

    /** A copy of the counts, {@code [true][predicted]}. */
    public long[][] counts() {
        long[][] c = new long[K][];
        for (int i = 0; i < K; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /** Number of sources. */
    public long total() {
        long s = 0;
        for (long[] row : counts) {
            for (long v : row) {
                s += v;
            }
        }
        return s;
    }

    /** Correct classifications (the trace). */
    public long correct() {
        long s = 0;
        for (int i = 0; i < K; i++) {
            s += counts[i][i];
        }
        return s;
    }

    /** Sources whose true class is {@code c}. */
    public long trueTotal(SourceClass c) {
        long s = 0;
        for (long v : counts[c.ordinal()]) {
            s += v;
        }
        return s;
    }

    /** Sources predicted as {@code c}. */
    public long predictedTotal(SourceClass c) {
        long s = 0;
        for (long[] row : counts) {
            s += row[c.ordinal()];
        }
        return s;
    }

    /** Recall of {@code c} (fraction of true {@code c} predicted as {@code c}); NaN when no source is true {@code c}. */
    public double recall(SourceClass c) {
        long t = trueTotal(c);
        return t == 0 ? Double.NaN : (double) count(c, c) / t;
    }

    /** Precision of {@code c}; NaN when nothing is predicted as {@code c} (sklearn then reports 0). */
    public double precision(SourceClass c) {
        long p = predictedTotal(c);
        return p == 0 ? Double.NaN : (double) count(c, c) / p;
    }

    /** F1 of {@code c} with sklearn's zero-division convention (0 when precision + recall is 0 or undefined). */
    public double f1(SourceClass c) {
        long tp = count(c, c);
        long denom = trueTotal(c) + predictedTotal(c);
        return denom == 0 ? 0.0 : 2.0 * tp / denom;
    }

    /** Counts divided by the true-class total: row-normalised (the paper's recall matrix). NaN rows for absent classes. */
    public double[][] recallMatrix() {
        double[][] m = new double[K][K];
        for (SourceClass t : SourceClass.values()) {
            long tot = trueTotal(t);
            for (int j = 0; j < K; j++) {
                m[t.ordinal()][j] = tot == 0 ? Double.NaN : (double) counts[t.ordinal()][j] / tot;
            }
        }
        return m;
    }

    /** Counts divided by the predicted-class total: column-normalised (the paper's precision matrix). */
    public double[][] precisionMatrix() {
        double[][] m = new double[K][K];
        for (SourceClass p : SourceClass.values()) {
            long tot = predictedTotal(p);
            for (int i = 0; i < K; i++) {
                m[i][p.ordinal()] = tot == 0 ? Double.NaN : (double) counts[i][p.ordinal()] / tot;
            }
        }
        return m;
    }
}
