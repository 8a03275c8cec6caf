package org.muwclass.tables;

import java.util.Arrays;
import java.util.Objects;
import org.muwclass.core.model.SourceClass;

/**
 * One row of the classification output: a source's aggregated class probabilities over the Monte-Carlo draws
 * (docs/algorithm.md §9.2). All probability arrays are in {@link SourceClass} order, length 8; NaN where not available.
 *
 * @param name            source name
 * @param raDeg           right ascension, deg (NaN if unknown)
 * @param decDeg          declination, deg (NaN if unknown)
 * @param mean            mean probability per class ({@code P_<class>})
 * @param std             sample standard deviation (ddof = 1) per class ({@code e_P_<class>})
 * @param median          median per class ({@code P_median_<class>})
 * @param lower2Sigma     2.275% quantile per class ({@code P_2sig_low_<class>})
 * @param upper2Sigma     97.725% quantile per class ({@code P_2sig_upp_<class>})
 * @param predicted       argmax of the means ({@code Class})
 * @param ct              confidence threshold value CT, σ units ({@code CT})
 * @param ebvMag          E(B−V) used for the AGN reddening of the training set, mag ({@code ebv})
 * @param ebvOrigin       where that E(B−V) came from: "table", "dust-map", "dust-map-av", "hi-map", "nh-column" or
 *                        "none" ({@code ebv_origin}); null when not recorded
 */
public record ClassifiedSource(String name, double raDeg, double decDeg, double[] mean, double[] std, double[] median,
        double[] lower2Sigma, double[] upper2Sigma, SourceClass predicted, double ct, double ebvMag,
        String ebvOrigin) {

    /** Without a recorded E(B−V) origin. */
    public ClassifiedSource(String name, double raDeg, double decDeg, double[] mean, double[] std, double[] median,
            double[] lower2Sigma, double[] upper2Sigma, SourceClass predicted, double ct, double ebvMag) {
        this(name, raDeg, decDeg, mean, std, median, lower2Sigma, upper2Sigma, predicted, ct, ebvMag, null);
    }

    public ClassifiedSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(predicted, "predicted");
        mean = copy(mean, "mean");
        std = copy(std, "std");
        median = copy(median, "median");
        lower2Sigma = copy(lower2Sigma, "lower2Sigma");
        upper2Sigma = copy(upper2Sigma, "upper2Sigma");
    }

    /** Probability of the predicted class ({@code Class_prob}). */
    public double classProbability() {
        return mean[predicted.ordinal()];
    }

    /** Standard deviation of the predicted class's probability ({@code Class_prob_e}). */
    public double classProbabilityError() {
        return std[predicted.ordinal()];
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public double[] median() {
        return median.clone();
    }

    @Override
    public double[] lower2Sigma() {
        return lower2Sigma.clone();
    }

    @Override
    public double[] upper2Sigma() {
        return upper2Sigma.clone();
    }

    private static double[] copy(double[] v, String what) {
        if (v == null) {
            double[] a = new double[SourceClass.count()];
            Arrays.fill(a, Double.NaN);
            return a;
        }
        if (v.length != SourceClass.count()) {
            throw new IllegalArgumentException(what + " needs " + SourceClass.count() + " entries, got " + v.length);
        }
        return v.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassifiedSource s && name.equals(s.name) && Double.compare(raDeg, s.raDeg) == 0
                && Double.compare(decDeg, s.decDeg) == 0 && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std)
                && Arrays.equals(median, s.median) && Arrays.equals(lower2Sigma, s.lower2Sigma)
                && Arrays.equals(upper2Sigma, s.upper2Sigma) && predicted == s.predicted
                && Double.compare(ct, s.ct) == 0 && Double.compare(ebvMag, s.ebvMag) == 0
                && Objects.equals(ebvOrigin, s.ebvOrigin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, raDeg, decDeg, Arrays.hashCode(mean), predicted, ct);
    }

    @Override
    public String toString() {
        return "ClassifiedSource[" + name + ", " + predicted.label() + ", CT=" + ct + "]";
    }
}
