package org.muwclass.core.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * Direct measurement of the shared-forest estimator's design effect on a real field (docs/science-notes.md): F
 * forests per bin, each evaluated on M target realisations, all values kept. Per source, for its predicted class
 * (argmax of the mean), a one-way ANOVA over forests gives the within-forest mean square MSW and the between-forest
 * one MSB; the forest share of the per-draw variance is rho = s_F^2 / (s_F^2 + MSW) with s_F^2 = max(0, (MSB - MSW) /
 * M), and the equivalent number of independent draws of the F x M values is N_eq = F M / (1 + (M - 1) rho) (Kish's
 * design effect). Prints quantiles over sources of rho and N_eq, and the M that minimises the cost of a given N_eq
 * with the measured per-forest and per-prediction costs.
 *
 * <p>Arguments: FIELD.csv F M trees [oneBin=true]. Not a unit test (it sits in src/bench/java, in this package for
 * its package-private access): {@code scripts/bench/bench.sh org.muwclass.core.pipeline.EstimatorVarianceStudy
 * FIELD.csv F M trees} (docs/benchmarks.md).
 */
public final class EstimatorVarianceStudy {

    private EstimatorVarianceStudy() {
    }

    public static void main(String[] args) {
        Path field = Path.of(args[0]);
        int forests = Integer.parseInt(args[1]);
        int m = Integer.parseInt(args[2]);
        int trees = Integer.parseInt(args[3]);
        boolean oneBin = args.length <= 4 || Boolean.parseBoolean(args[4]);
        List<SourceMeasurements> targets = SourceTableReader.readTargets(CsvTable.read(field));
        if (oneBin) {
            double[] ebv = EbvResolver.standard().resolve(targets, EbvPolicy.DUST_MAP);
            double mean = Arrays.stream(ebv).average().orElseThrow();
            List<SourceMeasurements> out = new ArrayList<>();
            for (SourceMeasurements s : targets) {
                out.add(new SourceMeasurements(s.name(), s.raDeg(), s.decDeg(), s.posErrArcsec(), s.significance(),
                        s.flux(), s.fluxErr(), s.pInter(), s.pIntra(), s.mag(), s.magErr(), mean, s.trueClass()));
            }
            targets = out;
        }
        TrainingSet td = TrainingSetReader.readDefault();
        Learner learner = LearnerCatalogue.standard(trees).get("fastrf");
        ClassificationRun run = new ClassificationRun(td, LearnerCatalogue.standard(trees),
                XrayAbsorption.loadDefault(), EbvResolver.standard());
        RunParameters p = RunParameters.of(forests * m, 11L).withAlgorithm("fastrf").withTargetsPerForest(m)
                .withEbvPolicy(oneBin ? EbvPolicy.TABLE : EbvPolicy.TABLE_ELSE_DUST_MAP);
        ClassificationPlan plan = run.plan(targets, p);
        System.out.printf(Locale.ROOT, "# %s: %d sources, %d bins, %d forests x %d realisations, fastrf %d trees%n",
                field.getFileName(), targets.size(), plan.tasks().size(), forests, m, trees);
        List<Double> rhos = new ArrayList<>();
        List<Double> neqs = new ArrayList<>();
        int constant = 0;
        long fitNs = 0;
        long predictNs = 0;
        long predictions = 0;
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int t = 0; t < plan.tasks().size(); t++) {
            DrawTask task = plan.tasks().get(t);
            List<SourceMeasurements> test = new ArrayList<>();
            for (int r : task.targetRows()) {
                test.add(targets.get(r));
            }
            int n = test.size();
            double[][][] v = new double[n][forests][m]; // per source, forest, realisation: all 8 classes summed below
            double[][] classMean = new double[n][8];
            double[][][][] all = new double[forests][m][][];
            for (int f = 0; f < forests; f++) {
                long c0 = bean.getCurrentThreadCpuTime();
                DrawSeeds seeds = plan.seeds(t, f);
                OneDraw.Trained tr = OneDraw.train(td.sources(), task.trainRows(), task.reddening(), learner, seeds);
                long c1 = bean.getCurrentThreadCpuTime();
                for (int k = 0; k < m; k++) {
                    all[f][k] = tr.predict(test, task.targetRows(), seeds.targetSampling(k));
                }
                long c2 = bean.getCurrentThreadCpuTime();
                fitNs += c1 - c0;
                predictNs += c2 - c1;
                predictions += (long) m * n;
                for (int k = 0; k < m; k++) {
                    for (int j = 0; j < n; j++) {
                        for (int c = 0; c < 8; c++) {
                            classMean[j][c] += all[f][k][j][c];
                        }
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                int best = 0;
                for (int c = 1; c < 8; c++) {
                    if (classMean[j][c] > classMean[j][best]) {
                        best = c;
                    }
                }
                for (int f = 0; f < forests; f++) {
                    for (int k = 0; k < m; k++) {
                        v[j][f][k] = all[f][k][j][best];
                    }
                }
                double grand = 0;
                double[] fm = new double[forests];
                for (int f = 0; f < forests; f++) {
                    for (int k = 0; k < m; k++) {
                        fm[f] += v[j][f][k];
                    }
                    fm[f] /= m;
                    grand += fm[f];
                }
                grand /= forests;
                double ssw = 0;
                double ssb = 0;
                for (int f = 0; f < forests; f++) {
                    ssb += m * (fm[f] - grand) * (fm[f] - grand);
                    for (int k = 0; k < m; k++) {
                        ssw += (v[j][f][k] - fm[f]) * (v[j][f][k] - fm[f]);
                    }
                }
                double msw = ssw / (forests * (m - 1.0));
                double msb = ssb / (forests - 1.0);
                double sF = Math.max(0, (msb - msw) / m);
                if (sF + msw == 0) {
                    constant++;
                    continue;
                }
                double rho = sF / (sF + msw);
                rhos.add(rho);
                neqs.add(forests * m / (1 + (m - 1) * rho));
            }
        }
        double[] r = rhos.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] q = neqs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double cf = fitNs * 1e-9 / (forests * plan.tasks().size());
        double cp = predictNs * 1e-9 / predictions;
        double nPerBin = targets.size() / (double) plan.tasks().size();
        double rhoMed = r[r.length / 2];
        double mOpt = Math.sqrt((1 - rhoMed) / rhoMed * cf / (nPerBin * cp));
        System.out.printf(Locale.ROOT, "constant sources (no variance) %d of %d%n", constant, targets.size());
        System.out.printf(Locale.ROOT, "rho (forest share of per-draw variance): p16 %.3f median %.3f p84 %.3f "
                + "mean %.3f%n", q(r, 0.16), rhoMed, q(r, 0.84), Arrays.stream(r).average().orElse(0));
        System.out.printf(Locale.ROOT, "N_eq of %d x %d = %d values: p16 %.0f median %.0f p84 %.0f%n", forests, m,
                forests * m, q(q, 0.16), q[q.length / 2], q(q, 0.84));
        System.out.printf(Locale.ROOT, "costs (thread CPU): %.3f s per forest, %.1f us per target realisation; "
                + "cost-optimal M for median rho: %.1f%n", cf, cp * 1e6, mOpt);
        for (int mm : new int[] {1, 5, 10, 20, 50}) {
            // forests needed for N_eq = 1000 at the median and 84th-percentile rho
            double f50 = 1000 * (1 + (mm - 1) * rhoMed) / mm;
            double f84 = 1000 * (1 + (mm - 1) * q(r, 0.84)) / mm;
            System.out.printf(Locale.ROOT, "M %2d: forests per bin for N_eq 1000: %.0f (median rho), %.0f (p84 rho)%n",
                    mm, Math.ceil(f50), Math.ceil(f84));
        }
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.floor(p * (sorted.length - 1))];
    }
}
