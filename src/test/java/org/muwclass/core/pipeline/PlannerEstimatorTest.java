package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.sampling.Seeds;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.testsupport.TrainingSplits;

/** The planner's units, seeds and quote, and the shared-forest estimator. */
class PlannerEstimatorTest {

    private static TrainingSet train;
    private static List<SourceMeasurements> targets;
    private static ClassificationRun run;

    @BeforeAll
    static void setUp() {
        TrainingSplits splits = TrainingSplits.everyTenth();
        train = splits.training();
        targets = splits.targets();
        run = splits.run(5);
    }

    @Test
    void sharedForestResultsAreBitIdenticalAtOneTwoAndEightThreads() {
        RunParameters p = RunParameters.of(8, 77L).withTargetsPerForest(3).withDrawsPerUnit(1);
        ClassificationResult one = run.run(targets, p, ProgressListener.NONE);
        ClassificationResult two = run.run(targets, p.withThreads(2), ProgressListener.NONE);
        ClassificationResult eight = run.run(targets, p.withThreads(8), ProgressListener.NONE);
        for (int i = 0; i < targets.size(); i++) {
            for (ClassificationResult other : List.of(two, eight)) {
                SourceResult a = one.sources().get(i);
                SourceResult b = other.sources().get(i);
                assertArrayEquals(a.probabilities().mean(), b.probabilities().mean());
                assertArrayEquals(a.probabilities().std(), b.probabilities().std());
                assertArrayEquals(a.probabilities().upper2Sigma(), b.probabilities().upper2Sigma());
                assertEquals(a.decision(), b.decision());
            }
            // 8 values per source from ceil(8 / 3) = 3 forests per bin
            assertEquals(8, one.sources().get(i).probabilities().draws());
        }
        assertTrue(one.provenance().ebvPolicy().contains("3 forests x 3 target realisations"));
    }

    @Test
    void planSplitsBinsIntoUnitsWithTheRightDrawCounts() {
        RunParameters p = RunParameters.of(10, 5L).withTargetsPerForest(4).withDrawsPerUnit(2);
        ClassificationPlan plan = run.plan(targets, p);
        int forests = 3; // 4 + 4 + 2 draws
        assertEquals(forests, p.forestsPerTask());
        assertEquals(plan.tasks().size() * forests, plan.forests());
        assertEquals(plan.tasks().size() * 2, plan.units().size());
        int targetsInBins = 0;
        for (DrawTask t : plan.tasks()) {
            targetsInBins += t.targetRows().length;
        }
        assertEquals(targets.size(), targetsInBins);
        assertEquals((long) targets.size() * 10, plan.predictions());
        for (WorkUnit u : plan.units()) {
            assertEquals(u.firstDraw() == 0 ? 8 : 2, plan.unitDraws(u));
            assertEquals(u.firstDraw() == 0 ? 2 : 1, u.forests());
        }
        // the last forest of a task is evaluated on the remaining 2 realisations only
        assertEquals(2, plan.seeds(0, 2).targetCopies());
    }

    @Test
    void firstRealisationOfEachForestIsThePaperProtocolsDraw() {
        RunParameters full = RunParameters.of(4, 9L);
        RunParameters shared = full.withDraws(12).withTargetsPerForest(3);
        ClassificationPlan a = run.plan(targets, full);
        ClassificationPlan b = run.plan(targets, shared);
        for (int f = 0; f < 4; f++) {
            DrawSeeds sa = a.seeds(1, f);
            DrawSeeds sb = b.seeds(1, f);
            assertEquals(sa.trainSampling(), sb.trainSampling());
            assertEquals(sa.oversampling(), sb.oversampling());
            assertEquals(sa.learner(), sb.learner());
            assertEquals(sa.targetSampling(0), sb.targetSampling(0));
            assertEquals(Seeds.derive(9L, Seeds.TARGET_SAMPLING, f), sa.targetSampling(0));
            assertNotEquals(sb.targetSampling(0), sb.targetSampling(1));
            assertNotEquals(sb.targetSampling(1), sb.targetSampling(2));
        }
        // and the trained forest gives the same probabilities for that realisation
        DrawTask task = a.tasks().get(1);
        List<SourceMeasurements> test = new ArrayList<>();
        for (int r : task.targetRows()) {
            test.add(targets.get(r));
        }
        double[][][] pa = OneDraw.probabilities(train.sources(), task.trainRows(), test, task.targetRows(),
                task.reddening(), LearnerCatalogue.standard(5).get("rf"), a.seeds(1, 2));
        double[][][] pb = OneDraw.probabilities(train.sources(), task.trainRows(), test, task.targetRows(),
                task.reddening(), LearnerCatalogue.standard(5).get("rf"), b.seeds(1, 2));
        assertEquals(1, pa.length);
        assertEquals(3, pb.length);
        for (int j = 0; j < test.size(); j++) {
            assertArrayEquals(pa[0][j], pb[0][j]);
        }
    }

