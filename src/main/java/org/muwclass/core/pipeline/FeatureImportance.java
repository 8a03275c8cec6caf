package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.Standardizer;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.learn.weka.WekaLearner;
import org.muwclass.core.learn.weka.WekaModel;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.oversampling.MissingValues;
import org.muwclass.core.oversampling.Smote;
import org.muwclass.core.sampling.MonteCarloSampler;
import org.muwclass.core.sampling.Seeds;
import org.muwclass.core.training.TrainingSet;

/**
 * Mean-decrease-in-impurity feature importance of the forest with an added pure-noise feature "Random" (as in the
 * paper's {@code feature_importance.csv}): per draw, the whole training set is sampled, featurised (no reddening),
 * standardised, SMOTE-balanced and fitted; the per-draw importances (see {@link WekaModel#impurityImportance()}) are
 * averaged. Features whose importance does not exceed Random's carry no information for the forest.
 */
public final class FeatureImportance {

    /** Stream kind of the noise feature. */
    private static final long RANDOM_FEATURE = 6;

    private FeatureImportance() {
    }

    /**
     * Mean and sample std over draws of the importances.
     *
     * @param names features, then "Random"
     * @param mean  mean importance per feature (each draw's vector sums to 1)
     * @param std   sample standard deviation (ddof 1; NaN for one draw)
     */
    public record Result(List<String> names, double[] mean, double[] std) {
    }

    /**
     * @param training   labelled sources
     * @param draws      Monte-Carlo draws, &gt;= 1
     * @param trees      forest size
     * @param masterSeed root seed
     */
    public static Result compute(TrainingSet training, int draws, int trees, long masterSeed) {
        List<String> names = new ArrayList<>(FeatureSchema.MUWCLASS.names());
        names.add("Random");
        FeatureSchema schema = new FeatureSchema(FeatureSchema.MUWCLASS.id() + "+random", names);
        WekaLearner learner = new WekaLearner("rf-importance", () -> LearnerCatalogue.randomForest(trees));
        List<SourceMeasurements> src = training.sources();
        int[] y = src.stream().mapToInt(s -> s.trueClass().ordinal()).toArray();
        double[] sum = new double[names.size()];
        double[] sum2 = new double[names.size()];
        for (int d = 0; d < draws; d++) {
            double[][] base = FeatureBuilder.build(
                    MonteCarloSampler.sample(src, Seeds.derive(masterSeed, Seeds.TRAIN_SAMPLING, d)));
            SplittableRandom noise = Seeds.random(masterSeed, RANDOM_FEATURE, d);
            double[][] x = new double[base.length][];
            for (int i = 0; i < x.length; i++) {
                x[i] = Arrays.copyOf(base[i], names.size());
                x[i][names.size() - 1] = noise.nextGaussian();
            }
            Standardizer scaler = Standardizer.fit(x);
            TrainingMatrix balanced = Smote.paper().resample(new TrainingMatrix(scaler.transform(x), y),
                    SourceClass.count(), Seeds.random(masterSeed, Seeds.OVERSAMPLING, -1, d));
            MissingValues.fill(balanced.rows());
            WekaModel model = (WekaModel) learner.train(balanced, schema, Seeds.derive(masterSeed, Seeds.LEARNER, -1, d));
            double[] imp = model.impurityImportance().orElseThrow();
            for (int j = 0; j < imp.length; j++) {
                sum[j] += imp[j];
                sum2[j] += imp[j] * imp[j];
            }
        }
        double[] mean = new double[sum.length];
        double[] std = new double[sum.length];
        for (int j = 0; j < sum.length; j++) {
            mean[j] = sum[j] / draws;
            std[j] = draws > 1 ? Math.sqrt(Math.max(0, (sum2[j] - draws * mean[j] * mean[j]) / (draws - 1))) : Double.NaN;
        }
        return new Result(List.copyOf(names), mean, std);
    }
}
