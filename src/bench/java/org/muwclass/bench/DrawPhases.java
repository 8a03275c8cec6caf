package org.muwclass.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.features.Standardizer;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.oversampling.MissingValues;
import org.muwclass.core.oversampling.Smote;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.MonteCarloSampler;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/** Time of each phase of one training draw on the TD (thread CPU time), for finding what to share. */
public final class DrawPhases {

    private DrawPhases() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String algo = args.length > 1 ? args[1] : "fastrf";
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> src = td.sources();
        int[] ids = new int[src.size()];
        List<SourceClass> labels = new ArrayList<>();
        int[] y = new int[src.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
            labels.add(src.get(i).trueClass());
            y[i] = src.get(i).trueClass().ordinal();
        }
        AgnReddening red = AgnReddening.forEbv(1.0, XrayAbsorption.loadDefault());
        var learner = LearnerCatalogue.standard(100).get(algo);
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        Bench.header("draw phases, " + algo + ", thread CPU ms");
        for (int r = 0; r < rounds; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            List<Photometry> sample = MonteCarloSampler.sample(src, ids, r * 7919L);
            long t1 = bean.getCurrentThreadCpuTime();
            double[][] x = FeatureBuilder.build(red.applyToAgn(sample, labels));
            long t2 = bean.getCurrentThreadCpuTime();
            Standardizer sc = Standardizer.fit(x);
            double[][] xs = sc.transform(x);
            long t3 = bean.getCurrentThreadCpuTime();
            TrainingMatrix bal = Smote.paper().resample(new TrainingMatrix(xs, y), SourceClass.count(),
                    new SplittableRandom(r));
            MissingValues.fill(bal.rows());
            long t4 = bean.getCurrentThreadCpuTime();
            learner.train(bal, FeatureSchema.MUWCLASS, r);
            long t5 = bean.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "sample %.0f features %.0f standardise %.0f smote %.0f fit %.0f total %.0f%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6,
                    (t5 - t0) / 1e6);
        }
        Bench.footer();
    }
}