    @Test
    void equivalentDrawsFollowKishsDesignEffect() {
        RunParameters full = RunParameters.of(1, 1L).withEquivalentDraws(1000);
        assertEquals(1000, full.draws());
        assertEquals(1000.0, full.equivalentDraws(), 1e-9);
        // M = 20, rho = 0.37: one forest is worth 20 / (1 + 19 * 0.37) = 2.49 draws -> 402 forests
        RunParameters shared = RunParameters.of(1, 1L).withTargetsPerForest(20).withEquivalentDraws(1000);
        assertEquals(402 * 20, shared.draws());
        assertEquals(402, shared.forestsPerTask());
        assertTrue(shared.equivalentDraws() >= 1000 && shared.equivalentDraws() < 1003, "" + shared.equivalentDraws());
    }

    @Test
    void quoteIsTheMakespanOfTheUnitsOnTheWorkers() {
        // units of 3, 3, 5, 5 s handed out in order: one worker 16 s, two {3, 5} + {3, 5} = 8 s, eight: the longest
        double[] units = {3, 3, 5, 5};
        assertEquals(16.0, ClassificationPlan.makespan(units, 1), 1e-12);
        assertEquals(8.0, ClassificationPlan.makespan(units, 2), 1e-12);
        assertEquals(5.0, ClassificationPlan.makespan(units, 8), 1e-12);
        // 5, 1, 1, 1, 1 on two workers: {5} and {1, 1, 1, 1} -> 5 s
        assertEquals(5.0, ClassificationPlan.makespan(new double[] {5, 1, 1, 1, 1}, 2), 1e-12);

        RunParameters p = RunParameters.of(6, 1L).withTargetsPerForest(2).withDrawsPerUnit(2).withThreads(3);
        ClassificationPlan plan = run.plan(targets, p);
        CostModel cost = new CostModel(2.0, 200, 0.5, "test");
        double total = 0;
        for (WorkUnit u : plan.units()) {
            DrawTask t = plan.tasks().get(u.task());
            // 3 forests per bin in units of 2 + 1; each forest 2 s x (training rows / 200) and 2 values x targets x 0.5 s
            assertEquals(u.firstDraw() == 0 ? 2 : 1, u.forests());
            assertEquals(2 * u.forests(), plan.unitDraws(u));
            double expected = u.forests() * (2.0 * t.trainRows().length / 200.0 + 2 * t.targetRows().length * 0.5);
            assertEquals(expected, plan.unitSeconds(u, cost), 1e-9);
            total += expected;
        }
        assertEquals(total, plan.totalSeconds(cost), 1e-9);
        assertEquals(total, plan.estimateSeconds(cost, 1), 1e-9);
        assertTrue(plan.estimateSeconds(cost, 3) >= total / 3 - 1e-9);
        assertEquals(Math.round(1000 * plan.estimateSeconds(cost, 3)), plan.estimate(cost).toMillis());
    }

    @Test
    void measuredCostModelIsPositiveAndScalesWithTrainingRows() {
        CostModel m = CostModel.measure(train.sources(), LearnerCatalogue.standard(5).get("rf"), targets, 2);
        assertTrue(m.forestSeconds() > 0 && m.secondsPerPrediction() > 0, m.toString());
        assertEquals(2 * m.forestSeconds(), m.secondsPerForest(2 * train.size()), 1e-12);
        // a forest costs far more than predicting one row with it
        assertTrue(m.forestSeconds() > 50 * m.secondsPerPrediction(), m.toString());
    }
}
