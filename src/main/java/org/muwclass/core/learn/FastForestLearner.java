package org.muwclass.core.learn;

import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.model.SourceClass;

/**
 * The paper's forest (sklearn RandomForestClassifier: Gini, bootstrap, max_features 5, unlimited depth) as a
 * {@link FastRandomForest} trained on the plain matrix, without Weka's Instances: catalogue name {@code fastrf}
 * (histogram split search on 256 bins per feature), {@code fastrf-exact} (exact split search, kept for validation)
 * and {@code fastrf-hist} (always the 256-bin histogram search, whatever {@code muwclass.fastrf.bins} says).
 * One thread per forest (parallelism is across work units); the forest's seed is the work unit's learner seed.
 */
public final class FastForestLearner implements Learner {

    /** Catalogue name of the pipeline's forest. */
    public static final String NAME = "fastrf";
    /** Catalogue name of the forest with the exact split search (every midpoint between distinct values). */
    public static final String EXACT_NAME = "fastrf-exact";
    /** Catalogue name of the forest with the histogram split search on 256 bins per feature. */
    public static final String HIST_NAME = "fastrf-hist";
    /**
     * Split search of {@code fastrf}: bins per feature, or 0 for the exact search. The histogram search on 256 bins
     * since 2026-12-07: 10-fold x 10-draw cross-validation equal to the exact search's within Monte-Carlo noise at
     * about 60% of its CPU (docs/benchmarks.md). The system property
     * {@code muwclass.fastrf.bins} overrides it (for validation runs of the CLI, whose algorithm names are fixed:
     * {@code JAVA_OPTS=-Dmuwclass.fastrf.bins=0 scripts/muwclass evaluate ...}).
     */
    public static final int DEFAULT_MAX_BINS = Integer.getInteger("muwclass.fastrf.bins",
            FastRandomForest.Options.DEFAULT_BINS);

    /** Features tried per split: int(sqrt(29)), the paper's 29 features (sklearn's {@code max_features="sqrt"}). */
    public static final int FEATURES_PER_SPLIT = 5;

    private final String name;
    private final FastRandomForest.Options options;

    /** The pipeline's forest, {@code fastrf}. @param trees trees per forest, &gt;= 1 */
    public FastForestLearner(int trees) {
        this(NAME, trees, DEFAULT_MAX_BINS);
    }

    /**
     * @param name catalogue name
     * @param trees trees per forest, &gt;= 1
     * @param maxBins 0 for the exact split search, else bins per feature of the histogram search (2 to 256)
     */
    public FastForestLearner(String name, int trees, int maxBins) {
        this.name = name;
        this.options = FastRandomForest.Options.defaults().withNumTrees(trees)
                .withMaxFeatures(FEATURES_PER_SPLIT).withMaxDepth(0).withNumThreads(1)
                .withMaxBins(maxBins);
    }

    @Override
    public String name() {
        return name;
    }

    /** The forest's settings (the seed is the work unit's). */
    public FastRandomForest.Options options() {
        return options;
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
