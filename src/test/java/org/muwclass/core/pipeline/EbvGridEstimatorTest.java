package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.learn.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/** The interpolating E(B-V) grid: which node gives which value, and the same guarantees as the paper's bins. */
class EbvGridEstimatorTest {

    private static List<SourceMeasurements> pool;
    private static ClassificationRun run;

    @BeforeAll
    static void setUp() {
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
        pool = x;
        run = new ClassificationRun(TrainingSet.of(t, "every 10th TD row"), LearnerCatalogue.standard(5),
                XrayAbsorption.loadDefault(), EbvResolver.standard());
    }

    private static SourceMeasurements at(SourceMeasurements s, double ebv) {
        return new SourceMeasurements(s.name(), s.raDeg(), s.decDeg(), s.posErrArcsec(), s.significance(), s.flux(),
                s.fluxErr(), s.pInter(), s.pIntra(), s.mag(), s.magErr(), ebv, s.trueClass());
    }

    private static RunParameters params(int draws) {
        return RunParameters.of(draws, 41L).withEbvPolicy(EbvPolicy.TABLE).withDrawsPerUnit(1);
    }

    @Test
    void aTargetOnANodeIsClassifiedExactlyAsThePaperBinsClassifyIt() {
        List<SourceMeasurements> one = List.of(at(pool.get(0), 1.25));
        RunParameters p = params(6).withTargetsPerForest(2);
        SourceResult bins = run.run(one, p, ProgressListener.NONE).sources().get(0);
        ClassificationPlan plan = run.plan(one, p.withEbvGrid(0.25));
        assertEquals(1, plan.taskCount(), "only node 5");
        SourceResult grid = plan.execute(UnitExecutor.local(1, null), ProgressListener.NONE).sources().get(0);
        assertEquals(1.25, grid.ebvUsed());
        assertArrayEquals(bins.probabilities().mean(), grid.probabilities().mean());
        assertArrayEquals(bins.probabilities().std(), grid.probabilities().std());
        assertArrayEquals(bins.probabilities().median(), grid.probabilities().median());
    }

    @Test
    void betweenTwoNodesTheValuesAlternateBetweenThem() {
        SourceMeasurements s = pool.get(1);
        // halfway between nodes 5 (1.25 mag) and 6 (1.5 mag): value 0 at node 5, value 1 at node 6
        assertTrue(!EbvGrid.atUpper(0, 0.5) && EbvGrid.atUpper(1, 0.5));
        ClassificationPlan plan = run.plan(List.of(at(s, 1.375)), params(2).withEbvGrid(0.25));
        assertEquals(2, plan.taskCount());
        assertEquals(1.25, plan.ebvUsed(0));
        assertEquals(1.5, plan.ebvUsed(1));
        assertEquals(2, plan.forests(), "forest 1 of node 5 and forest 0 of node 6 are not needed");
        assertEquals(2, plan.predictions());
        SourceResult mixed = plan.execute(UnitExecutor.local(1, null), ProgressListener.NONE).sources().get(0);
        assertEquals(1.375, mixed.ebvUsed(), 1e-12);
        assertEquals(2, mixed.probabilities().draws());

        // the same values from runs on the nodes themselves (same seeds: the node's bin is its seed key)
        double[] lower0 = mean(at(s, 1.25), 1);
        double[] upper0 = mean(at(s, 1.5), 1);
        double[] upperPair = mean(at(s, 1.5), 2);
        for (int c = 0; c < lower0.length; c++) {
            double upper1 = 2 * upperPair[c] - upper0[c];
            assertEquals((lower0[c] + upper1) / 2, mixed.probabilities().mean()[c], 1e-12, "class " + c);
        }
    }

    private static double[] mean(SourceMeasurements s, int draws) {
        return run.run(List.of(s), params(draws), ProgressListener.NONE).sources().get(0).probabilities().mean();
    }

    @Test
    void eachTargetGetsAllItsValuesSplitInProportion() {
        double[] ebv = {1.30, 1.40, 1.50, 4.18};
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int i = 0; i < ebv.length; i++) {
            targets.add(at(pool.get(i), ebv[i]));
        }
        RunParameters p = params(30).withTargetsPerForest(4).withEbvGrid(0.25);
        ClassificationPlan plan = run.plan(targets, p);
        // nodes 5, 6 (1.30, 1.40 and 1.50), 16, 17 (4.18)
        assertEquals(List.of(1.25, 1.5, 4.0, 4.25),
                Arrays.asList(plan.ebvUsed(0), plan.ebvUsed(1), plan.ebvUsed(2), plan.ebvUsed(3)));
        assertEquals(30L * targets.size(), plan.predictions());
        ClassificationResult r = plan.execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        for (int i = 0; i < ebv.length; i++) {
            SourceResult s = r.sources().get(i);
            assertEquals(30, s.probabilities().draws());
            double w = new EbvGrid(0.25).place(ebv[i]).upperWeight();
            double expected = Math.floor(ebv[i] / 0.25 + 1e-9) * 0.25 + 0.25 * Math.floor(30 * w) / 30;
            assertEquals(expected, s.ebvUsed(), 1e-12, "effective E(B-V) of target " + i);
            assertTrue(Math.abs(s.ebvUsed() - ebv[i]) <= 0.25 / 30 + 1e-12);
        }
        assertTrue(r.provenance().toString().contains("E(B-V) grid: nodes every 0.25 mag"),
                r.provenance().toString());
    }

    @Test
    void gridResultsAreBitIdenticalAtAnyThreadCountAndWhenUnitsAreShipped() {
        double[] ebv = {0.31, 0.52, 0.74, 0.75, 1.9};
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int i = 0; i < ebv.length; i++) {
            targets.add(at(pool.get(i), ebv[i]));
        }
        RunParameters p = params(8).withTargetsPerForest(3).withEbvGrid(0.25);
        ClassificationResult one = run.run(targets, p, ProgressListener.NONE);
        ClassificationResult two = run.run(targets, p.withThreads(2), ProgressListener.NONE);
        ClassificationResult eight = run.run(targets, p.withThreads(8), ProgressListener.NONE);
        ClassificationPlan plan = run.plan(targets, p);
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < plan.unitCount(); u++) {
            order.add(u);
        }
        Collections.shuffle(order, new Random(5));
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[plan.unitCount()];
        for (int u : order) {
            partial[u] = roundTrip(plan.runUnit(u));
        }
        ClassificationResult shipped = plan.assemble(Arrays.asList(partial));
        for (ClassificationResult other : List.of(two, eight, shipped)) {
            assertEquals(one.provenance(), other.provenance());
            for (int i = 0; i < targets.size(); i++) {
                SourceResult a = one.sources().get(i);
                SourceResult b = other.sources().get(i);
                assertArrayEquals(a.probabilities().mean(), b.probabilities().mean());
                assertArrayEquals(a.probabilities().std(), b.probabilities().std());
                assertArrayEquals(a.probabilities().lower2Sigma(), b.probabilities().lower2Sigma());
                assertEquals(a.decision(), b.decision());
            }
        }
    }

    @Test
    void aBadGridStepNamesTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunParameters.of(10, 1).withEbvGrid(0.01));
        assertTrue(e.getMessage().contains("0.01") && e.getMessage().contains("0.025 to 10"), e.getMessage());
    }

    private static ProbabilityAccumulator roundTrip(ProbabilityAccumulator acc) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            acc.writeTo(new DataOutputStream(bytes));
            return ProbabilityAccumulator.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
