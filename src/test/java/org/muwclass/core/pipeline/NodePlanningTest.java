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

/** The planner's node choice and forests per node (issue 15 item 4) on constructed inputs: exact counts. */
class NodePlanningTest {

    private static List<SourceMeasurements> pool;
    private static ClassificationRun run;
    private static final EbvGrid BASE = new EbvGrid(0.1);
    /** Every 2nd node from 5 mag; rho 0.37 below 10 mag, 0.2 above. */
    private static final NodePlanning PLANNING = new NodePlanning("test", List.of(new NodePlanning.Widening(5.0, 0.21)),
            new NodeForests(new double[] {0, 10}, new double[] {0.37, 0.2}));

    @BeforeAll
    static void setUp() {
        TrainingSplits splits = TrainingSplits.everyTenth();
        pool = splits.targets();
        run = splits.run(5);
    }

    private static SourceMeasurements at(SourceMeasurements s, double ebv) {
        return s.withEbv(ebv);
    }

    /** 1,000 equivalent draws at M = 20: 402 forests per task at rho 0.37. */
    private static RunParameters paperPrecision() {
        return RunParameters.of(1, 3L).withTargetsPerForest(20).withEquivalentDraws(1000)
                .withEbvPolicy(EbvPolicy.TABLE).withEbvGrid(0.1);
    }

    @Test
    void forestsPerNodeFollowTheMeasuredRho() {
        RunParameters p = paperPrecision();
        assertEquals(402, p.forestsPerTask());
        NodeForests f = PLANNING.forests();
        // N = 8040 / (1 + 19 x 0.37) = 1001.2; rho 0.2: ceil(1001.2 x 4.8 / 20) = 241
        assertEquals(402, f.forests(9.9, p));
        assertEquals(241, f.forests(10.0, p));
        assertEquals(402, new NodeForests(new double[] {0}, new double[] {0.6}).forests(3.0, p),
                "never more than the run's forests");
        assertEquals(50, f.forests(20.0, p.withTargetsPerForest(1).withDraws(50)), "the paper's protocol: unchanged");
        assertEquals(0.2, f.rhoAt(40.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodeForests(new double[] {0, 5}, new double[] {0.3, 1.5}));
        assertEquals("rho must be 0..1 on increasing intervals, got [0.0, 5.0] [0.3, 1.5]", e.getMessage());
    }

    @Test
    void sourcesOnKeptNodesUseOneNodeWithItsForests() {
        // base node 44 (6.387 mag) is kept node 43; base node 60 (29.35 mag) is kept node 51
        List<SourceMeasurements> targets = List.of(at(pool.get(0), BASE.nodeEbv(44)),
                at(pool.get(1), BASE.nodeEbv(60)));
        ClassificationPlan plan = run.withNodePlanning(PLANNING).plan(targets, paperPrecision());
        assertEquals(2, plan.taskCount());
        assertEquals(402 + 241, plan.forests());
        assertEquals(402L * 20 + 241L * 20, plan.predictions());
        assertEquals(BASE.nodeEbv(60), plan.targetEbvUsed(1));
        assertTrue(plan.estimator().endsWith("node plan test (relative step 0.1, every 2. node from 5.28 mag): "
                + "2 nodes, 0 full-grid nodes interpolated over, forests per node 6.39:402 29.3:241"),
                plan.estimator());

        ClassificationPlan uniform = run.withNodePlanning(NodePlanning.UNIFORM).plan(targets, paperPrecision());
        assertEquals(2 * 402, uniform.forests());
        assertTrue(uniform.estimator().endsWith("node plan uniform (relative step 0.1): 2 nodes, 0 full-grid nodes "
                + "interpolated over, forests per node 6.39:402 29.3:402"), uniform.estimator());
    }

    @Test
    void aCellTakesTheLargerForestsOfItsNodes() {
        // kept nodes 45 (base 48, 9.351 mag, 402 forests) and 46 (base 50, 11.31 mag, 241): the cell has 402
        double low = BASE.nodeEbv(48);
        double high = BASE.nodeEbv(50);
        SourceMeasurements s = at(pool.get(2), 10.0);
        ClassificationPlan plan = run.withNodePlanning(PLANNING).plan(List.of(s), paperPrecision());
        assertEquals(2, plan.taskCount());
        assertEquals(low, plan.ebvUsed(0));
        assertEquals(high, plan.ebvUsed(1));
        double w = (10.0 - low) / (high - low);
        int upper = (int) Math.floor(402 * w);
        assertEquals(132, upper);
        assertEquals(402, plan.forests(), "270 forests at the lower node, 132 at the upper");
        assertEquals(8040, plan.predictions());
        assertEquals(low + (high - low) * upper / 402.0, plan.targetEbvUsed(0), 1e-12);
        // alone above 10 mag the same source's cell would have 241 forests
        ClassificationPlan above = run.withNodePlanning(PLANNING).plan(List.of(at(s, 12.0)), paperPrecision());
        assertEquals(241, above.forests());
        assertEquals(241L * 20, above.predictions());
    }

    @Test
    void aFieldFrom1To43MagNeedsFewerNodesAndForests() {
        // one source on every base node from 24 (0.949 mag) to 64 (42.97 mag); the counts were computed
        // independently (a Python model of the split: van der Corput ranks, cell forests = the larger node's)
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int b = 24; b <= 64; b++) {
            targets.add(at(pool.get(b % pool.size()), BASE.nodeEbv(b)));
        }
        ClassificationPlan uniform = run.withNodePlanning(NodePlanning.UNIFORM).plan(targets, paperPrecision());
        assertEquals(41, uniform.taskCount());
        assertEquals(16_482, uniform.forests(), "the top node's cell needs every forest, the others too");
        assertEquals(41L * 8040, uniform.predictions());
        ClassificationPlan sparse = run.withNodePlanning(new NodePlanning("sparse", PLANNING.widenings(),
                NodeForests.UNIFORM)).plan(targets, paperPrecision());
        assertEquals(30, sparse.taskCount(), "19 nodes up to base node 42, then 44, 46, ..., 64");
        assertEquals(12_060, sparse.forests());
        ClassificationPlan measured = run.withNodePlanning(PLANNING).plan(targets, paperPrecision());
        assertEquals(30, measured.taskCount());
        assertEquals(10_848, measured.forests());
        assertEquals(281_340, measured.predictions());
        assertTrue(measured.estimator().contains(": 30 nodes, 11 full-grid nodes interpolated over, forests per node "
                + "0.949:402 "), measured.estimator());
    }

