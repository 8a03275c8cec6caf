/**
 * Learning algorithms for the MUWCLASS classifier: {@link org.muwclass.core.learn.FastRandomForest}, a fast,
 * thread-count-independent random forest that matches sklearn's RandomForestClassifier and plugs into Weka.
 */
package org.muwclass.core.learn;
