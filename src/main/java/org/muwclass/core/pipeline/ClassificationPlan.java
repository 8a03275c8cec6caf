package org.muwclass.core.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.aggregate.ProbabilitySummary;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TrainingSet;

/**
 * A planned classification run (from {@link ClassificationRun#plan}): job -&gt; E(B-V) tasks (bins, or nodes of an
 * interpolating grid) -&gt; work units (task, range of forests) with seeds fixed by their coordinates ({@link #seeds}).
 * Any unit can be run on its own, on any thread or machine that builds the same plan from the same inputs;
 * {@link #assemble} merges the units' partial sums in unit order into the final result, so results are bit-identical
 * at 1, 2 or 8 threads. {@link #estimate}
 * turns the plan into the UWS quote with a {@link CostModel}; progress is the fraction of the estimated cost done
 * ({@link CostWeightedProgress}). Immutable;
 * {@link #runUnit} is thread-safe.
 */
public final class ClassificationPlan {

    private final List<SourceMeasurements> targets;
    private final RunParameters parameters;
    private final TrainingSet training;
    private final String learnerName;
    private final double[] ebv;
    private final double[] targetEbvUsed;
    private final List<DrawTask> tasks;
    private final List<Double> ebvUsed;
    private final List<WorkUnit> units;
    private final MonteCarloEngine engine;
    private final String estimator;
    /** Where a run's units deliver their partial sums as they finish (a run's view of the plan), or null. */
    private final StreamingAssembly sink;
    /** What {@link #runUnit} returns once the sink has a unit's sums, so that executors hold nothing per unit. */
    private static final ProbabilityAccumulator DELIVERED = new ProbabilityAccumulator(0, 1, false);

    /**
     * @param ebv           E(B-V) of each target's line of sight, mag
     * @param targetEbvUsed E(B-V) each target was effectively classified at, mag (its bin's mean, or the interpolated
     *                      value on a grid)
     * @param ebvUsed       E(B-V) each task's training AGNs are reddened to, mag
     * @param estimator     provenance description of the Monte-Carlo estimator and reddening
     */
    ClassificationPlan(List<SourceMeasurements> targets, RunParameters parameters, TrainingSet training,
                       String learnerName, double[] ebv, double[] targetEbvUsed, List<DrawTask> tasks,
                       List<Double> ebvUsed, MonteCarloEngine engine, String estimator) {
        this.targets = List.copyOf(targets);
        this.parameters = parameters;
        this.training = training;
        this.learnerName = learnerName;
        this.ebv = ebv.clone();
        this.targetEbvUsed = targetEbvUsed.clone();
        this.tasks = List.copyOf(tasks);
        this.ebvUsed = List.copyOf(ebvUsed);
        this.engine = engine;
        this.estimator = estimator;
        this.units = List.copyOf(units(this.tasks, parameters));
        this.sink = null;
    }

    /** The plan as one run sees it: units deliver their sums to {@code sink}. */
    private ClassificationPlan(ClassificationPlan plan, StreamingAssembly sink) {
        this.targets = plan.targets;
        this.parameters = plan.parameters;
        this.training = plan.training;
        this.learnerName = plan.learnerName;
        this.ebv = plan.ebv;
        this.targetEbvUsed = plan.targetEbvUsed;
        this.tasks = plan.tasks;
        this.ebvUsed = plan.ebvUsed;
        this.engine = plan.engine;
        this.estimator = plan.estimator;
        this.units = plan.units;
        this.sink = sink;
    }

