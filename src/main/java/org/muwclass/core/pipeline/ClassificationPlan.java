package org.muwclass.core.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.muwclass.core.sampling.Seeds;

/**
 * The explicit plan of a classification or cross-validation job: job -&gt; tasks (E(B-V) bins, or (fold, E(B-V)
 * group) pairs) -&gt; work units (task, range of forests) with their seeds. Everything here is decided before any work
 * runs and depends only on the targets, the E(B-V) grouping and the {@link RunParameters}, never on the thread count:
 * that is what makes results bit-identical at 1, 2 or 8 threads.
 *
 * <p>Seeds (all {@link Seeds#derive} of the master seed): forest f of task t samples the training rows from
 * {@code derive(master, TRAIN_SAMPLING, f)} (a training source has the same realisation in every task of a forest
 * index), SMOTE from {@code derive(master, OVERSAMPLING, t.key, f)}, the learner from
 * {@code derive(master, LEARNER, t.key, f)}; its first target realisation from {@code derive(master,
 * TARGET_SAMPLING, f)} and realisation m &gt;= 1 (shared forests, M = {@link RunParameters#targetsPerForest()} &gt; 1)
 * from {@code derive(master, TARGET_SAMPLING, f, m)}. So forest f with its first realisation is exactly draw f of the
 * paper's protocol with the same seed: a shared-forest run contains the full protocol's values plus M - 1 more per
 * forest. In cross-validation, where targets are training rows, realisation 0 is the training realisation of the
 * forest's draw (a source looks the same whether it is trained on or tested).
 *
 * <p>{@link #estimate(CostModel)} turns the plan into the UWS quote; the engine reports progress as the fraction of
 * units done.
 */
public final class ClassificationPlan {

    /**
     * One work unit: forests {@code firstForest} (inclusive) to {@code endForest} (exclusive) of task {@code task},
     * each evaluated on its target realisations. Units are numbered in (task, forest) order, which is the merge order.
     *
     * @param index       position in {@link #units()}
     * @param task        index into {@link #tasks()}
     * @param firstForest first forest index
     * @param endForest   one past the last forest index
     * @param draws       values per source this unit contributes (sum of the forests' target realisations)
     */
    public record WorkUnit(int index, int task, int firstForest, int endForest, int draws) {

        /** Number of forests trained by this unit. */
        public int forests() {
            return endForest - firstForest;
        }
    }

    private final List<DrawTask> tasks;
    private final List<WorkUnit> units;
    private final RunParameters parameters;
    private final boolean targetsAreTraining;
    private final int trainingRows;
    private final double[] targetEbv;

    private ClassificationPlan(List<DrawTask> tasks, List<WorkUnit> units, RunParameters parameters,
                               boolean targetsAreTraining, int trainingRows, double[] targetEbv) {
        this.targetEbv = targetEbv;
        this.tasks = tasks;
        this.units = units;
        this.parameters = parameters;
        this.targetsAreTraining = targetsAreTraining;
        this.trainingRows = trainingRows;
    }

    /**
     * Splits tasks into work units of {@link RunParameters#drawsPerUnit()} forests.
     *
     * @param tasks              groups of targets sharing a reddened training set, in a fixed order
     * @param p                  draws, estimator, seed and unit size
     * @param targetsAreTraining true for cross-validation (target row i is training row i)
     * @param trainingRows       size of the full training list (for the cost model)
     * @param targetEbv          E(B-V) of each target as resolved, mag (reported with the results)
     */
    static ClassificationPlan of(List<DrawTask> tasks, RunParameters p, boolean targetsAreTraining,
                                 int trainingRows, double[] targetEbv) {
        List<WorkUnit> units = new ArrayList<>();
        int forests = p.forestsPerTask();
        for (int t = 0; t < tasks.size(); t++) {
            for (int f = 0; f < forests; f += p.drawsPerUnit()) {
                int end = Math.min(forests, f + p.drawsPerUnit());
                int draws = 0;
                for (int k = f; k < end; k++) {
                    draws += p.targetCopies(k);
                }
                units.add(new WorkUnit(units.size(), t, f, end, draws));
            }
        }
        return new ClassificationPlan(Collections.unmodifiableList(new ArrayList<>(tasks)),
                Collections.unmodifiableList(units), p, targetsAreTraining, trainingRows, targetEbv.clone());
    }

    /** Tasks in merge order. */
    public List<DrawTask> tasks() {
        return tasks;
    }

    /** Work units in (task, forest) order. */
    public List<WorkUnit> units() {
        return units;
    }

    /** The run's parameters. */
    public RunParameters parameters() {
        return parameters;
    }

    /** Forests trained by the whole job. */
    public long forests() {
        return (long) tasks.size() * parameters.forestsPerTask();
    }

    /** Target realisations predicted by the whole job (one row through one forest each). */
    public long predictions() {
        long targets = 0;
        for (DrawTask t : tasks) {
            targets += t.targetRows().length;
        }
        return targets * parameters.draws();
    }

    /** Seeds of forest {@code forest} of task {@code task} (a pure function of the plan's coordinates). */
    public DrawSeeds seeds(int task, int forest) {
        long master = parameters.masterSeed();
        long key = tasks.get(task).key();
        long train = Seeds.derive(master, Seeds.TRAIN_SAMPLING, forest);
        long[] target = new long[parameters.targetCopies(forest)];
        target[0] = targetsAreTraining ? train : Seeds.derive(master, Seeds.TARGET_SAMPLING, forest);
        for (int m = 1; m < target.length; m++) {
            target[m] = Seeds.derive(master, Seeds.TARGET_SAMPLING, forest, m);
        }
        return new DrawSeeds(train, target, Seeds.derive(master, Seeds.OVERSAMPLING, key, forest),
                Seeds.derive(master, Seeds.LEARNER, key, forest));
    }

    /** Predicted cost of one unit, s on one core. */
    public double unitSeconds(WorkUnit u, CostModel cost) {
        int targets = tasks.get(u.task()).targetRows().length;
        int train = tasks.get(u.task()).trainRows().length;
        return u.forests() * cost.secondsPerForest(train) + (double) u.draws() * targets * cost.secondsPerPrediction();
    }

    /** Predicted cost of the whole job on one core, s. */
    public double totalSeconds(CostModel cost) {
        double s = 0;
        for (WorkUnit u : units) {
            s += unitSeconds(u, cost);
        }
        return s;
    }

    /**
     * The UWS quote: predicted wall time on {@link RunParameters#threads()} workers, as the makespan of the units
     * handed out in order to whichever worker is free first (the pool's behaviour), with the per-fit and
     * per-prediction costs of {@code cost}.
     */
    public Duration estimate(CostModel cost) {
        return Duration.ofMillis(Math.round(1000 * estimateSeconds(cost, parameters.threads())));
    }

    /** Predicted wall time on {@code threads} workers, s. */
    public double estimateSeconds(CostModel cost, int threads) {
        Objects.requireNonNull(cost, "cost");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < Math.min(threads, Math.max(1, units.size())); i++) {
            free.add(0.0);
        }
        double end = 0;
        for (WorkUnit u : units) {
            double done = free.poll() + unitSeconds(u, cost);
            end = Math.max(end, done);
            free.add(done);
        }
        return end;
    }

    /** E(B-V) of target {@code i} as resolved by the run's policy, mag. */
    public double targetEbv(int i) {
        return targetEbv[i];
    }

    /** Number of targets. */
    public int targets() {
        return targetEbv.length;
    }

    /** Size of the full training list. */
    public int trainingRows() {
        return trainingRows;
    }
}
