package org.muwclass.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.features.Standardizer;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.SyntheticClasses;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.oversampling.MissingValues;
import org.muwclass.core.oversampling.Smote;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.MonteCarloSampler;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/** The matrix one Monte-Carlo draw of the pipeline fits: the shipped TD sampled, reddened, standardised, SMOTE'd. */
final class BalancedTrainingSet {

    private BalancedTrainingSet() {
    }

    /**
     * @param seed   sampling and SMOTE seed of the draw
     * @param ebvMag E(B-V) the training AGN are reddened to, mag
     * @return 11,120 x 29 rows (8 classes x 1390) with their class indices
     */
    static SyntheticClasses draw(long seed, double ebvMag) {
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> src = td.sources();
        int[] ids = new int[src.size()];
        int[] y = new int[src.size()];
        List<SourceClass> labels = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
            labels.add(src.get(i).trueClass());
            y[i] = src.get(i).trueClass().ordinal();
        }
        AgnReddening red = AgnReddening.forEbv(ebvMag, XrayAbsorption.loadDefault());
        List<Photometry> sample = MonteCarloSampler.sample(src, ids, seed);
        double[][] x = FeatureBuilder.build(red.applyToAgn(sample, labels));
        Standardizer scaler = Standardizer.fit(x);
        TrainingMatrix balanced = Smote.paper().resample(new TrainingMatrix(scaler.transform(x), y),
                SourceClass.count(), new SplittableRandom(seed));
        MissingValues.fill(balanced.rows());
        return new SyntheticClasses(balanced.rows(), balanced.labels(), SourceClass.count());
    }
}
