/**
 * Classifiers, free of any framework: the {@link org.muwclass.core.learn.Learner} / {@link
 * org.muwclass.core.learn.TrainedModel} port and {@link org.muwclass.core.learn.FastRandomForest}, a fast random
 * forest grown like sklearn's RandomForestClassifier on plain arrays (exact or histogram split search) that gives
 * the same result at any thread count, offered as the learners "fastrf", "fastrf-exact" and "fastrf-hist" by
 * {@link org.muwclass.core.learn.FastForestLearner}. Depends only on {@code core.features}, {@code core.model} and
 * {@code core.sampling}; Weka lives in the subpackage {@code weka}, which depends on this one and never the reverse.
 */
package org.muwclass.core.learn;
