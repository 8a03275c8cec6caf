package org.muwclass.core.learn;

import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.TrainingMatrix;

/** A classification algorithm that can be trained on a feature matrix. Implementations are stateless. */
public interface Learner {

    /** Catalogue name, e.g. {@code "rf"}. */
    String name();

    /**
     * Trains a model.
     *
     * @param data   standardised, oversampled rows without missing values, labels = {@code SourceClass.ordinal()}
     * @param schema layout of the rows' columns; the model keeps it
     * @param seed   the work unit's learner seed
     */
    TrainedModel train(TrainingMatrix data, FeatureSchema schema, long seed);
}
