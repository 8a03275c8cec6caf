package org.muwclass.core.pipeline;

/**
 * How a cross-validation fold's training AGNs are reddened for its test sources (docs/algorithm.md §10.1: in LOOCV, to
 * the left-out source's own E(B-V)).
 */
public enum CvReddening {
    /**
     * Test sources of a fold are grouped in the field run's 0.025 mag E(B-V) bins; each group gets its own training set
     * reddened to the group mean. Exactly the paper's LOOCV for one-source folds and exactly the production pipeline
     * for k-fold, but a k-fold on the TD costs about as many trainings per draw as there are (fold, bin) pairs
     * (hundreds).
     */
    TEST_SOURCE_BIN,
    /**
     * Test sources of a fold are grouped by E(B-V) octaves: [0, 0.05), [0.05, 0.1), [0.1, 0.2), ... [25.6, inf) mag,
     * each group reddened to its mean E(B-V) (at most 11 trainings per fold and draw). The reddening a test source sees
     * is within a factor of 2 of its own; the default for k-fold.
     */
    OCTAVE_GROUPS,
    /** No reddening at all. */
    NONE
}
