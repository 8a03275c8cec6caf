package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.sampling.Seeds;

/**
 * Runs Monte-Carlo draws for a list of {@link DrawTask}s on a bounded thread pool. The work unit is (task, range of
 * draws); every draw's seeds are derived from the master seed, the draw number and the task key before anything runs,
 * and each task's unit results are merged in draw order, so the output is bit-identical at any thread count.
 *
 * <p>Seeds of draw d of task t: training rows {@code derive(master, TRAIN_SAMPLING, d)} then the row id (the same
 * realisation of a training source in every task of a draw); targets {@code derive(master, TARGET_SAMPLING, d)} (or
 * the training stream when targets are training rows, as in cross-validation); SMOTE
 * {@code derive(master, OVERSAMPLING, t.key, d)}; learner {@code derive(master, LEARNER, t.key, d)}.
 */
final class MonteCarloEngine {

    private static final Logger LOG = Logger.getLogger(MonteCarloEngine.class.getName());

    private final List<SourceMeasurements> training;
    private final List<SourceMeasurements> targets;
    private final boolean targetsAreTraining;
    private final Learner learner;
    private final long masterSeed;

    /**
     * @param targetsAreTraining true when target row i is training row i (cross-validation): a source then gets the
     *                           same realisation whether it is trained on or tested
     */
    MonteCarloEngine(List<SourceMeasurements> training, List<SourceMeasurements> targets, boolean targetsAreTraining,
                     Learner learner, long masterSeed) {
        this.training = training;
        this.targets = targets;
        this.targetsAreTraining = targetsAreTraining;
        this.learner = learner;
        this.masterSeed = masterSeed;
    }

    DrawSeeds seeds(DrawTask task, int draw) {
        long train = Seeds.derive(masterSeed, Seeds.TRAIN_SAMPLING, draw);
        long target = targetsAreTraining ? train : Seeds.derive(masterSeed, Seeds.TARGET_SAMPLING, draw);
        return new DrawSeeds(train, target, Seeds.derive(masterSeed, Seeds.OVERSAMPLING, task.key(), draw),
                Seeds.derive(masterSeed, Seeds.LEARNER, task.key(), draw));
    }

    /** Work units of {@code taskCount} tasks in (task, first draw) order: the order partial sums are merged in. */
    static List<WorkUnit> units(int taskCount, int draws, int drawsPerUnit) {
        List<WorkUnit> units = new ArrayList<>();
        for (int t = 0; t < taskCount; t++) {
            for (int d = 0; d < draws; d += drawsPerUnit) {
                units.add(new WorkUnit(units.size(), t, d, Math.min(draws, d + drawsPerUnit)));
            }
        }
        return units;
    }

    /**
     * Runs all draws of all tasks.
     *
     * @param executor pool to run on, or null to use a private pool of {@code threads} threads
     * @return one accumulator per task (sources in the task's target order), in task order
     * @throws CancellationException when the calling thread is interrupted
     */
    List<ProbabilityAccumulator> run(List<DrawTask> tasks, int draws, int drawsPerUnit, boolean keepDraws,
                                     int threads, ExecutorService executor, ProgressListener progress) {
        List<WorkUnit> units = units(tasks.size(), draws, drawsPerUnit);
        ProbabilityAccumulator[] partial = runAll(units.size(),
                u -> runUnit(tasks.get(units.get(u).task()), units.get(u), keepDraws), threads, executor, progress);
        return merge(tasks, units, Arrays.asList(partial), keepDraws);
    }

    /**
     * Runs {@code count} independent units on a pool and returns their results by unit index.
     *
     * @param executor pool to run on, or null to use a private pool of {@code threads} threads
     * @throws CancellationException when the calling thread is interrupted
     */
    static ProbabilityAccumulator[] runAll(int count, IntFunction<ProbabilityAccumulator> unit, int threads,
                                           ExecutorService executor, ProgressListener progress) {
        ExecutorService pool = executor != null ? executor : Executors.newFixedThreadPool(threads, daemonThreads());
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[count];
        List<Future<Integer>> futures = new ArrayList<>(count);
        try {
            for (int u = 0; u < count; u++) {
                int unitIndex = u;
                futures.add(done.submit(() -> {
                    partial[unitIndex] = unit.apply(unitIndex);
                    return unitIndex;
                }));
            }
            for (int finished = 1; finished <= count; finished++) {
                done.take().get();
                progress.progress(finished / (double) count);
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
        return partial;
    }

    /** Merges unit results (indexed like {@code units}) into one accumulator per task, in unit order. */
    static List<ProbabilityAccumulator> merge(List<DrawTask> tasks, List<WorkUnit> units,
                                              List<ProbabilityAccumulator> partial, boolean keepDraws) {
        if (partial.size() != units.size()) {
            throw new IllegalArgumentException(partial.size() + " partial sums for " + units.size() + " units");
        }
        List<ProbabilityAccumulator> out = new ArrayList<>(tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            out.add(new ProbabilityAccumulator(tasks.get(t).targetRows().length, SourceClass.count(), keepDraws));
        }
        // units are in (task, draw) order: merging in list order is draw order within each task
        for (int u = 0; u < units.size(); u++) {
            out.get(units.get(u).task()).merge(partial.get(u));
        }
        return out;
    }

    ProbabilityAccumulator runUnit(DrawTask task, WorkUnit unit, boolean keepDraws) {
        return runUnit(task, unit.firstDraw(), unit.endDraw(), keepDraws);
    }

    private ProbabilityAccumulator runUnit(DrawTask task, int firstDraw, int endDraw, boolean keepDraws) {
        List<SourceMeasurements> train = select(training, task.trainRows());
        List<SourceMeasurements> test = select(targets, task.targetRows());
        ProbabilityAccumulator acc = new ProbabilityAccumulator(test.size(), SourceClass.count(), keepDraws);
        for (int d = firstDraw; d < endDraw; d++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Classification interrupted");
            }
            acc.add(OneDraw.probabilities(train, task.trainRows(), test, task.targetRows(), task.reddening(), learner,
                    seeds(task, d)));
        }
        LOG.fine(() -> "task " + task.key() + " draws " + firstDraw + ".." + (endDraw - 1) + " done");
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
