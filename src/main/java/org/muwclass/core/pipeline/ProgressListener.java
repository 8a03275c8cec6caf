package org.muwclass.core.pipeline;

/**
 * Receives a run's progress, always from the thread that called the run. Executors report each finished unit
 * ({@link #unitDone}); by default that is the fraction of units done, which runs ahead of the work when units differ in
 * cost (a grid node's unit may train no forest at all): {@link CostWeightedProgress} weights each unit by its
 * estimated cost instead.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = fraction -> { };

    /** Fraction of the run's work done, 0..1. */
    void progress(double fractionDone);

    /**
     * Unit {@code unit} finished, the {@code finished}-th of {@code total}. Default: {@code progress(finished /
     * total)}.
     */
    default void unitDone(int unit, int finished, int total) {
        progress(finished / (double) total);
    }
}
