package org.muwclass.core.pipeline;

import java.util.List;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.aggregate.QuantileCounts;
import org.muwclass.core.model.SourceClass;

/**
 * Assembles a run's result while its units finish (issue 15 item 6), so that memory does not grow with the values
 * per source: each unit's kept values are counted into {@link QuantileCounts} at once (integer counts: any order
 * gives the same bits), and its sums are merged in unit order as soon as every earlier unit is in (units finishing
 * early wait, a few at a time since the pools hand units out in order). The means and standard deviations are
 * therefore the same bits as a merge of all partial sums at the end. Thread-safe.
 */
final class StreamingAssembly {

    private final List<DrawTask> tasks;
    private final List<WorkUnit> units;
    private final ProbabilityAccumulator sums;
    private final QuantileCounts counts;
    private final ProbabilityAccumulator[] waiting;
    private final boolean[] accepted;
    private int next;

    /** @param keepQuantiles whether to count values for medians and quantiles */
    StreamingAssembly(List<DrawTask> tasks, List<WorkUnit> units, int targetCount, boolean keepQuantiles) {
        this.tasks = tasks;
        this.units = units;
        this.sums = new ProbabilityAccumulator(targetCount, SourceClass.count(), false);
        this.counts = keepQuantiles ? new QuantileCounts(targetCount, SourceClass.count()) : null;
        this.waiting = new ProbabilityAccumulator[units.size()];
        this.accepted = new boolean[units.size()];
    }

    /** Takes unit {@code u}'s partial sums (a unit run twice, e.g. re-queued on a cluster, counts once). */
    synchronized void accept(int u, ProbabilityAccumulator partial) {
        if (accepted[u]) {
            return;
        }
        accepted[u] = true;
        int[] members = tasks.get(units.get(u).task()).targetRows();
        if (counts != null) {
            for (int j = 0; j < members.length; j++) {
                partial.countValues(j, counts, members[j]);
            }
        }
        waiting[u] = partial;
        while (next < waiting.length && waiting[next] != null) {
            ProbabilityAccumulator p = waiting[next];
            int[] rows = tasks.get(units.get(next).task()).targetRows();
            for (int j = 0; j < rows.length; j++) {
                sums.mergeSource(rows[j], p, j);
            }
            waiting[next] = null;
            next++;
        }
    }

    synchronized boolean accepted(int u) {
        return accepted[u];
    }

    /** Sums over all units; every unit must have been accepted. */
    synchronized ProbabilityAccumulator sums() {
        if (next != waiting.length) {
            throw new IllegalStateException("Unit " + next + " of " + waiting.length + " has not been assembled");
        }
        return sums;
    }

    /** The counted values for quantiles, or null when the run keeps none. */
    QuantileCounts counts() {
        return counts;
    }
}
