package org.muwclass.core.pipeline;

import java.util.Objects;

/**
 * Parameters of a classification run.
 *
 * @param draws         Monte-Carlo draws (paper: 1000; the authors suggest 100 for large samples), 1..100000
 * @param masterSeed    root of every random stream
 * @param algorithm     learner catalogue name, e.g. "rf"
 * @param ebvPolicy     where each target's E(B-V) comes from
 * @param ctThreshold   CT at or above which a classification counts as confident (paper: 2), &gt;= 0
 * @param threads       worker threads when the run makes its own pool, 1..256
 * @param drawsPerUnit  draws per work unit (granularity of scheduling and progress), &gt;= 1. It fixes the order in
 *                      which partial sums are merged: keep it (and the seed) to reproduce a run bit for bit; other
 *                      values change means and errors only by rounding
 * @param keepQuantiles whether to keep every draw for medians and 2-sigma quantiles (memory: sources x draws x 8
 *                      doubles)
 */
public record RunParameters(int draws, long masterSeed, String algorithm, EbvPolicy ebvPolicy, double ctThreshold,
                            int threads, int drawsPerUnit, boolean keepQuantiles) {

    public RunParameters {
        if (draws < 1 || draws > 100_000) {
            throw new IllegalArgumentException("draws must be 1..100000, got " + draws);
        }
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(ebvPolicy, "ebvPolicy");
        if (!(ctThreshold >= 0) || Double.isInfinite(ctThreshold)) {
            throw new IllegalArgumentException("ctThreshold must be a finite value >= 0, got " + ctThreshold);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256, got " + threads);
        }
        if (drawsPerUnit < 1) {
            throw new IllegalArgumentException("drawsPerUnit must be >= 1, got " + drawsPerUnit);
        }
    }

    /** Paper-like defaults: rf, E(B-V) from the table else the dust map, CT 2, one thread, 10 draws per unit. */
    public static RunParameters of(int draws, long masterSeed) {
        return new RunParameters(draws, masterSeed, "rf", EbvPolicy.TABLE_ELSE_DUST_MAP, 2.0, 1, 10, true);
    }

    /** A copy with another learner name. */
    public RunParameters withAlgorithm(String name) {
        return new RunParameters(draws, masterSeed, name, ebvPolicy, ctThreshold, threads, drawsPerUnit, keepQuantiles);
    }

    /** A copy with another E(B-V) policy. */
    public RunParameters withEbvPolicy(EbvPolicy policy) {
        return new RunParameters(draws, masterSeed, algorithm, policy, ctThreshold, threads, drawsPerUnit, keepQuantiles);
    }

    /** A copy with another thread count. */
    public RunParameters withThreads(int n) {
        return new RunParameters(draws, masterSeed, algorithm, ebvPolicy, ctThreshold, n, drawsPerUnit, keepQuantiles);
    }

    /** A copy with another work-unit size. */
    public RunParameters withDrawsPerUnit(int n) {
        return new RunParameters(draws, masterSeed, algorithm, ebvPolicy, ctThreshold, threads, n, keepQuantiles);
    }

    /** A copy with another CT threshold. */
    public RunParameters withCtThreshold(double ct) {
        return new RunParameters(draws, masterSeed, algorithm, ebvPolicy, ct, threads, drawsPerUnit, keepQuantiles);
    }

    /** A copy that does or does not keep draws for quantiles. */
    public RunParameters withKeepQuantiles(boolean keep) {
        return new RunParameters(draws, masterSeed, algorithm, ebvPolicy, ctThreshold, threads, drawsPerUnit, keep);
    }
}
