package org.muwclass.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.NodePlanning;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TrainingSetReader;

/**
 * The node plans side by side on one table (issue 15 item 4): {@link NodePlanning#UNIFORM} (every grid node, the
 * run's forests at each: the plan before item 4) and {@link NodePlanning#MEASURED} (the default). Prints per plan the
 * nodes, forests, target realisations and the planner's quote ({@code CostModel.reference}) on the given threads;
 * with "run", classifies the table with both (same seed) and prints the wall time of each and the fidelity of the
 * measured plan against the uniform one: class agreement, max and median |dP| of the uniform plan's class, and the
 * median |dP| / e_P (two runs of N_eq equivalent draws each differ by median |dP| / e_P ~ 0.95 / sqrt(N_eq)).
 *
 * <p>Arguments: TABLE.csv [equivalent draws = 1000] [targets per forest = 20] [E(B-V) grid = 0.1] [threads = 2]
 * [run|noise|plan = plan] [trees = 100]. "noise" runs as "run" and then the uniform plan again with seed 2, compared
 * with seed 1 the same way: the Monte-Carlo noise of two independent runs, the scale for the differences above.
 */
public final class NodePlanComparison {

    private NodePlanComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        int eq = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double grid = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        boolean noise = args.length > 5 && args[5].equals("noise");
        boolean execute = noise || args.length > 5 && args[5].equals("run");
        int trees = args.length > 6 ? Integer.parseInt(args[6]) : 100;
        List<SourceMeasurements> targets = SourceTableReader.readTargets(CsvTable.read(table));
        ClassificationRun run = new ClassificationRun(TrainingSetReader.readDefault(),
                LearnerCatalogue.standard(trees), XrayAbsorption.loadDefault(), EbvResolver.standard());
        RunParameters p = RunParameters.of(1, 1L).withAlgorithm("fastrf").withTargetsPerForest(m)
                .withEquivalentDraws(eq).withEbvGrid(grid).withThreads(threads).withKeepQuantiles(false);
        CostModel cost = CostModel.reference("fastrf", trees);
        Bench.header(String.format(Locale.ROOT, "node plans: %s, %d sources, %d equivalent draws (%d draws, %d forests "
                        + "x %d per task), E(B-V) grid %.3f, %d threads, fastrf %d trees", table.getFileName(),
                targets.size(), eq, p.draws(), p.forestsPerTask(), m, grid, threads, trees));
        ClassificationResult[] results = new ClassificationResult[2];
        NodePlanning[] plannings = {NodePlanning.UNIFORM, NodePlanning.MEASURED};
        for (int i = 0; i < 2; i++) {
            ClassificationPlan plan = run.withNodePlanning(plannings[i]).plan(targets, p);
            System.out.printf(Locale.ROOT, "%-8s tasks %3d  forests %6d  predictions %10d  quote %6.0f s on %d "
                            + "threads%n  %s%n", plannings[i].value(), plan.taskCount(), plan.forests(),
                    plan.predictions(), plan.estimateSeconds(cost, threads), threads, plan.estimator());
            if (execute) {
                long t0 = System.nanoTime();
                results[i] = plan.execute(UnitExecutor.local(threads, null), ProgressListener.NONE);
                System.out.printf(Locale.ROOT, "  wall %.0f s, %s%n", (System.nanoTime() - t0) / 1e9, Bench.uptime());
            }
        }
        if (execute) {
            compare("measured vs uniform", results[0], results[1]);
        }
        if (noise) {
            long t0 = System.nanoTime();
            ClassificationResult other = run.withNodePlanning(NodePlanning.UNIFORM).plan(targets, p.withMasterSeed(2L))
                    .execute(UnitExecutor.local(threads, null), ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "uniform, seed 2: wall %.0f s%n", (System.nanoTime() - t0) / 1e9);
            compare("uniform seed 2 vs seed 1 (noise)", results[0], other);
        }
        Bench.footer();
    }

    private static void compare(String what, ClassificationResult a, ClassificationResult b) {
        int n = a.sources().size();
        int same = 0;
        double maxDp = 0;
        double[] dp = new double[n];
        double[] z = new double[n];
        int nz = 0;
        for (int i = 0; i < n; i++) {
            SourceResult x = a.sources().get(i);
            SourceResult y = b.sources().get(i);
            same += x.decision().predicted() == y.decision().predicted() ? 1 : 0;
            for (int c = 0; c < x.probabilities().mean().length; c++) {
                maxDp = Math.max(maxDp, Math.abs(x.probabilities().mean()[c] - y.probabilities().mean()[c]));
            }
            int c = x.decision().predicted().ordinal();
            dp[i] = Math.abs(x.probabilities().mean()[c] - y.probabilities().mean()[c]);
            if (x.probabilities().std()[c] > 1e-6) {
                z[nz++] = dp[i] / x.probabilities().std()[c];
            }
        }
        java.util.Arrays.sort(dp);
        double[] zs = java.util.Arrays.copyOf(z, nz);
        java.util.Arrays.sort(zs);
        System.out.printf(Locale.ROOT, "%s: same class %.2f%% (%d of %d), max |dP| %.4f (any class), "
                        + "median |dP| %.4f and median |dP| / e_P %.4f (class of the first)%n", what,
                100.0 * same / n, same, n, maxDp, Bench.median(dp), Bench.median(zs));
    }
}
