package org.muwclass.core.pipeline;

import org.muwclass.core.aggregate.ClassDecision;
import org.muwclass.core.aggregate.ProbabilitySummary;
import org.muwclass.core.model.SourceClass;

/**
 * The classification of one source.
 *
 * @param name          source name
 * @param raDeg         right ascension, deg
 * @param decDeg        declination, deg
 * @param ebvSource     the source's own E(B-V), mag
 * @param ebvUsed       E(B-V) the training AGNs were reddened to (its bin's mean), mag
 * @param probabilities per-class mean, std (ddof 1), and when kept median and 2-sigma quantiles, class order
 * @param decision      Class, Class_prob, Class_prob_e and CT
 * @param confident     CT &gt;= the run's threshold
 * @param trueClass     the label when known (cross-validation), else null
 */
public record SourceResult(String name, double raDeg, double decDeg, double ebvSource, double ebvUsed,
                           ProbabilitySummary probabilities, ClassDecision decision, boolean confident,
                           SourceClass trueClass) {
}
