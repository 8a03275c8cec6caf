package org.muwclass.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * Cost of one work unit (one draw of one E(B-V) bin: oversampling, one forest, predicting the bin's targets) on one
 * thread, for a small and a large bin, so that cost = train + targets x predict can be fitted (docs/cluster.md).
 * Not a test; run with the test classpath: {@code java -cp ... org.muwclass.bench.UnitCostBenchmark [trees] [reps]}.
 */
public final class UnitCostBenchmark {

    private UnitCostBenchmark() {
    }

    public static void main(String[] args) {
        int trees = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        TrainingSet td = TrainingSetReader.readDefault();
        ClassificationRun run = new ClassificationRun(td, LearnerCatalogue.standard(trees),
                XrayAbsorption.loadDefault(), EbvResolver.standard());
        for (int n : new int[] {30, td.size()}) {
            List<SourceMeasurements> targets = new ArrayList<>(td.sources().subList(0, n));
            ClassificationPlan plan = run.plan(targets, RunParameters.of(reps + 1, 7L).withEbvPolicy(EbvPolicy.NONE)
                    .withDrawsPerUnit(1));
            plan.runUnit(0); // warm-up
            double[] s = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                plan.runUnit(r + 1);
                s[r] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(s);
            System.out.printf("trees=%d targets=%d unit seconds (1 thread): median %.2f, all %s%n", trees, n,
                    s[reps / 2], Arrays.toString(s));
        }
    }
}
