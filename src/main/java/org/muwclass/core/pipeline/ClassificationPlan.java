package org.muwclass.core.pipeline;

import java.util.Arrays;
import java.util.List;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TrainingSet;

/**
 * A planned classification run (from {@link ClassificationRun#plan}): its E(B-V) tasks and work units. Any unit can
 * be run on its own, on any thread or machine that builds the same plan from the same inputs; {@link #assemble}
 * merges the units' partial sums in unit order into the final result. Immutable; {@link #runUnit} is thread-safe.
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
        this.units = List.copyOf(MonteCarloEngine.units(tasks.size(), parameters.draws(), parameters.drawsPerUnit()));
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
        List<ProbabilityAccumulator> acc = MonteCarloEngine.merge(tasks, units, partials, parameters.keepQuantiles());
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
                parameters.ebvPolicy().name(), Provenance.softwareVersion());
        return new ClassificationResult(Arrays.asList(results), prov);
    }
}
