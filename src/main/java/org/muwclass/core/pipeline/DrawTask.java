package org.muwclass.core.pipeline;

import org.muwclass.core.reddening.AgnReddening;

/**
 * A group of targets classified with one training set, reddened one way, in every draw: an E(B-V) bin of a field
 * run, or a (fold, bin) of a cross-validation.
 *
 * @param key        stable identifier, a key of the task's SMOTE and learner seeds
 * @param trainRows  indices into the engine's training list
 * @param targetRows indices into the engine's target list
 * @param reddening  reddening applied to the training AGNs
 */
public record DrawTask(long key, int[] trainRows, int[] targetRows, AgnReddening reddening) {
}
