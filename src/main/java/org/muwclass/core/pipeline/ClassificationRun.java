package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.muwclass.core.aggregate.ClassDecision;
import org.muwclass.core.aggregate.ProbabilitySummary;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.physics.ExtinctionBins;
import org.muwclass.core.physics.SparseEbvGrid;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.training.TrainingMatches;
import org.muwclass.core.training.TrainingSet;

/**
 * Classifies field sources (the paper's GCS procedure, docs/algorithm.md §6.1 and §9): targets are grouped by E(B-V) in
 * 0.025 mag bins ({@link ExtinctionBins}); each bin's targets share one training set reddened to the bin's mean E(B-V)
 * in every draw. Work units are (bin, range of draws) on a bounded pool; results are bit-identical at any thread count
 * for fixed parameters. Immutable and reusable; the tbabs table and the training set are shared read-only.
 */
public final class ClassificationRun {

    private static final Logger LOG = Logger.getLogger(ClassificationRun.class.getName());

    private final PipelineSetup setup;
    private final NodePlanning nodePlanning;

    /** @param setup training set, learners, tbabs and E(B-V) source of the run */
    public ClassificationRun(PipelineSetup setup) {
        this(setup, NodePlanning.MEASURED);
    }

    private ClassificationRun(PipelineSetup setup, NodePlanning nodePlanning) {
        this.setup = setup;
        this.nodePlanning = Objects.requireNonNull(nodePlanning, "nodePlanning");
    }

    /**
     * The same run with another choice of E(B-V) grid nodes and forests per node (grid runs only; the default is
     * {@link NodePlanning#MEASURED}).
     */
    public ClassificationRun withNodePlanning(NodePlanning planning) {
        return new ClassificationRun(setup, planning);
    }

    /** As {@link #ClassificationRun(PipelineSetup)} with the four parts given one by one. */
    public ClassificationRun(TrainingSet training, LearnerCatalogue catalogue, XrayAbsorption absorption,
                             EbvResolver ebvResolver) {
        this(new PipelineSetup(training, catalogue, absorption, ebvResolver));
    }

    /** The shipped training set, the standard catalogue, tbabs and the SFD map. */
    public static ClassificationRun standard(TrainingSet training) {
        return new ClassificationRun(training, LearnerCatalogue.standard(), XrayAbsorption.loadDefault(),
                EbvResolver.standard());
    }

    /** Runs on a private pool of {@link RunParameters#threads()} threads. */
    public ClassificationResult run(List<SourceMeasurements> targets, RunParameters p, ProgressListener progress) {
        return run(targets, p, progress, null);
    }

    /**
     * Classifies the targets.
     *
     * @param targets  sources to classify (labels, if any, are carried to the results)
     * @param executor pool to run the work units on (e.g. a container-managed one), or null for a private pool
     * @throws IllegalArgumentException for an unknown algorithm or a missing E(B-V) the policy requires
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     */
    public ClassificationResult run(List<SourceMeasurements> targets, RunParameters p, ProgressListener progress,
                                    ExecutorService executor) {
        return plan(targets, p).execute(UnitExecutor.local(p.threads(), executor), progress);
    }

    /**
     * Plans a run without running it: resolves E(B-V), groups the targets into bins and lists the work units.
     * Deterministic: the same targets and parameters give the same plan on any machine.
     *
     * @throws IllegalArgumentException for no targets, an unknown algorithm or a missing E(B-V) the policy requires
     */
    public ClassificationPlan plan(List<SourceMeasurements> targets, RunParameters p) {
        return plan(targets, p, TrainingOverlap.LOO);
    }

    /** The training sources among the targets ({@link TrainingMatches}), for flagging them in a result. */
    public TrainingMatches matches(List<SourceMeasurements> targets) {
        return TrainingMatches.find(targets, setup.training().sources());
    }

    /**
     * Plans a run; with {@link TrainingOverlap#LOO}, targets that are training sources are classified by forests
     * trained without the rows they match: in each E(B-V) task they form a second task, with the same key and
     * reddening, whose training set lacks the rows matched by any of them. Results stay in target order.
     *
     * @throws IllegalArgumentException for no targets, an unknown algorithm or a missing E(B-V) the policy requires
     */
    public ClassificationPlan plan(List<SourceMeasurements> targets, RunParameters p, TrainingOverlap overlap) {
        return plan(targets, p, overlap, overlap == TrainingOverlap.LOO ? matches(targets) : TrainingMatches.none());
    }

