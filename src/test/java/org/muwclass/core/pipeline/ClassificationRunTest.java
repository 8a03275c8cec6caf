package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.testsupport.TrainingSplits;

class ClassificationRunTest {

    private static TrainingSet train;
    private static List<SourceMeasurements> targets;
    private static ClassificationRun run;

    @BeforeAll
    static void setUp() {
        TrainingSplits splits = TrainingSplits.of(8, 200, 3);
        train = splits.training();
        targets = splits.targets();
        run = splits.run(10);
    }

    @Test
    void resultsAreBitIdenticalAtOneAndFourThreads() {
        RunParameters p = RunParameters.of(6, 20261125L).withDrawsPerUnit(2);
        List<Double> progress = new ArrayList<>();
        ClassificationResult one = run.run(targets, p, progress::add);
        ClassificationResult four = run.run(targets, p.withThreads(4), ProgressListener.NONE);
        assertEquals(targets.size(), one.sources().size());
        for (int i = 0; i < targets.size(); i++) {
            SourceResult a = one.sources().get(i);
            SourceResult b = four.sources().get(i);
            assertEquals(targets.get(i).name(), a.name());
            assertArrayEquals(a.probabilities().mean(), b.probabilities().mean());
            assertArrayEquals(a.probabilities().std(), b.probabilities().std());
            assertArrayEquals(a.probabilities().median(), b.probabilities().median());
            assertArrayEquals(a.probabilities().lower2Sigma(), b.probabilities().lower2Sigma());
            assertEquals(a.decision(), b.decision());
            assertEquals(6, a.probabilities().draws());
            assertEquals(1.0, java.util.Arrays.stream(a.probabilities().mean()).sum(), 1e-9);
        }
        // progress: fractions of units, increasing to 1
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1));
        }
        Provenance prov = one.provenance();
        assertEquals(20261125L, prov.masterSeed());
        assertEquals("fastrf", prov.algorithm());
        assertEquals(train.sha256(), prov.trainingSha256());
        assertEquals(6, prov.draws());
    }

    @Test
    void targetsShareTheirBinsMeanEbvAndAreMostlyRight() {
        ClassificationResult r = run.run(targets, RunParameters.of(4, 1L).withThreads(2), ProgressListener.NONE);
        int right = 0;
        for (SourceResult s : r.sources()) {
            // the dust map's E(B-V) and the bin mean are within one 0.025 bin of each other
            assertTrue(s.ebvSource() >= 0 && Math.abs(s.ebvSource() - s.ebvUsed()) < 0.025, s.name());
            right += s.decision().predicted() == s.trueClass() ? 1 : 0;
            assertEquals(s.decision().ct() >= 2.0, s.confident());
        }
        // the paper's full pipeline gets 88.6%; this one is trained on 1/8 of the TD with 10 trees
        assertTrue(right >= 0.7 * r.sources().size(), right + " of " + r.sources().size());
    }

    @Test
    void unknownAlgorithmIsRefusedBeforeAnyWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.run(targets, RunParameters.of(2, 1L).withAlgorithm("gbm"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("allowed: fastrf, rf"));
    }

    @Test
    void anInterruptedCallerGetsACancellation() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt(); // e.g. a UWS abort before the units finish
            try {
                run.run(targets, RunParameters.of(50, 1L), ProgressListener.NONE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        caller.join(20_000);
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
    }
}
