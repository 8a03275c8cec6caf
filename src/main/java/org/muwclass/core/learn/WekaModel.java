package org.muwclass.core.learn;

import java.util.Optional;
import org.muwclass.core.features.FeatureSchema;
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
     * Impurity-based importance per feature, in schema order, normalised to sum 1, from Weka's RandomForest with
     * attribute importance switched on; empty for other classifiers. Weka records the (unweighted) entropy gain of each
     * split; this sums it over all split nodes of each attribute (Weka's average times its node count). Unlike
     * sklearn's MDI the gains are not weighted by the node's sample fraction, so compare rankings, not values.
     */
    public Optional<double[]> impurityImportance() {
        if (!(classifier instanceof RandomForest rf) || !rf.getComputeAttributeImportance()) {
            return Optional.empty();
        }
        try {
            double[] counts = new double[schema.size() + 1];
            double[] imp = rf.computeAverageImpurityDecreasePerAttribute(counts);
            double[] out = new double[schema.size()];
            double sum = 0;
            for (int j = 0; j < out.length; j++) {
                out[j] = imp[j] * counts[j];
                sum += out[j];
            }
            for (int j = 0; j < out.length && sum > 0; j++) {
                out[j] /= sum;
            }
            return Optional.of(out);
        } catch (Exception e) {
            throw new IllegalStateException("Attribute importance unavailable: " + e.getMessage(), e);
        }
    }
}
