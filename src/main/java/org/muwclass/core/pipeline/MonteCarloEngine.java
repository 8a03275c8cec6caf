package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;

/**
 * Executes a {@link ClassificationPlan} on a bounded thread pool. Every work unit (task, range of forests) takes its
 * seeds from the plan, and each task's unit results are merged in unit order (forest order, then target realisation
 * order), so the output is bit-identical at any thread count.
 */
final class MonteCarloEngine {

    private static final Logger LOG = Logger.getLogger(MonteCarloEngine.class.getName());

    private final List<SourceMeasurements> training;
    private final List<SourceMeasurements> targets;
    private final Learner learner;

    MonteCarloEngine(List<SourceMeasurements> training, List<SourceMeasurements> targets, Learner learner) {
        this.training = training;
        this.targets = targets;
        this.learner = learner;
    }

    /**
     * Runs all units of the plan.
     *
     * @param executor pool to run on, or null to use a private pool of {@code plan.parameters().threads()} threads
     * @param progress receives the fraction of units done
     * @return one accumulator per task (sources in the task's target order), in task order
     * @throws CancellationException when the calling thread is interrupted
     */
    List<ProbabilityAccumulator> run(ClassificationPlan plan, ExecutorService executor, ProgressListener progress) {
        List<ClassificationPlan.WorkUnit> units = plan.units();
        boolean keepDraws = plan.parameters().keepQuantiles();
        ExecutorService pool = executor != null ? executor
                : Executors.newFixedThreadPool(plan.parameters().threads(), daemonThreads());
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[units.size()];
        List<ProbabilityAccumulator> out = new ArrayList<>(plan.tasks().size());
        for (DrawTask t : plan.tasks()) {
            out.add(new ProbabilityAccumulator(t.targetRows().length, SourceClass.count(), keepDraws));
        }
        boolean[] finishedUnit = new boolean[units.size()];
        int merged = 0;
        List<Future<Integer>> futures = new ArrayList<>(units.size());
        try {
            for (ClassificationPlan.WorkUnit unit : units) {
                futures.add(done.submit(() -> {
                    partial[unit.index()] = runUnit(plan, unit, keepDraws);
                    return unit.index();
                }));
            }
            for (int finished = 1; finished <= units.size(); finished++) {
                finishedUnit[done.take().get()] = true; // get() makes the unit's writes visible here
                // merge the finished prefix now, in unit order ((task, forest) = draw order within a task), so that
                // memory holds only the units finished ahead of the oldest running one
                while (merged < units.size() && finishedUnit[merged]) {
                    out.get(units.get(merged).task()).merge(partial[merged]);
                    partial[merged] = null;
                    merged++;
                }
                progress.progress(finished / (double) units.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Classification interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Monte-Carlo unit failed: " + cause, cause);
        } finally {
            for (Future<Integer> f : futures) {
                f.cancel(true);
            }
            if (executor == null) {
                pool.shutdownNow();
            }
        }
        if (merged != units.size()) {
            throw new IllegalStateException("Merged " + merged + " of " + units.size() + " work units");
        }
        return out;
    }

    private ProbabilityAccumulator runUnit(ClassificationPlan plan, ClassificationPlan.WorkUnit unit,
                                           boolean keepDraws) {
        DrawTask task = plan.tasks().get(unit.task());
        List<SourceMeasurements> train = select(training, task.trainRows());
        List<SourceMeasurements> test = select(targets, task.targetRows());
        ProbabilityAccumulator acc = new ProbabilityAccumulator(test.size(), SourceClass.count(), keepDraws);
        for (int f = unit.firstForest(); f < unit.endForest(); f++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Classification interrupted");
            }
            for (double[][] p : OneDraw.probabilities(train, task.trainRows(), test, task.targetRows(),
                    task.reddening(), learner, plan.seeds(unit.task(), f))) {
                acc.add(p);
            }
        }
        LOG.fine(() -> "task " + task.key() + " forests " + unit.firstForest() + ".." + (unit.endForest() - 1)
                + " done");
        return acc;
    }

    private static List<SourceMeasurements> select(List<SourceMeasurements> all, int[] rows) {
        List<SourceMeasurements> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(all.get(r));
        }
        return out;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "muwclass-mc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
