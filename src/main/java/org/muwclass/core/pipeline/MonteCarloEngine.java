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
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.sampling.Seeds;

/**
 * Runs Monte-Carlo work units: (task, range of forests), each forest evaluated on its target realisations
 * ({@link RunParameters#targetsPerForest()}). Every forest's seeds are derived from the master seed, the forest number
 * and the task key ({@link #seeds}), and each task's unit results are merged in unit order, so the output is
 * bit-identical at any thread count. A training source has the same realisation in every task of a forest number.
 */
final class MonteCarloEngine {

    private static final Logger LOG = Logger.getLogger(MonteCarloEngine.class.getName());

    private final List<SourceMeasurements> training;
    private final List<SourceMeasurements> targets;
    private final boolean targetsAreTraining;
    private final Learner learner;
    private final RunParameters parameters;

    /**
     * @param targetsAreTraining true when target row i is training row i (cross-validation): a source then gets the
     *                           same realisation whether it is trained on or tested
     * @param parameters         master seed and Monte-Carlo estimator (draws, target realisations per forest)
     */
    MonteCarloEngine(List<SourceMeasurements> training, List<SourceMeasurements> targets, boolean targetsAreTraining,
                     Learner learner, RunParameters parameters) {
        this.training = training;
        this.targets = targets;
        this.targetsAreTraining = targetsAreTraining;
        this.learner = learner;
        this.parameters = parameters;
    }

    /**
     * Seeds of forest (training draw) {@code forest} of a task: training sampling {@code derive(master,
     * TRAIN_SAMPLING, f)}, SMOTE {@code derive(master, OVERSAMPLING, key, f)}, learner {@code derive(master, LEARNER,
     * key, f)}, first target realisation {@code derive(master, TARGET_SAMPLING, f)} (the training stream in
     * cross-validation), realisation m &gt;= 1 {@code derive(master, TARGET_SAMPLING, f, m)}. With one realisation per
     * forest this is the paper protocol's draw f; with M &gt; 1 forest f's first realisation is still that draw.
     */
    DrawSeeds seeds(DrawTask task, int forest) {
        long master = parameters.masterSeed();
        long train = Seeds.derive(master, Seeds.TRAIN_SAMPLING, forest);
        long[] target = new long[parameters.targetCopies(forest)];
        target[0] = targetsAreTraining ? train : Seeds.derive(master, Seeds.TARGET_SAMPLING, forest);
        for (int m = 1; m < target.length; m++) {
            target[m] = Seeds.derive(master, Seeds.TARGET_SAMPLING, forest, m);
        }
        return new DrawSeeds(train, target, Seeds.derive(master, Seeds.OVERSAMPLING, task.key(), forest),
                Seeds.derive(master, Seeds.LEARNER, task.key(), forest));
    }

    /**
     * Work units of {@code taskCount} tasks with {@code forests} forests (training draws) each, in (task, first forest)
     * order: the order partial sums are merged in.
     */
    static List<WorkUnit> units(int taskCount, int forests, int forestsPerUnit) {
        List<WorkUnit> units = new ArrayList<>();
        for (int t = 0; t < taskCount; t++) {
            for (int d = 0; d < forests; d += forestsPerUnit) {
                units.add(new WorkUnit(units.size(), t, d, Math.min(forests, d + forestsPerUnit)));
            }
        }
        return units;
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
                progress.unitDone(done.take().get(), finished, count);
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

    /**
     * Merges unit results (indexed like {@code units}) into one accumulator over all {@code targetCount} targets, in
     * unit order: a target's values from different tasks (the two nodes of an E(B-V) grid) follow task order.
     */
    static ProbabilityAccumulator merge(List<DrawTask> tasks, List<WorkUnit> units,
                                        List<ProbabilityAccumulator> partial, int targetCount, int valuesPerTarget,
                                        boolean keepDraws) {
        if (partial.size() != units.size()) {
            throw new IllegalArgumentException(partial.size() + " partial sums for " + units.size() + " units");
        }
        ProbabilityAccumulator out = new ProbabilityAccumulator(targetCount, SourceClass.count(), keepDraws);
        for (int i = 0; i < targetCount; i++) {
            out.reserve(i, valuesPerTarget);
        }
        for (int u = 0; u < units.size(); u++) {
            int[] members = tasks.get(units.get(u).task()).targetRows();
            ProbabilityAccumulator p = partial.get(u);
            for (int j = 0; j < members.length; j++) {
                out.mergeSource(members[j], p, j);
            }
        }
        return out;
    }

    ProbabilityAccumulator runUnit(DrawTask task, WorkUnit unit, boolean keepDraws) {
        return runUnit(task, unit.firstDraw(), unit.endDraw(), keepDraws);
    }

    /** Number of the first value (over all target realisations of all forests) of forest {@code forest}. */
    long firstValue(int forest) {
        return (long) forest * parameters.targetsPerForest();
    }

    /** Whether any member of the task takes a value of forest {@code forest} (else the forest need not be trained). */
    boolean forestNeeded(DrawTask task, int forest) {
        if (task.share() == null) {
            return true;
        }
        long from = firstValue(forest);
        long to = from + parameters.targetCopies(forest);
        for (int j = 0; j < task.targetRows().length; j++) {
            if (task.values(j, from, to) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Values member {@code member} of the task takes from forests [firstForest, endForest). */
    long memberValues(DrawTask task, int member, int firstForest, int endForest) {
        long from = firstValue(firstForest);
        long to = Math.min(firstValue(endForest), parameters.draws());
        return task.values(member, from, to);
    }

    /**
     * Forests {@code firstForest} to {@code endForest - 1} of a task, each with its target realisations in order;
     * with a value share only the members taking a value get it, and a forest no member needs is not trained.
     */
    private ProbabilityAccumulator runUnit(DrawTask task, int firstForest, int endForest, boolean keepDraws) {
        List<SourceMeasurements> train = select(training, task.trainRows());
        int[] rows = task.targetRows();
        List<SourceMeasurements> test = select(targets, rows);
        ProbabilityAccumulator acc = new ProbabilityAccumulator(test.size(), SourceClass.count(), keepDraws);
        for (int j = 0; j < rows.length; j++) {
            acc.reserve(j, (int) memberValues(task, j, firstForest, endForest));
        }
        int[] takers = new int[rows.length];
        for (int f = firstForest; f < endForest; f++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Classification interrupted");
            }
            if (!forestNeeded(task, f)) {
                continue;
            }
            DrawSeeds seeds = seeds(task, f);
            OneDraw.Trained trained = OneDraw.train(train, task.trainRows(), task.reddening(), learner, seeds,
                    parameters.xrayNoise());
            for (int m = 0; m < seeds.targetCopies(); m++) {
                if (task.share() == null) {
                    acc.add(trained.predict(test, rows, seeds.targetSampling(m)));
                    continue;
                }
                long value = firstValue(f) + m;
                int n = 0;
                for (int j = 0; j < rows.length; j++) {
                    if (task.takes(j, value)) {
                        takers[n++] = j;
                    }
                }
                if (n == 0) {
                    continue;
                }
                List<SourceMeasurements> some = new ArrayList<>(n);
                int[] ids = new int[n];
                for (int i = 0; i < n; i++) {
                    some.add(test.get(takers[i]));
                    ids[i] = rows[takers[i]];
                }
                double[][] p = trained.predict(some, ids, seeds.targetSampling(m));
                for (int i = 0; i < n; i++) {
                    acc.add(takers[i], p[i]);
                }
            }
        }
        LOG.fine(() -> "task " + task.key() + " forests " + firstForest + ".." + (endForest - 1) + " done");
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
