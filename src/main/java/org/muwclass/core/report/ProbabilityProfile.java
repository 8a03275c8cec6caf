package org.muwclass.core.report;

import java.util.Objects;
import org.muwclass.core.model.SourceClass;

/**
 * One source's class probabilities with their Monte-Carlo spread, for {@link ProbabilityPlot}.
 *
 * @param name          source name (legend text)
 * @param probabilities mean probability per class, {@link SourceClass} order
 * @param errors        standard deviation per class (NaN: no error bar)
 * @param note          extra legend text, e.g. {@code "true YSO, CT=3.1"}; may be empty
 */
public record ProbabilityProfile(String name, double[] probabilities, double[] errors, String note) {

    public ProbabilityProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(note, "note");
        if (probabilities.length != SourceClass.count() || errors.length != SourceClass.count()) {
            throw new IllegalArgumentException("probabilities and errors need " + SourceClass.count() + " entries");
        }
        probabilities = probabilities.clone();
        errors = errors.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }
}
