package org.muwclass.service.evaluate;

import org.muwclass.classification.EvaluationOptions;
import org.muwclass.core.training.TrainingSet;

/**
 * An evaluation job with its training set read and checked: what {@link EvaluateJobKind#parse} returns.
 *
 * @param options  the cross-validation settings
 * @param training the shipped or uploaded training set
 */
record EvaluatePlan(EvaluationOptions options, TrainingSet training) {
}
