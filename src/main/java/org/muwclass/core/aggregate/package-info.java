/**
 * Aggregation of per-draw class probabilities into per-source results (docs/algorithm.md §9): means and sample standard
 * deviations from mergeable streaming sums, medians and 2-sigma quantiles, the predicted class and the confidence
 * threshold CT.
 */
package org.muwclass.core.aggregate;