    /**
     * Work units in (task, first forest) order: {@link RunParameters#drawsPerUnit()} forests each, up to the task's
     * forests ({@link RunParameters#forestsPerTask()}, or fewer on a grid node sized by need, {@link NodeForests}).
     */
    static List<WorkUnit> units(List<DrawTask> tasks, RunParameters p) {
        List<WorkUnit> units = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            ValueShare share = tasks.get(t).share();
            int forests = share == null ? p.forestsPerTask() : Math.min(p.forestsPerTask(), share.forests());
            for (int d = 0; d < forests; d += p.drawsPerUnit()) {
                units.add(new WorkUnit(units.size(), t, d, Math.min(forests, d + p.drawsPerUnit())));
            }
        }
        return units;
    }

    public RunParameters parameters() {
        return parameters;
    }

    /** Number of E(B-V) tasks (bins). */
    public int taskCount() {
        return tasks.size();
    }

    public int unitCount() {
        return units.size();
    }

    /** Units in merge order ((task, first draw) order). */
    public List<WorkUnit> units() {
        return units;
    }

    /**
     * Runs one unit: its draws of its task. Checks the calling thread's interrupt flag between draws. Within
     * {@link #execute} the unit's sums go straight into the run's assembly and a placeholder is returned.
     */
    public ProbabilityAccumulator runUnit(int index) {
        WorkUnit u = units.get(index);
        ProbabilityAccumulator partial = engine.runUnit(tasks.get(u.task()), u, parameters.keepQuantiles());
        if (sink == null) {
            return partial;
        }
        sink.accept(index, partial);
        return DELIVERED;
    }

    /**
     * Runs every unit with {@code executor} and assembles the result. Units run on this JVM deliver their sums as
     * they finish (memory bounded by the targets, not the values: {@link StreamingAssembly}); sums an executor
     * brings back from elsewhere (a cluster) are assembled when it returns. Same bits either way.
     */
    public ClassificationResult execute(UnitExecutor executor, ProgressListener progress) {
        StreamingAssembly assembly = newAssembly();
        return finish(assembly, executor.runAll(new ClassificationPlan(this, assembly), progress));
    }

    /**
     * The result from every unit's partial sums.
     *
     * @param partials partial sums indexed by {@link WorkUnit#index()}
     */
    public ClassificationResult assemble(List<ProbabilityAccumulator> partials) {
        return finish(newAssembly(), partials);
    }

    private StreamingAssembly newAssembly() {
        return new StreamingAssembly(tasks, units, targets.size(), parameters.keepQuantiles());
    }

    private ClassificationResult finish(StreamingAssembly assembly, List<ProbabilityAccumulator> partials) {
        if (partials.size() != units.size()) {
            throw new IllegalArgumentException(partials.size() + " partial sums for " + units.size() + " units");
        }
        for (int u = 0; u < units.size(); u++) {
            if (!assembly.accepted(u)) {
                assembly.accept(u, partials.get(u));
            }
        }
        ProbabilityAccumulator acc = assembly.sums();
        SourceResult[] results = new SourceResult[targets.size()];
        for (int i = 0; i < results.length; i++) {
            ProbabilitySummary summary = assembly.counts() == null ? acc.summary(i)
                    : acc.summary(i, assembly.counts());
            results[i] = ClassificationRun.result(targets.get(i), ebv[i], targetEbvUsed[i], summary,
                    parameters.ctThreshold());
        }
        Provenance prov = new Provenance(parameters.masterSeed(), parameters.draws(), parameters.drawsPerUnit(),
                learnerName, training.sha256(), training.origin(), training.size(), FeatureSchema.MUWCLASS.id(),
                estimator, Provenance.softwareVersion(), parameters.xrayNoise().value());
        return new ClassificationResult(Arrays.asList(results), prov);
    }

    /**
     * One accumulator over all targets (in target order) from the units' partial sums, merged in unit order, with
     * every value kept when the run keeps quantiles (exact quantiles; memory grows with the values: for
     * cross-validation and for validating {@link #assemble}'s bounded quantiles).
     */
    public ProbabilityAccumulator targetSums(List<ProbabilityAccumulator> partials) {
        return MonteCarloEngine.merge(tasks, units, partials, targets.size(), parameters.draws(),
                parameters.keepQuantiles());
    }

    /**
     * Provenance description of the Monte-Carlo estimator and the E(B-V) treatment, with the node plan of a grid run
     * (nodes, full-grid nodes interpolated over, forests per node).
     */
    public String estimator() {
        return estimator;
    }

    /** E(B-V) target {@code i} was effectively classified at, mag. */
    public double targetEbvUsed(int i) {
        return targetEbvUsed[i];
    }

    /** Tasks (E(B-V) bins or grid nodes, or (fold, E(B-V) group) pairs in cross-validation) in merge order. */
    public List<DrawTask> tasks() {
        return tasks;
    }

    /** E(B-V) the training AGNs of task {@code t} are reddened to, mag. */
    public double ebvUsed(int t) {
        return ebvUsed.get(t);
    }

    /** Forests (trainings) of the whole job; a grid node skips forests none of its members takes a value of. */
    public long forests() {
        long n = 0;
        for (WorkUnit u : units) {
            n += unitForests(u);
        }
        return n;
    }

    /** Target realisations predicted by the whole job (one row through one forest each). */
    public long predictions() {
        long n = 0;
        for (WorkUnit u : units) {
            n += unitPredictions(u);
        }
        return n;
    }

    /** Seeds of forest {@code forest} of task {@code task} (functions of the plan's coordinates only). */
    public DrawSeeds seeds(int task, int forest) {
        return engine.seeds(tasks.get(task), forest);
    }

    /** Forests unit {@code u} trains. */
    public int unitForests(WorkUnit u) {
        DrawTask t = tasks.get(u.task());
        int n = 0;
        for (int f = u.firstDraw(); f < u.endDraw(); f++) {
            n += engine.forestNeeded(t, f) ? 1 : 0;
        }
        return n;
    }

    /** Target realisations unit {@code u} predicts (summed over its task's members). */
    public long unitPredictions(WorkUnit u) {
        DrawTask t = tasks.get(u.task());
        long n = 0;
        for (int j = 0; j < t.targetRows().length; j++) {
            n += engine.memberValues(t, j, u.firstDraw(), u.endDraw());
        }
        return n;
    }

    /** Values per member source that unit {@code u} contributes when every member takes every value. */
    public int unitDraws(WorkUnit u) {
        int n = 0;
        for (int f = u.firstDraw(); f < u.endDraw(); f++) {
            n += parameters.targetCopies(f);
        }
        return n;
    }

    /** Predicted cost of one unit on one core, s. */
    public double unitSeconds(WorkUnit u, CostModel cost) {
        DrawTask t = tasks.get(u.task());
        return unitForests(u) * cost.secondsPerForest(t.trainRows().length)
                + (double) unitPredictions(u) * cost.secondsPerPrediction();
    }

    /** Predicted cost of each unit on one core, indexed by {@link WorkUnit#index()}, s. */
    public double[] unitSeconds(CostModel cost) {
        Objects.requireNonNull(cost, "cost");
        double[] each = new double[units.size()];
        for (WorkUnit u : units) {
            each[u.index()] = unitSeconds(u, cost);
        }
        return each;
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
     * The UWS quote: predicted wall time on {@link RunParameters#threads()} workers with the per-fit and
     * per-prediction costs of {@code cost} (see {@link #estimateSeconds}).
     */
    public Duration estimate(CostModel cost) {
        return Duration.ofMillis(Math.round(1000 * estimateSeconds(cost, parameters.threads())));
    }

    /**
     * Predicted wall time on {@code threads} workers, s: the makespan of the units handed out in order to whichever
     * worker is free first (what the pool does).
     */
    public double estimateSeconds(CostModel cost, int threads) {
        return makespan(unitSeconds(cost), threads);
    }

    /** Makespan of jobs of the given durations taken in order by the first free of {@code threads} workers. */
    static double makespan(double[] seconds, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < Math.min(threads, Math.max(1, seconds.length)); i++) {
            free.add(0.0);
        }
        double end = 0;
        for (double s : seconds) {
            double done = free.poll() + s;
            end = Math.max(end, done);
            free.add(done);
        }
        return end;
    }
}
