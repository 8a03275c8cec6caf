package org.muwclass.core.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TrainingSet;

/**
 * A planned classification run (from {@link ClassificationRun#plan}): job -&gt; E(B-V) tasks (bins) -&gt; work units
 * (task, range of forests) with seeds fixed by their coordinates ({@link #seeds}). Any unit can be run on its own, on
 * any thread or machine that builds the same plan from the same inputs; {@link #assemble} merges the units' partial
 * sums in unit order into the final result, so results are bit-identical at 1, 2 or 8 threads. {@link #estimate}
 * turns the plan into the UWS quote with a {@link CostModel}; progress is the fraction of units done. Immutable;
 * {@link #runUnit} is thread-safe.
 */
public final class ClassificationPlan {

    private final List<SourceMeasurements> targets;
    private final RunParameters parameters;
    private final TrainingSet training;
    private final String learnerName;
    private final double[] ebv;
    private final List<DrawTask> tasks;
    private final List<Double> ebvUsed;
    private final List<WorkUnit> units;
    private final MonteCarloEngine engine;

    ClassificationPlan(List<SourceMeasurements> targets, RunParameters parameters, TrainingSet training,
                       String learnerName, double[] ebv, List<DrawTask> tasks, List<Double> ebvUsed,
                       MonteCarloEngine engine) {
        this.targets = List.copyOf(targets);
        this.parameters = parameters;
        this.training = training;
        this.learnerName = learnerName;
        this.ebv = ebv.clone();
        this.tasks = List.copyOf(tasks);
        this.ebvUsed = List.copyOf(ebvUsed);
        this.engine = engine;
        this.units = List.copyOf(MonteCarloEngine.units(tasks.size(), parameters.forestsPerTask(),
                parameters.drawsPerUnit()));
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

    /** Runs one unit: its draws of its task. Checks the calling thread's interrupt flag between draws. */
    public ProbabilityAccumulator runUnit(int index) {
        WorkUnit u = units.get(index);
        return engine.runUnit(tasks.get(u.task()), u, parameters.keepQuantiles());
    }

    /** Runs every unit with {@code executor} and assembles the result. */
    public ClassificationResult execute(UnitExecutor executor, ProgressListener progress) {
        return assemble(executor.runAll(this, progress));
    }

    /**
     * The result from every unit's partial sums.
     *
     * @param partials partial sums indexed by {@link WorkUnit#index()}
     */
    public ClassificationResult assemble(List<ProbabilityAccumulator> partials) {
        List<ProbabilityAccumulator> acc = accumulators(partials);
        SourceResult[] results = new SourceResult[targets.size()];
        for (int t = 0; t < tasks.size(); t++) {
            int[] members = tasks.get(t).targetRows();
            for (int j = 0; j < members.length; j++) {
                SourceMeasurements s = targets.get(members[j]);
                results[members[j]] = ClassificationRun.result(s, ebv[members[j]], ebvUsed.get(t),
                        acc.get(t).summary(j), parameters.ctThreshold());
            }
        }
        Provenance prov = new Provenance(parameters.masterSeed(), parameters.draws(), parameters.drawsPerUnit(),
                learnerName, training.sha256(), training.origin(), training.size(), FeatureSchema.MUWCLASS.id(),
                parameters.ebvPolicy().name() + ClassificationRun.estimatorNote(parameters),
                Provenance.softwareVersion());
        return new ClassificationResult(Arrays.asList(results), prov);
    }

    /** One accumulator per task (in task order) from the units' partial sums, merged in unit order. */
    List<ProbabilityAccumulator> accumulators(List<ProbabilityAccumulator> partials) {
        return MonteCarloEngine.merge(tasks, units, partials, parameters.keepQuantiles());
    }

    /** Tasks (E(B-V) bins, or (fold, E(B-V) group) pairs in cross-validation) in merge order. */
    public List<DrawTask> tasks() {
        return tasks;
    }

    /** E(B-V) the training AGNs of task {@code t} are reddened to, mag. */
    public double ebvUsed(int t) {
        return ebvUsed.get(t);
    }

    /** Forests (trainings) of the whole job. */
    public long forests() {
        return (long) tasks.size() * parameters.forestsPerTask();
    }

    /** Target realisations predicted by the whole job (one row through one forest each). */
    public long predictions() {
        long n = 0;
        for (DrawTask t : tasks) {
            n += t.targetRows().length;
        }
        return n * parameters.draws();
    }

    /** Seeds of forest {@code forest} of task {@code task} (functions of the plan's coordinates only). */
    public DrawSeeds seeds(int task, int forest) {
        return engine.seeds(tasks.get(task), forest);
    }

    /** Values per source that unit {@code u} contributes (its forests' target realisations). */
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
        return u.forests() * cost.secondsPerForest(t.trainRows().length)
                + (double) unitDraws(u) * t.targetRows().length * cost.secondsPerPrediction();
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
        Objects.requireNonNull(cost, "cost");
        double[] each = new double[units.size()];
        for (WorkUnit u : units) {
            each[u.index()] = unitSeconds(u, cost);
        }
        return makespan(each, threads);
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
