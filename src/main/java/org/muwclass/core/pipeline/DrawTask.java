package org.muwclass.core.pipeline;

import org.muwclass.core.reddening.AgnReddening;

/**
 * A group of targets classified with one training set, reddened one way, in every draw: an E(B-V) bin of a field
 * run, a node of an interpolating E(B-V) grid, or a (fold, bin) of a cross-validation.
 *
 * @param key        stable identifier, a key of the task's SMOTE and learner seeds
 * @param trainRows  indices into the engine's training list
 * @param targetRows indices into the engine's target list
 * @param reddening  reddening applied to the training AGNs
 * @param share      which of its members' Monte-Carlo values the task produces, or null for all of them
 */
public record DrawTask(long key, int[] trainRows, int[] targetRows, AgnReddening reddening, ValueShare share) {

    public DrawTask {
        if (share != null && share.members() != targetRows.length) {
            throw new IllegalArgumentException("value share for " + share.members() + " members, task has "
                    + targetRows.length);
        }
    }

    /** A task that produces every value of every member (the paper's bins, cross-validation). */
    public DrawTask(long key, int[] trainRows, int[] targetRows, AgnReddening reddening) {
        this(key, trainRows, targetRows, reddening, null);
    }

    /** Whether member {@code member} (index into {@link #targetRows}) takes value number {@code value} here. */
    public boolean takes(int member, long value) {
        return share == null || share.takes(member, value);
    }

    /** How many of the values numbered [from, to) member {@code member} takes here. */
    public long values(int member, long from, long to) {
        return share == null ? to - from : share.values(member, from, to);
    }
}
