package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.aggregate.QuantileCounts;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/** A run's units hand their sums over as they finish: executors hold nothing per unit, and the bits do not change. */
class StreamingAssemblyTest {

    @Test
    void executorsHoldOnlyPlaceholdersAndTheResultEqualsAssemblyOfKeptPartials() {
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> t = new ArrayList<>();
        List<SourceMeasurements> x = new ArrayList<>();
        for (int i = 0; i < td.size(); i++) {
            if (i % 10 == 0) {
                t.add(td.sources().get(i));
            } else if (i % 150 == 7) {
                x.add(td.sources().get(i));
            }
        }
        ClassificationRun run = new ClassificationRun(TrainingSet.of(t, "every 10th TD row"),
                LearnerCatalogue.standard(5), XrayAbsorption.loadDefault(), EbvResolver.standard());
        ClassificationPlan plan = run.plan(x, RunParameters.of(8, 11L).withTargetsPerForest(4).withEbvGrid(0.2)
                .withDrawsPerUnit(1));
        List<ProbabilityAccumulator> held = new ArrayList<>();
        ClassificationResult streamed = plan.execute((p, progress) -> {
            List<ProbabilityAccumulator> r = UnitExecutor.local(2, null).runAll(p, progress);
            held.addAll(r);
            return r;
        }, ProgressListener.NONE);
        assertEquals(plan.unitCount(), held.size());
        assertTrue(held.stream().allMatch(a -> a.sources() == 0), "no unit's values stay with the executor");

        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < plan.unitCount(); u++) {
            order.add(u);
        }
        Collections.shuffle(order, new Random(2));
        ProbabilityAccumulator[] partials = new ProbabilityAccumulator[plan.unitCount()];
        for (int u : order) {
            partials[u] = plan.runUnit(u);
        }
        ClassificationResult assembled = plan.assemble(List.of(partials));
        ProbabilityAccumulator exact = plan.targetSums(List.of(partials));
        for (int i = 0; i < x.size(); i++) {
            var a = streamed.sources().get(i).probabilities();
            var b = assembled.sources().get(i).probabilities();
            assertArrayEquals(a.mean(), b.mean());
            assertArrayEquals(a.std(), b.std());
            assertArrayEquals(a.median(), b.median());
            assertArrayEquals(a.lower2Sigma(), b.lower2Sigma());
            assertArrayEquals(a.upper2Sigma(), b.upper2Sigma());
            var e = exact.summary(i);
            assertArrayEquals(e.mean(), a.mean(), "sums merged in unit order, as before");
            assertArrayEquals(e.std(), a.std());
            assertArrayEquals(e.median(), a.median(), 0.5 / QuantileCounts.STEPS + 1e-6);
            assertArrayEquals(e.upper2Sigma(), a.upper2Sigma(), 0.5 / QuantileCounts.STEPS + 1e-6);
        }
    }
}
