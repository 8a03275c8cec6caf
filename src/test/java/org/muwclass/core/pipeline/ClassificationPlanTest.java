package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.testsupport.ShippedUnits;
import org.muwclass.testsupport.TrainingSplits;

/** Units run one by one, in any order, shipped as bytes and assembled: the same bits as a local run. */
class ClassificationPlanTest {

    @Test
    void unitsRunOutOfOrderAndShippedAsBytesAssembleToTheLocalResult() {
        TrainingSplits splits = TrainingSplits.everyTenth();
        List<SourceMeasurements> x = splits.targets();
        ClassificationRun run = splits.run(5);
        RunParameters p = RunParameters.of(4, 77L).withDrawsPerUnit(1).withThreads(2);
        ClassificationResult local = run.run(x, p, ProgressListener.NONE);

        ClassificationPlan plan = run.plan(x, p);
        assertEquals(plan.taskCount() * 4, plan.unitCount());
        ClassificationResult assembled = ShippedUnits.assembleOutOfOrder(plan, 3);

        assertEquals(local.provenance(), assembled.provenance());
        for (int i = 0; i < x.size(); i++) {
            SourceResult a = local.sources().get(i);
            SourceResult b = assembled.sources().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.ebvUsed(), b.ebvUsed());
            assertArrayEquals(a.probabilities().mean(), b.probabilities().mean());
            assertArrayEquals(a.probabilities().std(), b.probabilities().std());
            assertArrayEquals(a.probabilities().median(), b.probabilities().median());
            assertArrayEquals(a.probabilities().upper2Sigma(), b.probabilities().upper2Sigma());
            assertEquals(a.decision(), b.decision());
        }
    }
}
