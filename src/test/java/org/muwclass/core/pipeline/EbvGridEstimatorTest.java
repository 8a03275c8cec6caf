package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.testsupport.ShippedUnits;
import org.muwclass.testsupport.TrainingSplits;

/** The interpolating E(B-V) grid: which node gives which value, and the same guarantees as the paper's bins. */
class EbvGridEstimatorTest {

    private static List<SourceMeasurements> pool;
    private static ClassificationRun run;

    @BeforeAll
    static void setUp() {
        TrainingSplits splits = TrainingSplits.everyTenth();
        pool = splits.targets();
        run = splits.run(5);
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
        EbvGrid grid = new EbvGrid(0.1);
        for (int node : new int[] {5, 12}) {
            List<SourceMeasurements> one = List.of(at(pool.get(0), grid.nodeEbv(node)));
            RunParameters p = params(6).withTargetsPerForest(2);
            SourceResult bins = run.run(one, p, ProgressListener.NONE).sources().get(0);
            ClassificationPlan plan = run.plan(one, p.withEbvGrid(0.1));
            assertEquals(1, plan.taskCount(), "only node " + node);
            SourceResult onGrid = plan.execute(UnitExecutor.local(1, null), ProgressListener.NONE).sources().get(0);
            assertEquals(grid.nodeEbv(node), onGrid.ebvUsed());
            assertArrayEquals(bins.probabilities().mean(), onGrid.probabilities().mean());
            assertArrayEquals(bins.probabilities().std(), onGrid.probabilities().std());
            assertArrayEquals(bins.probabilities().median(), onGrid.probabilities().median());
        }
    }

    @Test
    void betweenTwoNodesTheValuesAlternateBetweenThem() {
        SourceMeasurements s = pool.get(1);
        EbvGrid grid = new EbvGrid(0.1);
        double low = grid.nodeEbv(12);
        double high = grid.nodeEbv(13);
        double ebv = low + 0.6 * (high - low);
        // w = 0.6, two forests: floor(2 w) = 1 at the upper node, the first in van der Corput order (forest 0)
        double w = grid.place(ebv).upperWeight();
        ForestSplit split = ForestSplit.of(2);
        assertTrue(split.atUpper(0, w) && !split.atUpper(1, w), "w " + w);
        ClassificationPlan plan = run.plan(List.of(at(s, ebv)), params(2).withEbvGrid(0.1));
        assertEquals(2, plan.taskCount());
        assertEquals(low, plan.ebvUsed(0));
        assertEquals(high, plan.ebvUsed(1));
        assertEquals(2, plan.forests(), "forest 0 of node 12 and forest 1 of node 13 are not needed");
        assertEquals(2, plan.predictions());
        SourceResult mixed = plan.execute(UnitExecutor.local(1, null), ProgressListener.NONE).sources().get(0);
        assertEquals((low + high) / 2, mixed.ebvUsed(), 1e-12, "half the values at each node");
        assertEquals(2, mixed.probabilities().draws());

        // the same values from runs on the nodes themselves (same seeds: the node's bin is its seed key)
        double[] upper0 = mean(at(s, high), 1);
        double[] lower0 = mean(at(s, low), 1);
        double[] lowerPair = mean(at(s, low), 2);
        for (int c = 0; c < upper0.length; c++) {
            double lower1 = 2 * lowerPair[c] - lower0[c];
            assertEquals((upper0[c] + lower1) / 2, mixed.probabilities().mean()[c], 1e-12, "class " + c);
        }
    }

    private static double[] mean(SourceMeasurements s, int draws) {
        return run.run(List.of(s), params(draws), ProgressListener.NONE).sources().get(0).probabilities().mean();
    }

    @Test
    void eachTargetGetsAllItsValuesSplitInProportion() {
        EbvGrid grid = new EbvGrid(0.2);
        double[] ebv = {0.13, 0.31, 1.40, 4.18};
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int i = 0; i < ebv.length; i++) {
            targets.add(at(pool.get(i), ebv[i]));
        }
        RunParameters p = params(30).withTargetsPerForest(4).withEbvGrid(0.2);
        ClassificationPlan plan = run.plan(targets, p);
        assertEquals(8, plan.taskCount(), "two nodes around each target");
        for (int t = 0; t < plan.taskCount(); t++) {
            assertEquals(grid.nodeEbv(grid.place(ebv[t / 2]).lowerNode() + t % 2), plan.ebvUsed(t), 1e-12);
        }
        assertEquals(30L * targets.size(), plan.predictions());
        ClassificationResult r = plan.execute(UnitExecutor.local(2, null), ProgressListener.NONE);
        for (int i = 0; i < ebv.length; i++) {
            SourceResult s = r.sources().get(i);
            assertEquals(30, s.probabilities().draws());
            EbvGrid.Placement place = grid.place(ebv[i]);
            double low = grid.nodeEbv(place.lowerNode());
            double width = grid.nodeEbv(place.lowerNode() + 1) - low;
            // 8 forests (7 x 4 realisations + 2): floor(8 w) whole forests at the upper node
            ForestSplit split = ForestSplit.of(8);
            long upper = 0;
            for (int f = 0; f < 8; f++) {
                upper += split.atUpper(f, place.upperWeight()) ? p.targetCopies(f) : 0;
            }
            assertEquals(upper, ValueShare.upperValues(split, place.upperWeight(), p));
            assertEquals(low + width * upper / 30, s.ebvUsed(), 1e-12, "effective E(B-V) of target " + i);
            assertTrue(Math.abs(s.ebvUsed() - ebv[i]) <= width * 2 * 4 / 30 + 1e-12, "within two forests' values");
        }
        assertTrue(r.provenance().toString().contains("E(B-V) grid: relative step 0.2"),
                r.provenance().toString());
    }

    @Test
    void gridResultsAreBitIdenticalAtAnyThreadCountAndWhenUnitsAreShipped() {
        double[] ebv = {0.31, 0.52, 0.74, 0.75, 1.9, 4.4};
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int i = 0; i < ebv.length; i++) {
            targets.add(at(pool.get(i), ebv[i]));
        }
        RunParameters p = params(8).withTargetsPerForest(3).withEbvGrid(0.1);
        ClassificationResult one = run.run(targets, p, ProgressListener.NONE);
        ClassificationResult two = run.run(targets, p.withThreads(2), ProgressListener.NONE);
        ClassificationResult eight = run.run(targets, p.withThreads(8), ProgressListener.NONE);
        ClassificationPlan plan = run.plan(targets, p);
        ClassificationResult shipped = ShippedUnits.assembleOutOfOrder(plan, 5);
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
                () -> RunParameters.of(10, 1).withEbvGrid(2.5));
        assertTrue(e.getMessage().contains("2.5") && e.getMessage().contains("0.01 to 1"), e.getMessage());
    }
}
