package org.muwclass.core.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.muwclass.core.aggregate.ProbabilityAccumulator;

/**
 * Runs the work units of a {@link ClassificationPlan}: on local threads ({@link #local}) or elsewhere (e.g. on the
 * members of a cluster). Whatever runs them, each unit's partial sums are the same, and the plan merges them in unit
 * order, so the result does not depend on the executor.
 */
@FunctionalInterface
public interface UnitExecutor {

    /**
     * Runs every unit of the plan.
     *
     * @param progress told of each finished unit ({@link ProgressListener#unitDone}), from the calling thread
     * @return partial sums indexed by {@link WorkUnit#index()}
     * @throws java.util.concurrent.CancellationException when the run was stopped
     */
    List<ProbabilityAccumulator> runAll(ClassificationPlan plan, ProgressListener progress);

    /**
     * Runs units on this JVM.
     *
     * @param threads  size of the private pool used when {@code executor} is null
     * @param executor pool to run on (e.g. a container-managed one), or null
     */
    static UnitExecutor local(int threads, ExecutorService executor) {
        return (plan, progress) -> Arrays.asList(MonteCarloEngine.runAll(plan.unitCount(), plan::runUnit, threads,
                executor, progress));
    }
}
