package org.muwclass.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.physics.ExtinctionBins;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TrainingSetReader;

/**
 * The paper's convergence statistic (Yang et al. 2022, Appendix B) for the Monte-Carlo estimators on a real field:
 * a reference run of the full protocol with many draws (seed 1), then each compared estimator with independent seeds.
 * Per source, for the reference's predicted class c: z = |P_N,c - P_ref,c| / e_P_ref,c. Sources with e_P_ref,c = 0
 * (every draw gives the same value) are left out and counted. If an estimator's mean scatters like that of N_eq
 * independent draws, z is half-normal with variance 1/N_eq + 1/N_ref, so
 * N_eq = 1 / ((median z / 0.6745)^2 - 1/N_ref) (robust) and 1 / (mean z^2 - 1/N_ref); the full protocol's own N_eq
 * checks the method. Also printed: median ratio of e_P (estimator / reference) for c, and agreement of Class and of
 * CT &gt;= 2 with the reference.
 *
 * <p>Arguments: FIELD.csv (TD-style source table, e.g. from {@code muwclass features}), reference draws, trees,
 * threads, per-source output CSV (or "-"), then estimator specs {@code full:N}, {@code shared:F:M} (F forests per
 * bin, M target realisations per forest) or {@code grid:W:F:M} (the same on an interpolating E(B-V) grid of step W
 * mag instead of the paper's bins). System property {@code -DoneBin=true} classifies every source at the
 * field's mean dust-map E(B-V) (one bin, as the paper's demo does with the field centre); {@code -DbinStride=S}
 * keeps only the sources in every S-th paper bin (0.025 mag) from the lowest, to make the reference cheaper on wide
 * fields (a grid result does not depend on the other sources of the run); {@code -Dreference=OLD.csv} takes the
 * reference from the per-source output of an earlier run of the same field and settings instead of recomputing it.
 * Example:
 * {@code scripts/bench/bench.sh convergence ngc3532.csv 500 100 2
 * out.csv full:100 shared:100:10}.
 */
public final class ConvergenceStudy {

