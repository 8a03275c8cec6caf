package org.muwclass.core.learn;

import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.model.SourceClass;

/**
 * The paper's forest (sklearn RandomForestClassifier: Gini, bootstrap, max_features 5, unlimited depth) as a
 * {@link FastRandomForest} trained on the plain matrix, without Weka's Instances: catalogue name {@code fastrf}.
 * One thread per forest (parallelism is across work units); the forest's seed is the work unit's learner seed.
 */
public final class FastForestLearner implements Learner {

    /** Catalogue name. */
    public static final String NAME = "fastrf";

    private final FastRandomForest.Options options;

    /** @param trees trees per forest, &gt;= 1 */
    public FastForestLearner(int trees) {
        this.options = FastRandomForest.Options.defaults().withNumTrees(trees)
                .withMaxFeatures(LearnerCatalogue.FEATURES_PER_SPLIT).withMaxDepth(0).withNumThreads(1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainedModel train(TrainingMatrix data, FeatureSchema schema, long seed) {
        FastRandomForest.Model m = FastRandomForest.fit(data.rows(), data.labels(), SourceClass.count(),
                options.withSeed(seed));
        return new Model(m, schema);
    }

    /** A trained fast forest; thread-safe. */
    public record Model(FastRandomForest.Model forest, FeatureSchema schema) implements TrainedModel {

        @Override
        public double[][] predict(double[][] rows) {
            return forest.predictProba(rows);
        }
    }
}
