package org.muwclass.core.learn;

import org.muwclass.core.features.FeatureSchema;

/** A trained classifier. Not necessarily thread-safe: use one model per work unit. */
public interface TrainedModel {

    /** Layout of the rows this model accepts. */
    FeatureSchema schema();

    /**
     * Class probabilities per row.
     *
     * @param rows rows laid out by {@link #schema()}, standardised, without NaN
     * @return one array per row, indexed by {@code SourceClass.ordinal()}, summing to 1
     */
    double[][] predict(double[][] rows);
}
