/**
 * Evaluation of a classification against known labels, with scikit-learn semantics: accuracy, balanced accuracy,
 * macro F1, multiclass MCC, one-vs-rest ROC AUC, confusion matrices, completeness under a confidence (CT) cut and the
 * metrics-versus-CT sweep (Yang et al. 2022, §4.3, Fig. 6). Classes are always in {@link
 * org.muwclass.core.model.SourceClass} order.
 */
package org.muwclass.core.eval;
