package org.muwclass.cli;

import java.util.List;
import java.util.Map;
import org.muwclass.classification.ClassificationOutput;
import org.muwclass.core.eval.LabelledPrediction;
import uk.ac.starlink.table.StarTable;

/**
 * The science work the commands drive: the one seam between option handling and the pipeline (core-ml for
 * classification and cross-validation, core-xray for feature extraction). Implementations report progress through
 * the {@link Console} and throw exceptions whose messages are fit for users.
 */
interface PipelineBridge {

    /** Predictions of a cross-validation, with provenance facts for the report header. */
    record CrossValidationResult(List<LabelledPrediction> predictions, Map<String, String> provenance) {
        public CrossValidationResult {
            predictions = List.copyOf(predictions);
            provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        }
    }

    /** A feature table (TD column names) with provenance facts. */
    record FeatureResult(StarTable table, Map<String, String> provenance) {
    }

    CrossValidationResult crossValidate(EvaluateCommand.CrossValidation settings, Console console) throws Exception;

    /** Classifies with the one classification service: the same result table and provenance as the UWS job. */
    ClassificationOutput classify(ClassifyCommand.Settings settings, Console console) throws Exception;

    FeatureResult features(FeaturesCommand.Settings settings, Console console) throws Exception;
}
