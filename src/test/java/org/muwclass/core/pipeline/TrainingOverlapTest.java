package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingMatch;
import org.muwclass.core.training.TrainingMatches;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/** Training sources uploaded as targets are flagged and, by default, classified without themselves. */
class TrainingOverlapTest {

    private static TrainingSet withIt;
    private static TrainingSet withoutIt;
    private static SourceMeasurements trainingSource;
    private static List<SourceMeasurements> targets;
    private static final RunParameters P = RunParameters.of(4, 20261207L).withEbvPolicy(EbvPolicy.NONE)
            .withThreads(2);

    @BeforeAll
    static void setUp() {
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> every8th = new ArrayList<>();
        for (int i = 0; i < td.size(); i += 8) {
            every8th.add(td.sources().get(i));
        }
        // the matched source is the last training row: removing it leaves every other row's id (and draws) unchanged
        trainingSource = td.sources().get(td.size() - 1);
        List<SourceMeasurements> all = new ArrayList<>(every8th);
        all.add(trainingSource);
        withIt = TrainingSet.of(all, "every 8th TD row and the last");
        withoutIt = TrainingSet.of(every8th, "every 8th TD row");
        SourceMeasurements field = td.sources().get(3); // not in either training set
        targets = List.of(trainingSource, field);
    }

    private static ClassificationRun run(TrainingSet t) {
        return new ClassificationRun(t, LearnerCatalogue.standard(10), XrayAbsorption.loadDefault(),
                EbvResolver.standard());
    }

    private static double[] mean(ClassificationResult r, int i) {
        return r.sources().get(i).probabilities().mean();
    }

    @Test
    void trainingSourceIsMatchedByNameAndPositionWithItsLiteratureClass() {
        var matches = run(withIt).matches(targets);
        assertEquals(1, matches.size());
        TrainingMatch m = matches.of(0).orElseThrow();
        assertEquals(trainingSource.name(), m.trainingName());
        assertEquals(trainingSource.trueClass(), m.trainingClass());
        assertArrayEquals(new int[] {withIt.size() - 1}, m.trainingRows());
        assertEquals(0.0, m.separationArcsec());
        assertFalse(matches.of(1).isPresent());
    }

    @Test
    void leaveOneOutDiffersFromKeepAndEqualsATrainingSetWithoutIt() {
        ClassificationRun run = run(withIt);
        ClassificationResult loo = run.plan(targets, P).execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        ClassificationResult keep = run.plan(targets, P, TrainingOverlap.KEEP)
                .execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        ClassificationResult removed = run(withoutIt).plan(targets, P, TrainingOverlap.KEEP)
                .execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        assertFalse(java.util.Arrays.equals(mean(loo, 0), mean(keep, 0)), "classified without itself");
        assertArrayEquals(mean(removed, 0), mean(loo, 0));
        assertArrayEquals(mean(keep, 1), mean(loo, 1), "the other target keeps the full training set");
        assertEquals(List.of(trainingSource.name(), targets.get(1).name()),
                loo.sources().stream().map(SourceResult::name).toList(), "results in target order");
        assertEquals(2, run.plan(targets, P).taskCount());
        assertEquals(1, run.plan(targets, P, TrainingOverlap.KEEP).taskCount());
    }

    @Test
    void leaveOneOutOnAnInterpolatingEbvGridEqualsATrainingSetWithoutIt() {
        RunParameters grid = RunParameters.of(8, 5L).withEbvPolicy(EbvPolicy.TABLE).withEbvGrid(0.1)
                .withTargetsPerForest(2).withThreads(2);
        List<SourceMeasurements> reddened = List.of(trainingSource.withEbv(0.37), targets.get(1).withEbv(0.37));
        ClassificationResult loo = run(withIt).plan(reddened, grid)
                .execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        ClassificationResult removed = run(withoutIt).plan(reddened, grid, TrainingOverlap.KEEP)
                .execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        ClassificationResult keep = run(withIt).plan(reddened, grid, TrainingOverlap.KEEP)
                .execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        assertArrayEquals(mean(removed, 0), mean(loo, 0));
        assertArrayEquals(mean(keep, 1), mean(loo, 1), "the other target keeps the full training set");
        assertEquals(8, loo.sources().get(0).probabilities().draws());
        assertEquals(loo.sources().get(0).ebvUsed(), removed.sources().get(0).ebvUsed());
    }

    @Test
    void planLeavesOutTheMatchesItIsGivenInsteadOfMatchingAgain() {
        ClassificationRun run = run(withIt);
        TrainingMatches found = run.matches(targets);
        assertEquals(2, run.plan(targets, P, TrainingOverlap.LOO, found).taskCount(), "matched target split off");
        assertEquals(1, run.plan(targets, P, TrainingOverlap.LOO, TrainingMatches.none()).taskCount(),
                "no matches given: nothing split off, although target 0 is a training source");
        assertEquals(1, run.plan(targets, P, TrainingOverlap.KEEP, found).taskCount(), "KEEP ignores matches");
    }

    @Test
    void overlapOptionValuesAreNamed() {
        assertEquals(TrainingOverlap.KEEP, TrainingOverlap.fromValue(" Keep"));
        assertEquals("'both' is not one of loo, keep", assertThrows(IllegalArgumentException.class,
                () -> TrainingOverlap.fromValue("both")).getMessage());
    }
}
