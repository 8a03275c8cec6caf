package org.muwclass.core.pipeline;

/**
 * Seeds of one training draw (one trained forest) of one task, split from the master seed before anything runs.
 *
 * @param trainSampling  stream root for sampling training rows (row id is the last key)
 * @param targetSampling stream roots for sampling target rows, one per target realisation evaluated with this draw's
 *                       forest (one in the paper's protocol)
 * @param oversampling   seed of SMOTE's generator
 * @param learner        seed of the classifier
 */
public record DrawSeeds(long trainSampling, long[] targetSampling, long oversampling, long learner) {

    public DrawSeeds {
        if (targetSampling.length < 1) {
            throw new IllegalArgumentException("A draw needs at least one target realisation");
        }
        targetSampling = targetSampling.clone();
    }

    /** The paper's protocol: one target realisation. */
    public DrawSeeds(long trainSampling, long targetSampling, long oversampling, long learner) {
        this(trainSampling, new long[] {targetSampling}, oversampling, learner);
    }

    /** Number of target realisations. */
    public int targetCopies() {
        return targetSampling.length;
    }

    /** Stream root of target realisation {@code copy}. */
    public long targetSampling(int copy) {
        return targetSampling[copy];
    }
}
