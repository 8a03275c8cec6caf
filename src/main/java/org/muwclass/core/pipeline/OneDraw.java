package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.features.Standardizer;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.TrainedModel;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.oversampling.MissingValues;
import org.muwclass.core.oversampling.Smote;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.MonteCarloSampler;

/**
 * One Monte-Carlo iteration (spec §9.1), in the paper's order: sample training and target rows (§5), redden training
 * AGNs (§6), survey cut and features (§4), standardise on the training rows (§4.7), SMOTE (§7.1), -100 fill (§4.9),
 * train, predict the targets.
 */
final class OneDraw {

    private OneDraw() {
    }

    /**
     * @param training     training sources with their stable ids (the sampling key)
     * @param targets      target sources with their stable ids
     * @return class probabilities per target, in target order
     */
    static double[][] probabilities(List<SourceMeasurements> training, int[] trainIds, List<SourceMeasurements> targets,
                                    int[] targetIds, AgnReddening reddening, Learner learner, DrawSeeds seeds) {
        List<Photometry> trainSample = MonteCarloSampler.sample(training, trainIds, seeds.trainSampling());
        List<SourceClass> labels = new ArrayList<>(training.size());
        int[] y = new int[training.size()];
        for (int i = 0; i < y.length; i++) {
            SourceClass c = training.get(i).trueClass();
            labels.add(c);
            y[i] = c.ordinal();
        }
        double[][] trainX = FeatureBuilder.build(reddening.applyToAgn(trainSample, labels));
        Standardizer scaler = Standardizer.fit(trainX);
        TrainingMatrix balanced = Smote.paper().resample(new TrainingMatrix(scaler.transform(trainX), y),
                SourceClass.count(), new SplittableRandom(seeds.oversampling()));
        MissingValues.fill(balanced.rows());
        TrainedModel model = learner.train(balanced, FeatureSchema.MUWCLASS, seeds.learner());

        List<Photometry> targetSample = MonteCarloSampler.sample(targets, targetIds, seeds.targetSampling());
        double[][] targetX = MissingValues.fill(scaler.transform(FeatureBuilder.build(targetSample)));
        return model.predict(targetX);
    }
}
