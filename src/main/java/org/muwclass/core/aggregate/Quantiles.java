package org.muwclass.core.aggregate;

/** Quantiles with linear interpolation between order statistics (numpy/pandas default, method 'linear'). */
public final class Quantiles {

    /** Lower 2-sigma quantile, 2.275%. */
    public static final double LOWER_2SIGMA = 0.02275;
    /** Upper 2-sigma quantile, 97.725%. */
    public static final double UPPER_2SIGMA = 0.97725;

    private Quantiles() {
    }

    /**
     * @param sorted values in ascending order (non-empty)
     * @param q      quantile in [0, 1]
     */
    public static double sorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
