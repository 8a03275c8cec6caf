package org.muwclass.core.learn;

/** Argument checks for the forest's array entry points; each message names the argument, row and allowed range. */
final class InputChecks {

    private InputChecks() {
    }

    /** Checks a training set: rectangular non-empty {@code x} and labels in range. */
    static void trainingSet(double[][] x, int[] y, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException((x == null ? "x" : "y") + " must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x must have at least one row");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + " labels");
        }
        if (x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException("x[0] must have at least one feature");
        }
        rows("x", x, x[0].length);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is outside 0.." + (numClasses - 1)
                        + " (numClasses = " + numClasses + ")");
            }
        }
    }

    /** Checks that every row of {@code x} exists and has {@code numFeatures} values. */
    static void rows(String name, double[][] x, int numFeatures) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            if (x[i].length != numFeatures) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + x[i].length + " values, expected "
                        + numFeatures);
            }
        }
    }
}
