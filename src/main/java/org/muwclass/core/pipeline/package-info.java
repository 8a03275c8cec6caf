/**
 * Orchestration: one Monte-Carlo draw (sample, redden, features, scale, SMOTE, train, predict), work units of draw
 * ranges run on a bounded pool with pre-derived seeds, field classification by E(B-V) bin
 * ({@link org.muwclass.core.pipeline.ClassificationRun}) and cross-validation
 * ({@link org.muwclass.core.pipeline.CrossValidation}). No I/O.
 */
package org.muwclass.core.pipeline;
