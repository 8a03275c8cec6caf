/**
 * Classifiers: the {@link org.muwclass.core.learn.Learner} port, its Weka adapter and the catalogue of algorithms
 * selectable by name ("rf", "extratrees", "boosting", "bagging", "svm", "knn", "tree", plus any registered
 * {@code weka.classifiers.Classifier}). This is the only package that imports {@code weka.*}.
 */
package org.muwclass.core.learn;
