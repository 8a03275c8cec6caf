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
import org.muwclass.core.sampling.XrayNoiseModel;

/**
 * One Monte-Carlo iteration (docs/algorithm.md §9.1), in the paper's order: sample training and target rows (§5),
 * redden training AGNs (§6), survey cut and features (§4), standardise on the training rows (§4 step 7), SMOTE (§7.1),
 * -100 fill (§4 step 9), train, predict the targets. The trained forest may be evaluated on several independent target
 * realisations (the shared-forest estimator, {@link RunParameters#targetsPerForest()}).
 */
final class OneDraw {

    private OneDraw() {
    }

    /** The trained half of a draw: the scaler fitted on its training matrix, the model and the X-ray noise model. */
    record Trained(Standardizer scaler, TrainedModel model, XrayNoiseModel noise) {

        /** Probabilities of one realisation of the targets, sampled from {@code targetSampling}. */
        double[][] predict(List<SourceMeasurements> targets, int[] targetIds, long targetSampling) {
            List<Photometry> targetSample = MonteCarloSampler.sample(targets, targetIds, targetSampling, noise);
            double[][] targetX = MissingValues.fill(scaler.transform(FeatureBuilder.build(targetSample)));
            return model.predict(targetX);
        }
    }

    /**
     * @param training     training sources with their stable ids (the sampling key)
     * @param targets      target sources with their stable ids
     * @param noise        X-ray noise model of the training and target realisations
     * @return class probabilities per target realisation, then per target (target order)
     */
    static double[][][] probabilities(List<SourceMeasurements> training, int[] trainIds,
                                      List<SourceMeasurements> targets, int[] targetIds, AgnReddening reddening,
                                      Learner learner, DrawSeeds seeds, XrayNoiseModel noise) {
        Trained t = train(training, trainIds, reddening, learner, seeds, noise);
        double[][][] out = new double[seeds.targetCopies()][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = t.predict(targets, targetIds, seeds.targetSampling(m));
        }
        return out;
    }

    /** As {@link #probabilities(List, int[], List, int[], AgnReddening, Learner, DrawSeeds, XrayNoiseModel)} with the
     * paper's (shared) X-ray noise. */
    static double[][][] probabilities(List<SourceMeasurements> training, int[] trainIds,
                                      List<SourceMeasurements> targets, int[] targetIds, AgnReddening reddening,
                                      Learner learner, DrawSeeds seeds) {
        return probabilities(training, trainIds, targets, targetIds, reddening, learner, seeds,
                XrayNoiseModel.DEFAULT);
    }

    /** As {@link #train(List, int[], AgnReddening, Learner, DrawSeeds, XrayNoiseModel)} with shared X-ray noise. */
    static Trained train(List<SourceMeasurements> training, int[] trainIds, AgnReddening reddening, Learner learner,
                         DrawSeeds seeds) {
        return train(training, trainIds, reddening, learner, seeds, XrayNoiseModel.DEFAULT);
    }

    /** Samples and reddens the training rows, builds, standardises and balances the matrix, trains the learner. */
    static Trained train(List<SourceMeasurements> training, int[] trainIds, AgnReddening reddening, Learner learner,
                         DrawSeeds seeds, XrayNoiseModel noise) {
        List<Photometry> trainSample = MonteCarloSampler.sample(training, trainIds, seeds.trainSampling(), noise);
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
        return new Trained(scaler, learner.train(balanced, FeatureSchema.MUWCLASS, seeds.learner()), noise);
    }
}