    /**
     * As {@link #plan(List, RunParameters, TrainingOverlap)} with the targets' training matches already found
     * ({@link #matches}), so a caller that also flags them in the result matches the targets once.
     *
     * @param matches the training sources among {@code targets}, by target index; used only with
     *                {@link TrainingOverlap#LOO}
     */
    public ClassificationPlan plan(List<SourceMeasurements> targets, RunParameters p, TrainingOverlap overlap,
                                   TrainingMatches matches) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("No target sources to classify");
        }
        Learner learner = setup.catalogue().get(p.algorithm());
        double[] ebv = setup.ebvResolver().resolve(targets, p.ebvPolicy());
        double[] targetEbvUsed = new double[targets.size()];
        NodePlan nodePlan = null;
        List<DrawTask> tasks = new ArrayList<>();
        List<Double> ebvUsed = new ArrayList<>();
        int[] all = new int[setup.training().size()];
        Arrays.setAll(all, i -> i);
        if (p.ebvPolicy() == EbvPolicy.NONE) {
            int[] members = new int[targets.size()];
            Arrays.setAll(members, i -> i);
            tasks.add(new DrawTask(0, all, members, AgnReddening.NONE));
            ebvUsed.add(0.0);
        } else if (p.ebvGrid() == null) {
            for (ExtinctionBins.Bin bin : ExtinctionBins.group(ebv)) {
                tasks.add(new DrawTask(bin.index(), all, bin.members(),
                        AgnReddening.forEbv(bin.meanEbv(), setup.absorption())));
                ebvUsed.add(bin.meanEbv());
                for (int m : bin.members()) {
                    targetEbvUsed[m] = bin.meanEbv();
                }
            }
        } else {
            nodePlan = gridTasks(ebv, p, all, tasks, ebvUsed, targetEbvUsed);
        }
        if (overlap == TrainingOverlap.LOO) {
            leaveMatchesOut(matches, tasks, ebvUsed);
        }
        String what = p.ebvGrid() == null ? " E(B-V) bins, "
                : " E(B-V) grid nodes (relative step " + p.ebvGridStep() + "), ";
        LOG.info(() -> "Classifying " + targets.size() + " sources with " + tasks.size() + what
                + p.draws() + " draws (" + p.forestsPerTask() + " forests per task), " + p.algorithm());
        MonteCarloEngine engine = new MonteCarloEngine(setup.training().sources(), targets, false, learner, p);
        return new ClassificationPlan(targets, p, setup.training(), learner.name(), ebv, targetEbvUsed, tasks, ebvUsed,
                engine, p.ebvPolicy().name() + estimatorNote(p)
                        + (nodePlan == null ? "" : ", " + nodePlan.describe()));
    }

    /**
     * Tasks of an interpolating E(B-V) grid: one per node at which some target takes a value, in node order; a
     * target between nodes k and k + 1 is a member of both. The nodes and the forests per node follow the run's
     * {@link NodePlanning}: a cell (k, k + 1) has the larger of its two nodes' forests, and its sources take their
     * values of those forests only. A target's effective E(B-V) is the value-weighted mean of its two nodes'.
     *
     * @return the node plan, for provenance
     */
    private NodePlan gridTasks(double[] ebv, RunParameters p, int[] all, List<DrawTask> tasks, List<Double> ebvUsed,
                               double[] targetEbvUsed) {
        SparseEbvGrid grid = nodePlanning.nodes(p.ebvGrid());
        NodeForests sizing = nodePlanning.forests();
        Map<Integer, ForestSplit> splits = new TreeMap<>();
        IntFunction<ForestSplit> cellSplit = k -> splits.computeIfAbsent(
                Math.max(sizing.forests(grid.nodeEbv(k), p), sizing.forests(grid.nodeEbv(k + 1), p)),
                ForestSplit::of);
        EbvGrid.Placement[] place = new EbvGrid.Placement[ebv.length];
        TreeMap<Integer, List<Integer>> byNode = new TreeMap<>();
        for (int i = 0; i < ebv.length; i++) {
            try {
                place[i] = grid.place(ebv[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source " + i + ": " + e.getMessage());
            }
            int k = place[i].lowerNode();
            ForestSplit split = cellSplit.apply(k);
            long values = ValueShare.cellValues(split.forests(), p);
            long upper = ValueShare.upperValues(split, place[i].upperWeight(), p);
            if (upper < values) {
                byNode.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
            if (upper > 0) {
                byNode.computeIfAbsent(k + 1, x -> new ArrayList<>()).add(i);
            }
            double low = grid.nodeEbv(k);
            targetEbvUsed[i] = low + (grid.nodeEbv(k + 1) - low) * upper / values;
        }
        List<NodePlan.Node> planned = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> node : byNode.entrySet()) {
            int k = node.getKey();
            int[] members = node.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] weight = new double[members.length];
            boolean[] upper = new boolean[members.length];
            for (int j = 0; j < members.length; j++) {
                weight[j] = place[members[j]].upperWeight();
                upper[j] = place[members[j]].lowerNode() != k;
            }
            double nodeEbv = grid.nodeEbv(k);
            ForestSplit above = cellSplit.apply(k);
            ForestSplit below = k > 0 ? cellSplit.apply(k - 1) : above;
            ValueShare share = new ValueShare(weight, upper, above, p.targetsPerForest(), below);
            tasks.add(new DrawTask(grid.nodeKey(k), all, members, AgnReddening.forEbv(nodeEbv, setup.absorption()),
                    share));
            ebvUsed.add(nodeEbv);
            planned.add(new NodePlan.Node(grid.baseNode(k), nodeEbv, share.forests()));
        }
        int shared = 0; // full-grid nodes inside the cells some source lies in
        for (int k : byNode.keySet()) {
            if (byNode.containsKey(k + 1)) {
                shared += grid.baseNode(k + 1) - grid.baseNode(k) - 1;
            }
        }
        return new NodePlan(nodePlanning, grid.describe(), planned, shared);
    }

    /**
     * Splits every task with matched targets into its unmatched members (training set unchanged) and its matched
     * members (training set without their matched rows). Training row ids stay those of the full set, so the other
     * training rows are sampled exactly as in the unsplit task.
     */
    private static void leaveMatchesOut(TrainingMatches matches, List<DrawTask> tasks, List<Double> ebvUsed) {
        if (matches.isEmpty()) {
            return;
        }
        List<DrawTask> split = new ArrayList<>();
        List<Double> splitEbv = new ArrayList<>();
        int matchedTasks = 0;
        for (int t = 0; t < tasks.size(); t++) {
            DrawTask task = tasks.get(t);
            int[] rows = task.targetRows();
            int[] matched = IntStream.range(0, rows.length).filter(j -> matches.of(rows[j]).isPresent()).toArray();
            if (matched.length == 0) {
                split.add(task);
                splitEbv.add(ebvUsed.get(t));
                continue;
            }
            int[] kept = IntStream.range(0, rows.length).filter(j -> matches.of(rows[j]).isEmpty()).toArray();
            if (kept.length > 0) {
                split.add(subTask(task, task.trainRows(), kept));
                splitEbv.add(ebvUsed.get(t));
            }
            int[] matchedTargets = Arrays.stream(matched).map(j -> rows[j]).toArray();
            int[] excluded = matches.trainingRowsOf(matchedTargets);
            int[] train = Arrays.stream(task.trainRows()).filter(r -> Arrays.binarySearch(excluded, r) < 0).toArray();
            split.add(subTask(task, train, matched));
            splitEbv.add(ebvUsed.get(t));
            matchedTasks++;
        }
        tasks.clear();
        tasks.addAll(split);
        ebvUsed.clear();
        ebvUsed.addAll(splitEbv);
        int n = matchedTasks;
        LOG.info(() -> matches.size() + " targets are training sources: classified leave-one-out, in " + n
                + " tasks trained without the rows they match");
    }

    /** The task restricted to its members at positions {@code members}, trained on {@code train}. */
    private static DrawTask subTask(DrawTask task, int[] train, int[] members) {
        int[] rows = Arrays.stream(members).map(j -> task.targetRows()[j]).toArray();
        ValueShare share = task.share();
        if (share == null) {
            return new DrawTask(task.key(), train, rows, task.reddening());
        }
        double[] weight = new double[members.length];
        boolean[] upper = new boolean[members.length];
        for (int i = 0; i < members.length; i++) {
            weight[i] = share.upperWeight()[members[i]];
            upper[i] = share.upperMember()[members[i]];
        }
        return new DrawTask(task.key(), train, rows, task.reddening(),
                new ValueShare(weight, upper, share.split(), share.valuesPerForest(), share.splitBelow()));
    }

    /** Provenance note of the Monte-Carlo estimator and E(B-V) treatment where they differ from the paper's. */
    static String estimatorNote(RunParameters p) {
        String note = p.targetsPerForest() == 1 ? ""
                : ", shared forests: " + p.forestsPerTask() + " forests x " + p.targetsPerForest()
                        + " target realisations per task";
        if (p.ebvGrid() != null && p.ebvPolicy() != EbvPolicy.NONE) {
            EbvGrid grid = p.ebvGrid();
            note += ", E(B-V) grid: relative step " + p.ebvGridStep() + " (0.025 mag below "
                    + String.format(Locale.ROOT, "%.3g", grid.nodeEbv(grid.linearNodes()))
                    + " mag), linear interpolation";
        }
        return note;
    }

    static SourceResult result(SourceMeasurements s, double ebvSource, double ebvUsed, ProbabilitySummary sum,
                               double ctThreshold) {
        ClassDecision d = ClassDecision.of(sum.mean(), sum.std());
        return new SourceResult(s.name(), s.raDeg(), s.decDeg(), ebvSource, ebvUsed, sum, d,
                d.confident(ctThreshold), s.trueClass());
    }
}
