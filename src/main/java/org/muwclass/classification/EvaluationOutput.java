package org.muwclass.classification;

import java.util.List;
import java.util.Map;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;

/**
 * One cross-validation's answer.
 *
 * @param predictions one per training source, in training order, with its true class
 * @param evaluation  the metrics, the CT cut and the CT sweep over them
 * @param provenance  seed, every setting and the training set's origin and SHA-256, in a fixed order
 */
public record EvaluationOutput(List<LabelledPrediction> predictions, Evaluation evaluation,
                               Map<String, String> provenance) {

    public EvaluationOutput {
        predictions = List.copyOf(predictions);
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }
}
