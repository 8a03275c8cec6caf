package org.muwclass.core.aggregate;

/**
 * One source's class probabilities over the Monte-Carlo draws, indexed by {@code SourceClass.ordinal()}.
 *
 * @param mean        mean probability (P_class)
 * @param std         sample standard deviation, ddof 1 (e_P_class); NaN with fewer than 2 draws
 * @param median      median, or null when the draws were not kept
 * @param lower2Sigma 2.275% quantile, or null
 * @param upper2Sigma 97.725% quantile, or null
 * @param draws       number of draws
 */
public record ProbabilitySummary(double[] mean, double[] std, double[] median, double[] lower2Sigma,
                                 double[] upper2Sigma, long draws) {

    /** Whether median and quantiles are available (draws were kept). */
    public boolean hasQuantiles() {
        return median != null;
    }
}
