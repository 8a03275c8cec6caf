package org.muwclass.core.aggregate;

import org.muwclass.core.model.SourceClass;

/**
 * The predicted class of a source and its confidence (docs/algorithm.md §9.2-9.3).
 *
 * @param predicted     argmax of the mean probabilities (first class on ties)
 * @param classProb     its mean probability (Class_prob)
 * @param classProbErr  its standard deviation (Class_prob_e)
 * @param ct            confidence threshold: min over c != Class of (P_Class - P_c) / (e_Class + e_c), where a
 *                      denominator of exactly 0 is replaced by {@value #CT_EPSILON}; ties at the maximum give 0
 */
public record ClassDecision(SourceClass predicted, double classProb, double classProbErr, double ct) {

    /** Replacement for a zero denominator in CT. */
    public static final double CT_EPSILON = 1e-5;
    /** The paper's threshold for a confident classification. */
    public static final double CONFIDENT_CT = 2.0;

    /** Decides from mean probabilities and their errors (both in class order). */
    public static ClassDecision of(double[] mean, double[] err) {
        int best = 0;
        for (int c = 1; c < mean.length; c++) {
            if (mean[c] > mean[best]) {
                best = c;
            }
        }
        double ct = Double.POSITIVE_INFINITY;
        for (int c = 0; c < mean.length; c++) {
            if (c == best) {
                continue;
            }
            double den = err[best] + err[c];
            double r = (mean[best] - mean[c]) / (den == 0 ? CT_EPSILON : den);
            ct = Math.min(ct, r);
        }
        return new ClassDecision(SourceClass.values()[best], mean[best], err[best], ct);
    }

    /** Whether CT reaches {@code threshold} (the paper uses 2). */
    public boolean confident(double threshold) {
        return ct >= threshold;
    }
}
