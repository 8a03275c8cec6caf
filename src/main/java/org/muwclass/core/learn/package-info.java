/**
 * Classifiers: the {@link org.muwclass.core.learn.Learner} port, its Weka adapter and the catalogue of algorithms
 * selectable by name ("rf", "fastrf" (histogram split search; "fastrf-exact" the exact one), "extratrees",
 * "boosting", "bagging", "svm", "knn", "tree", plus any registered {@code weka.classifiers.Classifier}), and
 * {@link org.muwclass.core.learn.FastRandomForest}, a fast random forest grown like sklearn's
 * RandomForestClassifier that gives the same result at any thread count and plugs into Weka.
 * This is the only package that imports {@code weka.*}.
 */
package org.muwclass.core.learn;
