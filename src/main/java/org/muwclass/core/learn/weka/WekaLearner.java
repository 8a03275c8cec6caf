package org.muwclass.core.learn.weka;

import java.util.Objects;
import java.util.function.Supplier;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.TrainedModel;
import org.muwclass.core.sampling.Seeds;
import weka.classifiers.Classifier;
import weka.core.Randomizable;

/**
 * A {@link Learner} around any Weka {@link Classifier}: a fresh classifier from the factory per training, seeded through
 * {@link Randomizable} when it is randomised, trained single-threaded on the matrix.
 */
public final class WekaLearner implements Learner {

    private final String name;
    private final Supplier<? extends Classifier> factory;

    /**
     * @param name    catalogue name
     * @param factory makes a configured, untrained classifier on each call
     */
    public WekaLearner(String name, Supplier<? extends Classifier> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TrainedModel train(TrainingMatrix data, FeatureSchema schema, long seed) {
        Classifier c = factory.get();
        if (c instanceof Randomizable r) {
            r.setSeed(Seeds.intSeed(seed));
        }
        try {
            c.buildClassifier(WekaData.training(schema, data.rows(), data.labels()));
        } catch (Exception e) {
            throw new IllegalStateException("Training " + name + " failed: " + e.getMessage(), e);
        }
        return new WekaModel(c, schema);
    }
}
