package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.MonteCarloSampler;
import org.muwclass.core.sampling.Seeds;
import org.muwclass.core.sampling.XrayNoiseModel;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * How much the reddened training set and the class probabilities change from one E(B-V) grid node to the next, and
 * the intra-forest correlation rho at every node, from E_min to E_max mag (issue 15 item 4; docs/benchmarks.md,
 * section "Grid nodes and forests per node measured to 40 mag").
 *
 * <p>Probes: every 10th training source (a cross-validation fold, so none is trained on); training: the other 90%.
 * Every node trains the same F forests with the same seeds (training realisation, SMOTE, learner) and predicts the same
 * M realisations of every probe: common random numbers, so the difference between two nodes is the effect of the
 * reddening alone plus the chaotic response of the trees, and its noise is measured forest by forest (paired).
 *
 * <p>Printed per node: (A) the training matrix against the next node on the first realisations: AGN feature entries
 * whose missing flag changes (survey depths) and entries whose rank in their column changes (what a tree split can
 * see); (B) per probe, for its class c at the node: d = P(E_k+1) - P(E_k), in units of the per-draw sigma,
 * RMS over probes, with the RMS of its paired standard error (the resolution), the bias estimate
 * sqrt(max(0, mean(d^2 - SE^2))), max |dP| and class agreement; (C) rho per probe from a one-way ANOVA over forests
 * (16th / 50th / 84th percentile). Then, for widened grids keeping every s-th node (s = 2, 3, 4), the interpolation
 * error at the dropped nodes: P(E_j) - the linear interpolation of P(E_a), P(E_b) in E(B-V), same statistics.
 *
 * <p>Arguments: F forests, M realisations per forest, trees, threads, E_min, E_max, relative grid step (0.1). Not a
 * unit test.
 */
public final class NodeChangeStudy {

    private NodeChangeStudy() {
    }

