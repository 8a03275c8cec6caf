package org.muwclass.core.learn.weka;

import java.util.Optional;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.learn.TrainedModel;
import org.muwclass.core.model.SourceClass;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.core.Instance;
import weka.core.Instances;

/** A trained Weka classifier with the schema it was trained on. */
public final class WekaModel implements TrainedModel {

    private final Classifier classifier;
    private final FeatureSchema schema;
    private final Instances header;

    WekaModel(Classifier classifier, FeatureSchema schema) {
        this.classifier = classifier;
        this.schema = schema;
        this.header = WekaData.header(schema, 0);
    }

    @Override
    public FeatureSchema schema() {
        return schema;
    }

    @Override
    public double[][] predict(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            Instance inst = WekaData.instance(schema, rows[i], -1);
            inst.setDataset(header);
            try {
                out[i] = classifier.distributionForInstance(inst);
            } catch (Exception e) {
                throw new IllegalStateException("Prediction failed: " + e.getMessage(), e);
            }
            if (out[i].length != SourceClass.count()) {
                throw new IllegalStateException("Classifier returned " + out[i].length + " probabilities");
            }
        }
        return out;
    }

    /** The underlying Weka classifier (for inspection). */
    public Classifier classifier() {
        return classifier;
    }

    /**
     * Mean decrease in Gini impurity per feature (sklearn's {@code feature_importances_} definition, see
     * {@link ForestImportance}), in schema order, summing to 1; empty for classifiers other than Weka's RandomForest.
     */
    public Optional<double[]> impurityImportance() {
        if (!(classifier instanceof RandomForest rf)) {
            return Optional.empty();
        }
        return Optional.of(ForestImportance.mdi(rf, schema.size()));
    }
}