    @Test
    void measuredPlansAreBitIdenticalAtAnyThreadCountAndWhenShipped() {
        NodePlanning small = new NodePlanning("small", List.of(new NodePlanning.Widening(2.0, 0.21)),
                new NodeForests(new double[] {0, 3}, new double[] {0.9, 0.0}));
        RunParameters p = RunParameters.of(40, 5L).withTargetsPerForest(4).withEbvPolicy(EbvPolicy.TABLE)
                .withEbvGrid(0.1).withDrawsPerUnit(2);
        double[] ebv = {0.6, 1.9, 2.5, BASE.nodeEbv(38), 7.0};
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int i = 0; i < ebv.length; i++) {
            targets.add(at(pool.get(i), ebv[i]));
        }
        ClassificationRun measured = run.withNodePlanning(small);
        ClassificationResult one = measured.run(targets, p, ProgressListener.NONE);
        ClassificationResult two = measured.run(targets, p.withThreads(2), ProgressListener.NONE);
        ClassificationResult shipped = ShippedUnits.assembleOutOfOrder(measured.plan(targets, p), 3);
        for (ClassificationResult other : List.of(two, shipped)) {
            assertEquals(one.provenance(), other.provenance());
            for (int i = 0; i < targets.size(); i++) {
                assertArrayEquals(one.sources().get(i).probabilities().mean(),
                        other.sources().get(i).probabilities().mean());
                assertArrayEquals(one.sources().get(i).probabilities().std(),
                        other.sources().get(i).probabilities().std());
            }
        }
        // rho 0 above 3 mag: N = 40 / (1 + 3 x 0.37) = 18.96 -> 5 forests of 4; base node 38 (3.966 mag) is kept
        assertEquals(20, one.sources().get(3).probabilities().draws());
        assertEquals(40, one.sources().get(0).probabilities().draws(), "rho 0.9 below 3 mag: all 10 forests");
        // a source on a kept node takes that node's first 5 forests: the uniform plan's values of 20 draws (same
        // target list: a target's realisations are keyed by its row)
        SourceResult onNode = run.withNodePlanning(NodePlanning.UNIFORM)
                .run(targets, p.withDraws(20), ProgressListener.NONE).sources().get(3);
        assertArrayEquals(onNode.probabilities().mean(), one.sources().get(3).probabilities().mean());
        assertArrayEquals(onNode.probabilities().std(), one.sources().get(3).probabilities().std());
    }

    @Test
    void wideningsMeanTheSameSpacingOnAnyGrid() {
        NodePlanning.Widening w = new NodePlanning.Widening(2.4, 0.21);
        assertEquals(2, w.stride(0.1));
        assertEquals(1, w.stride(0.2), "a grid of 0.2 is already as wide");
        assertEquals(3, w.stride(0.05), "ln 1.21 / ln 1.05 = 3.9");
        assertEquals("relative step 0.1, every 2. node from 2.46 mag, every 3. node from 16.6 mag",
                NodePlanning.MEASURED.nodes(BASE).describe());
        assertEquals("relative step 0.2", NodePlanning.MEASURED.nodes(new EbvGrid(0.2)).describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NodePlanning.Widening(3.0, 2.0));
        assertEquals("widest relative step must be 0.01 to 1.0, got 2.0", e.getMessage());
    }

    @Test
    void anUnknownPlanningNamesTheAllowedValues() {
        assertEquals(NodePlanning.MEASURED, NodePlanning.of("measured"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodePlanning.of("sparse"));
        assertEquals("node planning must be 'uniform' or 'measured', got 'sparse'", e.getMessage());
    }
}
