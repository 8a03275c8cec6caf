package org.muwclass.testsupport;

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
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;

/**
 * Runs a plan the way a cluster does: every work unit on its own, in a shuffled order, each partial sum shipped as
 * bytes (written and read back), then assembled in unit order. Tests compare the result with a local run.
 */
public final class ShippedUnits {

    private ShippedUnits() {
    }

    /** The plan's result from units run in the order {@code Collections.shuffle(units, new Random(shuffleSeed))}. */
    public static ClassificationResult assembleOutOfOrder(ClassificationPlan plan, long shuffleSeed) {
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < plan.unitCount(); u++) {
            order.add(u);
        }
        Collections.shuffle(order, new Random(shuffleSeed));
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[plan.unitCount()];
        for (int u : order) {
            partial[u] = roundTrip(plan.runUnit(u));
        }
        return plan.assemble(Arrays.asList(partial));
    }

    /** A partial sum after its trip through bytes. */
    public static ProbabilityAccumulator roundTrip(ProbabilityAccumulator acc) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            acc.writeTo(new DataOutputStream(bytes));
            return ProbabilityAccumulator.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
