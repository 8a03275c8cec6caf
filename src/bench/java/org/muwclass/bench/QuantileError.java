package org.muwclass.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.aggregate.ProbabilitySummary;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SharedWorkPool;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TrainingSetReader;

/**
 * The error of the bounded-memory quantiles (issue 15 item 6) on a real run: classifies FIELD.csv once, keeps every
 * unit's values, and compares per source and class the median and 2-sigma quantiles of {@code assemble} (lattice
 * counts, {@code QuantileCounts}) with the exact ones from all kept values. Prints, per statistic, the largest and
 * mean absolute difference, the share of (source, class) pairs that agree exactly (1e-6), and the largest difference
 * in units of the source's e_P for that class.
 *
 * <p>Arguments: FIELD.csv [equivalent draws = 300] [targets per forest = 20] [E(B-V) grid = 0.1] [threads = cores]
 * [trees = 100].
 */
public final class QuantileError {

    private QuantileError() {
    }

    public static void main(String[] args) throws Exception {
        Path field = Path.of(args[0]);
        int eq = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double grid = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        int trees = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        List<SourceMeasurements> targets = SourceTableReader.readTargets(CsvTable.read(field));
        ClassificationRun run = new ClassificationRun(TrainingSetReader.readDefault(),
                LearnerCatalogue.standard(trees), XrayAbsorption.loadDefault(), EbvResolver.standard());
        RunParameters p = RunParameters.of(1, 1L).withAlgorithm("fastrf").withTargetsPerForest(m)
                .withEquivalentDraws(eq).withEbvGrid(grid).withThreads(threads).withDrawsPerUnit(1);
        ClassificationPlan plan = run.plan(targets, p);
        long t0 = System.nanoTime();
        List<ProbabilityAccumulator> partials;
        try (SharedWorkPool pool = new SharedWorkPool(threads, "quantile-error")) {
            partials = Arrays.asList(pool.runAll(plan.unitCount(), plan::runUnit, ProgressListener.NONE));
        }
        ClassificationResult bounded = plan.assemble(partials);
        ProbabilityAccumulator exact = plan.targetSums(partials);
        String[] names = {"median", "2.275%", "97.725%"};
        double[] maxAbs = new double[3];
        double[] sumAbs = new double[3];
        long[] same = new long[3];
        double[] maxSigma = new double[3];
        long pairs = 0;
        for (int i = 0; i < targets.size(); i++) {
            ProbabilitySummary a = bounded.sources().get(i).probabilities();
            ProbabilitySummary e = exact.summary(i);
            for (int c = 0; c < SourceClass.count(); c++) {
                double[] x = {a.median()[c], a.lower2Sigma()[c], a.upper2Sigma()[c]};
                double[] y = {e.median()[c], e.lower2Sigma()[c], e.upper2Sigma()[c]};
                for (int k = 0; k < 3; k++) {
                    double d = Math.abs(x[k] - y[k]);
                    maxAbs[k] = Math.max(maxAbs[k], d);
                    sumAbs[k] += d;
                    same[k] += d <= 1e-6 ? 1 : 0;
                    if (e.std()[c] > 0) {
                        maxSigma[k] = Math.max(maxSigma[k], d / e.std()[c]);
                    }
                }
                pairs++;
            }
        }
        Bench.header("quantile error: " + field.getFileName() + ", " + targets.size() + " sources, "
                + plan.forests() + " forests, " + exact.count() + " values for source 0, fastrf " + trees + " trees, "
                + String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) * 1e-9));
        System.out.println("| statistic | max abs. difference | mean abs. difference | exact (1e-6) | max difference"
                + " / e_P |");
        System.out.println("|---|---|---|---|---|");
        for (int k = 0; k < 3; k++) {
            System.out.printf(Locale.ROOT, "| %s | %.5f | %.6f | %.1f%% | %.3f |%n", names[k], maxAbs[k],
                    sumAbs[k] / pairs, 100.0 * same[k] / pairs, maxSigma[k]);
        }
    }
}