    private ConvergenceStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path field = Path.of(args[0]);
        int nRef = Integer.parseInt(args[1]);
        int trees = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        String perSource = args[4];
        List<String> specs = Arrays.asList(args).subList(5, args.length);
        List<SourceMeasurements> targets = SourceTableReader.readTargets(CsvTable.read(field));
        boolean oneBin = Boolean.getBoolean("oneBin");
        if (oneBin) {
            targets = atMeanEbv(targets);
        }
        int stride = Integer.getInteger("binStride", 1);
        if (stride > 1) {
            targets = everyNthBin(targets, stride);
        }
        ClassificationRun run = new ClassificationRun(TrainingSetReader.readDefault(),
                LearnerCatalogue.standard(trees), XrayAbsorption.loadDefault(), EbvResolver.standard());
        RunParameters base = RunParameters.of(nRef, 1L).withAlgorithm("fastrf").withThreads(threads)
                .withKeepQuantiles(false).withDrawsPerUnit(5)
                .withEbvPolicy(oneBin ? EbvPolicy.TABLE : EbvPolicy.TABLE_ELSE_DUST_MAP);
        ClassificationPlan refPlan = run.plan(targets, base);
        Bench.header("convergence study: " + field.getFileName() + ", " + targets.size() + " sources in "
                + refPlan.tasks().size() + " E(B-V) bins, fastrf " + trees + " trees, " + threads + " threads, "
                + "reference full protocol " + nRef + " draws" + (oneBin ? ", field-mean E(B-V) "
                + String.format(Locale.ROOT, "%.4f", targets.get(0).ebv()) + " for all (the paper's demo)" : ""));
        long t0 = System.nanoTime();
        String stored = System.getProperty("reference");
        Reference ref;
        if (stored != null) {
            ref = Reference.read(Path.of(stored), targets);
            System.out.println("reference: read from " + stored);
        } else {
            ref = Reference.of(refPlan.execute(UnitExecutor.local(threads, null), ProgressListener.NONE));
            System.out.printf(Locale.ROOT, "reference: %d forests, %.0f s wall, %s%n", refPlan.forests(),
                    (System.nanoTime() - t0) / 1e9, Bench.uptime());
        }
        List<ClassificationResult> results = new ArrayList<>();
        long seed = 2;
        System.out.println("estimator        forests/bin draws  wall_s  excluded  median_z  p84_z  frac_z<0.05 "
                + "frac_z<0.14  Neq(median)  Neq(mean z2)  e_ratio  class_agree  ct2_agree");
        for (String spec : specs) {
            String[] f = spec.split(":");
            RunParameters p = switch (f[0]) {
                case "full" -> base.withDraws(Integer.parseInt(f[1]));
                case "shared" -> base.withDraws(Integer.parseInt(f[1]) * Integer.parseInt(f[2]))
                        .withTargetsPerForest(Integer.parseInt(f[2]));
                case "grid" -> base.withEbvGrid(Double.parseDouble(f[1]))
                        .withDraws(Integer.parseInt(f[2]) * Integer.parseInt(f[3]))
                        .withTargetsPerForest(Integer.parseInt(f[3]));
                default -> throw new IllegalArgumentException("estimator spec " + spec
                        + ": expected full:N, shared:F:M or grid:W:F:M");
            };
            p = p.withMasterSeed(seed++);
            long s0 = System.nanoTime();
            ClassificationPlan plan = run.plan(targets, p);
            ClassificationResult r = plan.execute(UnitExecutor.local(threads, null), ProgressListener.NONE);
            double wall = (System.nanoTime() - s0) / 1e9;
            results.add(r);
            Stats st = Stats.of(ref, r, nRef);
            System.out.printf(Locale.ROOT, "%-16s %11d %5d %7.0f %9d %9.4f %6.4f %12.3f %11.3f %12.0f %13.0f %8.3f "
                            + "%12.3f %10.3f   (%d forests in %d tasks; %s)%n", spec, p.forestsPerTask(), p.draws(),
                    wall, st.excluded,
                    st.medianZ, st.p84Z, st.frac05, st.frac14, st.neqMedian, st.neqMeanSq, st.eRatio, st.classAgree,
                    st.ctAgree, plan.forests(), plan.taskCount(), Bench.uptime());
        }
        if (!perSource.equals("-")) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(perSource)))) {
                StringBuilder h = new StringBuilder("name,ebv,class_ref,P_ref,e_P_ref,CT_ref");
                for (String spec : specs) {
                    h.append(",P_").append(spec).append(",e_P_").append(spec).append(",CT_").append(spec);
                }
                w.println(h);
                for (int i = 0; i < targets.size(); i++) {
                    int c = ref.cls[i].ordinal();
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s,%.4f,%s,%.5f,%.5f,%.4f",
                            ref.names[i], ref.ebv[i], ref.cls[i].label(), ref.p[i], ref.e[i], ref.ct[i]));
                    for (ClassificationResult r : results) {
                        SourceResult b = r.sources().get(i);
                        line.append(String.format(Locale.ROOT, ",%.5f,%.5f,%.4f", b.probabilities().mean()[c],
                                b.probabilities().std()[c], b.decision().ct()));
                    }
                    w.println(line);
                }
            }
        }
        Bench.footer();
    }

    /** The targets with E(B-V) set to the mean of their dust-map values: one bin, like the paper's demo runs. */
    static List<SourceMeasurements> atMeanEbv(List<SourceMeasurements> targets) {
        double[] ebv = EbvResolver.standard().resolve(targets, EbvPolicy.DUST_MAP);
        double mean = Arrays.stream(ebv).average().orElseThrow();
        List<SourceMeasurements> out = new ArrayList<>();
        for (SourceMeasurements s : targets) {
            out.add(new SourceMeasurements(s.name(), s.raDeg(), s.decDeg(), s.posErrArcsec(), s.significance(),
                    s.flux(), s.fluxErr(), s.pInter(), s.pIntra(), s.mag(), s.magErr(), mean, s.trueClass()));
        }
        return out;
    }

    /** The sources in every {@code stride}-th occupied-or-not paper bin, counted from the lowest occupied one. */
    static List<SourceMeasurements> everyNthBin(List<SourceMeasurements> targets, int stride) {
        double[] ebv = EbvResolver.standard().resolve(targets, EbvPolicy.TABLE_ELSE_DUST_MAP);
        int lowest = Arrays.stream(ebv).mapToInt(ExtinctionBins::binOf).min().orElseThrow();
        List<SourceMeasurements> out = new ArrayList<>();
        for (int i = 0; i < ebv.length; i++) {
            if ((ExtinctionBins.binOf(ebv[i]) - lowest) % stride == 0) {
                out.add(targets.get(i));
            }
        }
        return out;
    }

    /** The reference's class, P and e_P of that class, CT and E(B-V) used, per source. */
    record Reference(String[] names, SourceClass[] cls, double[] p, double[] e, double[] ct, double[] ebv) {

        static Reference of(ClassificationResult r) {
            int n = r.sources().size();
            Reference ref = new Reference(new String[n], new SourceClass[n], new double[n], new double[n],
                    new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                SourceResult a = r.sources().get(i);
                int c = a.decision().predicted().ordinal();
                ref.names[i] = a.name().trim();
                ref.cls[i] = a.decision().predicted();
                ref.p[i] = a.probabilities().mean()[c];
                ref.e[i] = a.probabilities().std()[c];
                ref.ct[i] = a.decision().ct();
                ref.ebv[i] = a.ebvUsed();
            }
            return ref;
        }

        /** The first six columns of an earlier per-source output; its rows must be the targets, in order. */
        static Reference read(Path csv, List<SourceMeasurements> targets) {
            CsvTable t = CsvTable.read(csv);
            int n = targets.size();
            if (t.rowCount() != n) {
                throw new IllegalArgumentException(csv + " has " + t.rowCount() + " sources, the field " + n);
            }
            Reference ref = new Reference(new String[n], new SourceClass[n], new double[n], new double[n],
                    new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                String name = t.text(i, "name").orElse("");
                if (!name.equals(targets.get(i).name().trim())) {
                    throw new IllegalArgumentException(csv + " row " + (i + 1) + " is " + name + ", expected "
                            + targets.get(i).name().trim());
                }
                ref.names[i] = name;
                ref.ebv[i] = t.number(i, "ebv");
                ref.cls[i] = SourceClass.fromLabel(t.text(i, "class_ref").orElse(""));
                ref.p[i] = t.number(i, "P_ref");
                ref.e[i] = t.number(i, "e_P_ref");
                ref.ct[i] = t.number(i, "CT_ref");
            }
            return ref;
        }
    }

    /** Comparison of one estimator's results with the reference's. */
    record Stats(int excluded, double medianZ, double p84Z, double frac05, double frac14, double neqMedian,
                 double neqMeanSq, double eRatio, double classAgree, double ctAgree) {

        static Stats of(Reference ref, ClassificationResult est, int nRef) {
            List<Double> z = new ArrayList<>();
            List<Double> ratio = new ArrayList<>();
            int excluded = 0;
            int sameClass = 0;
            int sameCt = 0;
            int n = ref.names().length;
            for (int i = 0; i < n; i++) {
                SourceResult b = est.sources().get(i);
                int c = ref.cls()[i].ordinal();
                sameClass += ref.cls()[i] == b.decision().predicted() ? 1 : 0;
                sameCt += (ref.ct()[i] >= 2) == (b.decision().ct() >= 2) ? 1 : 0;
                double e = ref.e()[i];
                if (!(e > 0)) {
                    excluded++;
                    continue;
                }
                z.add(Math.abs(b.probabilities().mean()[c] - ref.p()[i]) / e);
                ratio.add(b.probabilities().std()[c] / e);
            }
            double[] zs = z.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] rs = ratio.stream().mapToDouble(Double::doubleValue).toArray();
            double med = Bench.median(zs);
            double p84 = zs[(int) Math.floor(0.84 * (zs.length - 1))];
            double meanSq = Arrays.stream(zs).map(v -> v * v).average().orElse(Double.NaN);
            double f05 = Arrays.stream(zs).filter(v -> v < 0.05).count() / (double) zs.length;
            double f14 = Arrays.stream(zs).filter(v -> v < 0.14).count() / (double) zs.length;
            double s2 = Math.pow(med / 0.6745, 2);
            return new Stats(excluded, med, p84, f05, f14, 1 / (s2 - 1.0 / nRef), 1 / (meanSq - 1.0 / nRef),
                    Bench.median(rs), sameClass / (double) n, sameCt / (double) n);
        }
    }
}
