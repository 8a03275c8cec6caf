package org.muwclass.core.pipeline;

/**
 * Seeds of one Monte-Carlo draw of one task.
 *
 * @param trainSampling  stream root for sampling training rows (row id is the last key)
 * @param targetSampling stream root for sampling target rows
 * @param oversampling   seed of SMOTE's generator
 * @param learner        seed of the classifier
 */
public record DrawSeeds(long trainSampling, long targetSampling, long oversampling, long learner) {
}
