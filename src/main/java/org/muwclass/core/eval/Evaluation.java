package org.muwclass.core.eval;

import java.util.List;

/**
 * Everything a report shows about one classification run against known labels.
 *
 * @param sources   the labelled predictions evaluated
 * @param all       metrics over all sources
 * @param confident the cut at the chosen CT threshold (the paper uses CT ≥ 2)
 * @param sweep     metrics and completeness versus CT threshold
 */
public record Evaluation(List<LabelledPrediction> sources, ClassificationMetrics all, ConfidenceCut confident,
        CtSweep sweep) {

    /** The paper's confidence threshold, CT ≥ 2. */
    public static final double DEFAULT_CT_THRESHOLD = 2.0;

    public Evaluation {
        sources = List.copyOf(sources);
    }

    /**
     * Evaluates {@code sources} with a CT cut at {@code ctThreshold} and a sweep over CT = 0, step, …, sweepMax.
     */
    public static Evaluation of(List<LabelledPrediction> sources, double ctThreshold, double sweepMax,
            double sweepStep) {
        return new Evaluation(sources, ClassificationMetrics.of(sources), ConfidenceCut.apply(sources, ctThreshold),
                CtSweep.of(sources, 0.0, sweepMax, sweepStep));
    }

    /** The paper's choices: CT ≥ 2, sweep 0…10 in steps of 0.25. */
    public static Evaluation of(List<LabelledPrediction> sources) {
        return of(sources, DEFAULT_CT_THRESHOLD, 10.0, 0.25);
    }
}
