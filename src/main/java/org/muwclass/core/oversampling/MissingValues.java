package org.muwclass.core.oversampling;

/**
 * The final missing-value flag (docs/algorithm.md §4 step 9): after standardisation and SMOTE every remaining NaN
 * becomes {@value #FLAG} (in standardised units), in training and target rows alike.
 */
public final class MissingValues {

    /** Value that marks a missing feature for the classifier. */
    public static final double FLAG = -100.0;

    private MissingValues() {
    }

    /** Replaces NaN with {@link #FLAG} in place and returns the same array. */
    public static double[][] fill(double[][] rows) {
        for (double[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                if (Double.isNaN(r[j])) {
                    r[j] = FLAG;
                }
            }
        }
        return rows;
    }
}
