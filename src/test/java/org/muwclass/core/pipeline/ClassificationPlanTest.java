package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.model.SourceMeasurements;
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
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < plan.unitCount(); u++) {
            order.add(u);
        }
        Collections.shuffle(order, new Random(3));
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[plan.unitCount()];
        for (int u : order) {
            partial[u] = roundTrip(plan.runUnit(u));
        }
        ClassificationResult assembled = plan.assemble(Arrays.asList(partial));

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
