package org.muwclass.core.eval;

import java.util.Arrays;
import java.util.Objects;
import org.muwclass.core.model.SourceClass;

/**
 * One source's aggregated classification next to its known label.
 *
 * @param name              source name (e.g. "2CXO J000009.3+135618"); may be empty, never null
 * @param trueClass         the literature label
 * @param predicted         the predicted class (argmax of the mean probabilities)
 * @param probabilities     mean class probabilities in {@link SourceClass} order (length 8)
 * @param probabilityErrors their standard deviations over Monte-Carlo draws in the same order (length 8; NaN if unknown)
 * @param ct                the confidence threshold value CT (σ units, docs/algorithm.md §9.3); NaN when
 *                          undefined (one draw), which passes no CT cut
 */
public record LabelledPrediction(String name, SourceClass trueClass, SourceClass predicted, double[] probabilities,
        double[] probabilityErrors, double ct) {

    public LabelledPrediction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trueClass, "trueClass");
        Objects.requireNonNull(predicted, "predicted");
        probabilities = checkedCopy(probabilities, "probabilities");
        probabilityErrors = probabilityErrors == null ? nanArray() : checkedCopy(probabilityErrors, "probabilityErrors");
    }

    /** A prediction without probability errors. */
    public LabelledPrediction(String name, SourceClass trueClass, SourceClass predicted, double[] probabilities,
            double ct) {
        this(name, trueClass, predicted, probabilities, null, ct);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] probabilityErrors() {
        return probabilityErrors.clone();
    }

    /** Mean probability of one class. */
    public double probability(SourceClass c) {
        return probabilities[c.ordinal()];
    }

    /** Standard deviation of one class probability, NaN if unknown. */
    public double probabilityError(SourceClass c) {
        return probabilityErrors[c.ordinal()];
    }

    /** Whether the prediction equals the label. */
    public boolean correct() {
        return trueClass == predicted;
    }

    /** Whether this source passes the cut CT ≥ {@code threshold}. */
    public boolean confident(double threshold) {
        return ct >= threshold;
    }

    private static double[] checkedCopy(double[] values, String what) {
        Objects.requireNonNull(values, what);
        if (values.length != SourceClass.count()) {
            throw new IllegalArgumentException(what + " must have " + SourceClass.count()
                    + " entries (one per class), got " + values.length);
        }
        return values.clone();
    }

    private static double[] nanArray() {
        double[] a = new double[SourceClass.count()];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledPrediction p && name.equals(p.name) && trueClass == p.trueClass
                && predicted == p.predicted && Arrays.equals(probabilities, p.probabilities)
                && Arrays.equals(probabilityErrors, p.probabilityErrors) && Double.compare(ct, p.ct) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, trueClass, predicted, Arrays.hashCode(probabilities),
                Arrays.hashCode(probabilityErrors), ct);
    }

    @Override
    public String toString() {
        return "LabelledPrediction[" + name + ", true=" + trueClass.label() + ", pred=" + predicted.label()
                + ", CT=" + ct + "]";
    }
}