    public static void main(String[] args) throws Exception {
        int forests = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        int trees = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        double eMin = Double.parseDouble(args[4]);
        double eMax = Double.parseDouble(args[5]);
        double step = args.length > 6 ? Double.parseDouble(args[6]) : 0.1;
        EbvGrid grid = new EbvGrid(step);
        int k0 = grid.place(eMin).lowerNode();
        int k1 = grid.place(eMax).lowerNode() + 1;
        int nodes = k1 - k0 + 1;
        double[] ebv = new double[nodes];
        for (int k = 0; k < nodes; k++) {
            ebv[k] = grid.nodeEbv(k0 + k);
        }
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> all = td.sources();
        List<SourceMeasurements> train = new ArrayList<>();
        List<SourceMeasurements> probes = new ArrayList<>();
        List<Integer> trainIdList = new ArrayList<>();
        List<Integer> probeIdList = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 10 == 0) {
                probes.add(all.get(i));
                probeIdList.add(i);
            } else {
                train.add(all.get(i));
                trainIdList.add(i);
            }
        }
        int[] trainIds = trainIdList.stream().mapToInt(Integer::intValue).toArray();
        int[] probeIds = probeIdList.stream().mapToInt(Integer::intValue).toArray();
        Learner learner = LearnerCatalogue.standard(trees).get("fastrf");
        XrayAbsorption tbabs = XrayAbsorption.loadDefault();
        AgnReddening[] red = new AgnReddening[nodes];
        for (int k = 0; k < nodes; k++) {
            red[k] = AgnReddening.forEbv(ebv[k], tbabs);
        }
        System.out.printf(Locale.ROOT, "# node change study: %d nodes %.3f..%.3f mag (relative step %.3f), %d probes "
                        + "(every 10th TD row), %d training rows, %d forests x %d realisations per node, %d trees, "
                        + "%d threads, same seeds at every node%n", nodes, ebv[0], ebv[nodes - 1], step, probes.size(),
                train.size(), forests, m, trees, threads);
        long t0 = System.nanoTime();
        matrixChanges(train, trainIds, red, Math.min(3, forests));
        System.out.printf(Locale.ROOT, "# matrix part %.0f s%n", (System.nanoTime() - t0) / 1e9);

        // per node, forest, probe, class: mean over the M realisations; per node, probe, class: within-forest SS
        int nc = SourceClass.count();
        int np = probes.size();
        double[][][][] pf = new double[nodes][forests][][];
        double[][][] ssw = new double[nodes][np][nc];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int k = 0; k < nodes; k++) {
            for (int f = 0; f < forests; f++) {
                int kk = k;
                int ff = f;
                jobs.add(pool.submit(() -> {
                    long[] target = new long[m];
                    for (int r = 0; r < m; r++) {
                        target[r] = Seeds.derive(1L, Seeds.TARGET_SAMPLING, ff, r);
                    }
                    DrawSeeds seeds = new DrawSeeds(Seeds.derive(1L, Seeds.TRAIN_SAMPLING, ff), target,
                            Seeds.derive(1L, Seeds.OVERSAMPLING, ff), Seeds.derive(1L, Seeds.LEARNER, ff));
                    OneDraw.Trained t = OneDraw.train(train, trainIds, red[kk], learner, seeds,
                            XrayNoiseModel.DEFAULT);
                    double[][][] v = new double[m][][];
                    for (int r = 0; r < m; r++) {
                        v[r] = t.predict(probes, probeIds, seeds.targetSampling(r));
                    }
                    double[][] mean = new double[np][nc];
                    double[][] ss = new double[np][nc];
                    for (int i = 0; i < np; i++) {
                        for (int c = 0; c < nc; c++) {
                            double s = 0;
                            for (int r = 0; r < m; r++) {
                                s += v[r][i][c];
                            }
                            double mu = s / m;
                            double q = 0;
                            for (int r = 0; r < m; r++) {
                                q += (v[r][i][c] - mu) * (v[r][i][c] - mu);
                            }
                            mean[i][c] = mu;
                            ss[i][c] = q;
                        }
                    }
                    synchronized (ssw) {
                        pf[kk][ff] = mean;
                        for (int i = 0; i < np; i++) {
                            for (int c = 0; c < nc; c++) {
                                ssw[kk][i][c] += ss[i][c];
                            }
                        }
                    }
                }));
            }
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "# forests %d in %.0f s%n", nodes * forests, (System.nanoTime() - t0) / 1e9);

        // per node: P (mean), sigma (per-draw), class, rho
        double[][][] p = new double[nodes][np][nc];
        double[][][] sigma = new double[nodes][np][nc];
        int[][] cls = new int[nodes][np];
        double[][] rho = new double[nodes][np];
        for (int k = 0; k < nodes; k++) {
            for (int i = 0; i < np; i++) {
                for (int c = 0; c < nc; c++) {
                    double s = 0;
                    for (int f = 0; f < forests; f++) {
                        s += pf[k][f][i][c];
                    }
                    double mu = s / forests;
                    double ssb = 0;
                    for (int f = 0; f < forests; f++) {
                        ssb += m * (pf[k][f][i][c] - mu) * (pf[k][f][i][c] - mu);
                    }
                    p[k][i][c] = mu;
                    sigma[k][i][c] = Math.sqrt((ssb + ssw[k][i][c]) / (forests * m - 1.0));
                }
                int c = argmax(p[k][i]);
                cls[k][i] = c;
                double msb = 0;
                for (int f = 0; f < forests; f++) {
                    msb += m * (pf[k][f][i][c] - p[k][i][c]) * (pf[k][f][i][c] - p[k][i][c]);
                }
                msb /= forests - 1.0;
                double msw = m > 1 ? ssw[k][i][c] / (forests * (m - 1.0)) : Double.NaN;
                double sf2 = Math.max(0, (msb - msw) / m);
                rho[k][i] = sf2 + msw > 0 ? sf2 / (sf2 + msw) : Double.NaN;
            }
        }
        System.out.println("E_k     E_k+1   rms_d/sig  rms_SE/sig  bias/sig  median|d|/sig  max|dP|  class_agree  "
                + "rho16  rho50  rho84  (rho at E_k)");
        for (int k = 0; k < nodes; k++) {
            double[] r = finite(rho[k]);
            String rhos = String.format(Locale.ROOT, "%5.3f  %5.3f  %5.3f", pct(r, 0.16), pct(r, 0.5), pct(r, 0.84));
            if (k + 1 == nodes) {
                System.out.printf(Locale.ROOT, "%-7.3f %-7s %s%n", ebv[k], "-", rhos);
                continue;
            }
            double[] w = new double[nodes];
            w[k + 1] = 1;
            w[k] = -1;
            Stat s = stat(pf, p, sigma, cls, k, w);
            int agree = 0;
            for (int i = 0; i < np; i++) {
                agree += cls[k][i] == cls[k + 1][i] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-7.3f %-7.3f %9.4f %11.4f %9.4f %14.4f %8.4f %12.4f  %s%n", ebv[k],
                    ebv[k + 1], s.rms, s.rmsSe, s.bias, s.median, s.maxDp, agree / (double) np, rhos);
        }
        for (int s = 2; s <= 4; s++) {
            System.out.printf(Locale.ROOT, "# widened grid: every %d-th node (relative step %.3f); interpolation "
                    + "error at the dropped nodes%n", s, Math.pow(1 + step, s) - 1);
            System.out.println("E_a     E_j     E_b     rms_e/sig  rms_SE/sig  bias/sig  median|e|/sig  max|e_P|");
            for (int a = 0; a + s < nodes; a += s) {
                int b = a + s;
                for (int j = a + 1; j < b; j++) {
                    double t = (ebv[j] - ebv[a]) / (ebv[b] - ebv[a]);
                    double[] w = new double[nodes];
                    w[j] = 1;
                    w[a] = -(1 - t);
                    w[b] = -t;
                    Stat st = stat(pf, p, sigma, cls, j, w);
                    System.out.printf(Locale.ROOT, "%-7.3f %-7.3f %-7.3f %9.4f %11.4f %9.4f %14.4f %8.4f%n", ebv[a],
                            ebv[j], ebv[b], st.rms, st.rmsSe, st.bias, st.median, st.maxDp);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Statistics over probes of the contrast sum_k w_k P(E_k) for each probe's class at node {@code ref}. */
    private record Stat(double rms, double rmsSe, double bias, double median, double maxDp) {
    }

    private static Stat stat(double[][][][] pf, double[][][] p, double[][][] sigma, int[][] cls, int ref,
                             double[] w) {
        int np = cls[ref].length;
        int forests = pf[0].length;
        double sumD2 = 0;
        double sumSe2 = 0;
        double maxDp = 0;
        List<Double> abs = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < np; i++) {
            int c = cls[ref][i];
            double sig = sigma[ref][i][c];
            double d = 0;
            for (int k = 0; k < w.length; k++) {
                d += w[k] == 0 ? 0 : w[k] * p[k][i][c];
            }
            maxDp = Math.max(maxDp, Math.abs(d));
            double v = 0;
            for (int f = 0; f < forests; f++) {
                double df = 0;
                for (int k = 0; k < w.length; k++) {
                    df += w[k] == 0 ? 0 : w[k] * pf[k][f][i][c];
                }
                v += (df - d) * (df - d);
            }
            double se2 = v / (forests - 1.0) / forests;
            if (sig > 1e-6) { // a probe whose every value is equal (up to rounding) has no spread to compare with
                sumD2 += d * d / (sig * sig);
                sumSe2 += se2 / (sig * sig);
                abs.add(Math.abs(d) / sig);
                n++;
            }
        }
        double[] a = abs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stat(Math.sqrt(sumD2 / n), Math.sqrt(sumSe2 / n), Math.sqrt(Math.max(0, (sumD2 - sumSe2) / n)),
                pct(a, 0.5), maxDp);
    }

    /** Part A: per neighbouring node pair, AGN entries whose missing flag or column rank changes. */
    private static void matrixChanges(List<SourceMeasurements> train, int[] ids, AgnReddening[] red, int realisations) {
        List<SourceClass> labels = train.stream().map(SourceMeasurements::trueClass).toList();
        int agn = (int) labels.stream().filter(c -> c == SourceClass.AGN).count();
        System.out.println("# training matrix, AGN entries (" + agn + " AGN x 29 features, " + realisations
                + " realisations) changing from node k to k+1");
        System.out.println("E_k     E_k+1   missing_flag_changed  rank_changed  agn_mw_present  "
                + "agn_rows_all_mw_missing");
        double[][][][] x = new double[realisations][red.length][][];
        for (int r = 0; r < realisations; r++) {
            List<Photometry> sample = MonteCarloSampler.sample(train, ids, Seeds.derive(1L, Seeds.TRAIN_SAMPLING, r),
                    XrayNoiseModel.DEFAULT);
            for (int k = 0; k < red.length; k++) {
                x[r][k] = FeatureBuilder.build(red[k].applyToAgn(sample, labels));
            }
        }
        int cols = x[0][0][0].length;
        for (int k = 0; k < red.length; k++) {
            long missing = 0;
            long rank = 0;
            long present = 0;
            long allMissing = 0;
            long entries = 0;
            for (int r = 0; r < realisations; r++) {
                double[][] a = x[r][k];
                for (int i = 0; i < a.length; i++) {
                    if (labels.get(i) != SourceClass.AGN) {
                        continue;
                    }
                    boolean any = false;
                    for (int j = 9; j < cols; j++) {
                        if (!Double.isNaN(a[i][j])) {
                            present++;
                            any = true;
                        }
                    }
                    allMissing += any ? 0 : 1;
                }
                if (k + 1 == red.length) {
                    continue;
                }
                double[][] b = x[r][k + 1];
                for (int j = 0; j < cols; j++) {
                    int[] ra = ranks(a, j);
                    int[] rb = ranks(b, j);
                    for (int i = 0; i < a.length; i++) {
                        if (labels.get(i) != SourceClass.AGN) {
                            continue;
                        }
                        entries++;
                        missing += Double.isNaN(a[i][j]) != Double.isNaN(b[i][j]) ? 1 : 0;
                        rank += ra[i] != rb[i] ? 1 : 0;
                    }
                }
            }
            if (k + 1 == red.length) {
                System.out.printf(Locale.ROOT, "%-7.3f %-7s %20s %13s %15.4f %24.4f%n", red[k].ebvMag(), "-", "-", "-",
                        present / (double) (realisations * agn * (cols - 9)),
                        allMissing / (double) (realisations * agn));
                continue;
            }
            System.out.printf(Locale.ROOT, "%-7.3f %-7.3f %20.5f %13.5f %15.4f %24.4f%n", red[k].ebvMag(),
                    red[k + 1].ebvMag(), missing / (double) entries, rank / (double) entries,
                    present / (double) (realisations * agn * (cols - 9)), allMissing / (double) (realisations * agn));
        }
    }

    /** Rank of every row in column {@code j} (NaN last, ties by row). */
    private static int[] ranks(double[][] x, int j) {
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (u, v) -> {
            int c = Double.compare(key(x[u][j]), key(x[v][j]));
            return c != 0 ? c : Integer.compare(u, v);
        });
        int[] rank = new int[x.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private static double key(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
