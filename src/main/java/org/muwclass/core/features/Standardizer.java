package org.muwclass.core.features;

/**
 * Per-column standardisation (sklearn {@code StandardScaler} as used upstream, docs/algorithm.md §4 step 7): fitted on
 * the current training matrix (the Monte-Carlo sampled, reddened training rows, before SMOTE); NaN values are ignored
 * in the fit and stay NaN in the transform; the scale is the population standard deviation (ddof 0), and a zero (or
 * undefined) deviation gives scale 1. Immutable and thread-safe once fitted.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Fits the column means and scales.
     *
     * @param rows training rows, all of the same width; NaN = missing
     */
    public static Standardizer fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("Cannot fit a standardizer on zero rows");
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int n = 0;
            for (double[] r : rows) {
                double v = r[j];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            if (n == 0) {
                mean[j] = 0;
                scale[j] = 1;
                continue;
            }
            double m = sum / n;
            double ss = 0;
            for (double[] r : rows) {
                double v = r[j];
                if (!Double.isNaN(v)) {
                    ss += (v - m) * (v - m);
                }
            }
            double sd = Math.sqrt(ss / n);
            mean[j] = m;
            scale[j] = sd > 0 ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** Standardised copies of the rows. */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (r.length != mean.length) {
                throw new IllegalArgumentException("Row " + i + " has " + r.length + " columns, expected " + mean.length);
            }
            double[] t = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                t[j] = (r[j] - mean[j]) / scale[j];
            }
            out[i] = t;
        }
        return out;
    }

    /** Fitted column means (a copy). */
    public double[] means() {
        return mean.clone();
    }

    /** Fitted column scales (a copy). */
    public double[] scales() {
        return scale.clone();
    }
}
