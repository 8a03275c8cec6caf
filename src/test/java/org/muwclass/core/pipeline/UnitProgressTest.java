package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.testsupport.TrainingSplits;

/** Executors tell the progress listener which unit finished, so progress can weigh units by their cost. */
class UnitProgressTest {

    private static final int UNITS = 30;

    /** Units that take 0-4 ms, so that they finish out of order on several threads. */
    private static ProbabilityAccumulator sleepy(int unit) {
        try {
            Thread.sleep((unit * 7L) % 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ProbabilityAccumulator(0, 1, false);
    }

    /** Records (unit, finished, total) of each report, and checks they come from the calling thread. */
    private static final class Recorder implements ProgressListener {
        final List<int[]> reports = new ArrayList<>();
        final Thread caller = Thread.currentThread();

        @Override
        public void progress(double fractionDone) {
            throw new AssertionError("executors report units, not fractions");
        }

        @Override
        public void unitDone(int unit, int finished, int total) {
            assertEquals(caller, Thread.currentThread(), "reported from the calling thread");
            reports.add(new int[] {unit, finished, total});
        }

        void assertEveryUnitOnceInCompletionOrder() {
            assertEquals(UNITS, reports.size());
            int[] units = reports.stream().mapToInt(r -> r[0]).sorted().toArray();
            assertEquals(Arrays.toString(IntStream.range(0, UNITS).toArray()), Arrays.toString(units));
            for (int i = 0; i < UNITS; i++) {
                assertEquals(i + 1, reports.get(i)[1], "finished count");
                assertEquals(UNITS, reports.get(i)[2], "total");
            }
        }
    }

    @Test
    void theSharedPoolReportsEachFinishedUnitOnce() {
        Recorder r = new Recorder();
        try (SharedWorkPool pool = new SharedWorkPool(3, "test-progress")) {
            pool.runAll(UNITS, UnitProgressTest::sleepy, r);
        }
        r.assertEveryUnitOnceInCompletionOrder();
    }

    @Test
    void aPrivatePoolReportsEachFinishedUnitOnce() {
        Recorder r = new Recorder();
        MonteCarloEngine.runAll(UNITS, UnitProgressTest::sleepy, 3, null, r);
        r.assertEveryUnitOnceInCompletionOrder();
    }

    @Test
    void aPlansProgressIsTheShareOfItsEstimatedCostDone() {
        TrainingSplits splits = TrainingSplits.everyTenth();
        List<SourceMeasurements> x = splits.targets();
        ClassificationPlan plan = splits.run(5).plan(x, RunParameters.of(4, 77L).withDrawsPerUnit(1).withThreads(2));
        CostModel cost = CostModel.reference("fastrf", 5);
        double[] seconds = plan.unitSeconds(cost);
        assertEquals(plan.totalSeconds(cost), Arrays.stream(seconds).sum(), 1e-9);

        List<Double> heard = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        ProgressListener weighted = CostWeightedProgress.of(plan, cost, heard::add);
        ProgressListener watch = new ProgressListener() {
            @Override
            public void progress(double fractionDone) {
                weighted.progress(fractionDone);
            }

            @Override
            public void unitDone(int unit, int finished, int total) {
                order.add(unit);
                weighted.unitDone(unit, finished, total);
            }
        };
        try (SharedWorkPool pool = new SharedWorkPool(2, "test-plan-progress")) {
            plan.execute(pool.executor(), watch);
        }
        assertEquals(plan.unitCount(), heard.size());
        double done = 0;
        for (int i = 0; i < order.size() - 1; i++) {
            done += seconds[order.get(i)];
            assertEquals(done / plan.totalSeconds(cost), heard.get(i), 1e-12, "after " + (i + 1) + " units");
        }
        assertEquals(1.0, heard.get(heard.size() - 1));
    }
}
