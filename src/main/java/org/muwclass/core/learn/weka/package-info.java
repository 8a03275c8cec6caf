/**
 * Weka at the edge of the core: {@link org.muwclass.core.learn.weka.WekaLearner} adapts any Weka classifier to the
 * {@link org.muwclass.core.learn.Learner} port, {@link org.muwclass.core.learn.weka.FastRandomForestClassifier} is the
 * fast forest's Weka face (options, tip texts, capabilities), {@link org.muwclass.core.learn.weka.ForestImportance}
 * reads impurity importances out of Weka's RandomForest, and {@link org.muwclass.core.learn.weka.LearnerCatalogue}
 * names the selectable algorithms ("fastrf", "rf", "extratrees", "boosting", "bagging", "svm", "knn", "tree",
 * "fastrf-exact", "fastrf-hist", plus any registered {@code weka.classifiers.Classifier}).
 * This is the only package under {@code org.muwclass.core} that imports {@code weka.*}.
 */
package org.muwclass.core.learn.weka;
