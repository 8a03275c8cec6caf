package org.muwclass.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * The interpolation error of the E(B-V) grid where it is largest, half-way between two nodes, measured on every
 * training-set source placed at that E(B-V), E_mid. The paper's bins classify them at E_mid itself (one bin, mean
 * E_mid: run a, and a replicate a' with another seed); the grid interpolates between the nodes around E_mid (run b).
 * Per source, for run a's class c: z = (P_b,c - P_a,c) / e_P_a,c. If the grid were unbiased, z would scatter like z
 * of a' against a (both are the Monte-Carlo noise of two runs of equal size); the excess of mean z² is the squared
 * interpolation bias in units of the per-draw spread, averaged over sources, and the median |z| shows the same
 * without the weight mean z² gives sources with tiny e_P.
 *
 * <p>Arguments: relative grid step f, forests per node (and per bin) F, realisations per forest M, trees, threads,
 * then E(B-V) values: each stands for the grid cell holding it, whose midpoint is used. Not a unit test
 * (docs/science-notes.md).
 */
public final class InterpolationError {

    private InterpolationError() {
    }

    public static void main(String[] args) {
        double f = Double.parseDouble(args[0]);
        EbvGrid grid = new EbvGrid(f);
        int forests = Integer.parseInt(args[1]);
        int m = Integer.parseInt(args[2]);
        int trees = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        TrainingSet td = TrainingSetReader.readDefault();
        ClassificationRun run = new ClassificationRun(td, LearnerCatalogue.standard(trees),
                XrayAbsorption.loadDefault(), EbvResolver.standard());
        RunParameters base = RunParameters.of(forests * m, 1L).withTargetsPerForest(m).withThreads(threads)
                .withEbvPolicy(EbvPolicy.TABLE).withKeepQuantiles(false);
        Bench.header(String.format(Locale.ROOT, "interpolation error half-way between grid nodes: %d TD sources, "
                + "relative step %.3f vs the paper's bins at the midpoint, %d forests x %d realisations per task, "
                + "%d trees", td.size(), f, forests, m, trees));
        System.out.println("E_low  E_mid  E_high  mean_z2(a,a')  mean_z2(a,b)  excess  rms_bias/sigma  "
                + "median|z|(a,a')  median|z|(a,b)  class_agree(a,a')  class_agree(a,b)  wall_s");
        for (int i = 5; i < args.length; i++) {
            int k = grid.place(Double.parseDouble(args[i])).lowerNode();
            double low = grid.nodeEbv(k);
            double high = grid.nodeEbv(k + 1);
            double mid = (low + high) / 2;
            List<SourceMeasurements> targets = new ArrayList<>();
            for (SourceMeasurements s : td.sources()) {
                targets.add(s.withEbv(mid));
            }
            long t0 = System.nanoTime();
            ClassificationResult a = run.run(targets, base, ProgressListener.NONE);
            ClassificationResult a2 = run.run(targets, base.withMasterSeed(2L), ProgressListener.NONE);
            ClassificationResult b = run.run(targets, base.withEbvGrid(f).withMasterSeed(3L), ProgressListener.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] noise = compare(a, a2);
            double[] coarse = compare(a, b);
            double excess = coarse[0] - noise[0];
            System.out.printf(Locale.ROOT, "%-6.3f %-6.3f %-7.3f %13.5f %13.5f %7.5f %15.3f %16.4f %15.4f %18.4f "
                    + "%17.4f %7.0f%n", low, mid, high, noise[0], coarse[0], excess, Math.sqrt(Math.max(0, excess)),
                    noise[1], coarse[1], noise[2], coarse[2], wall);
        }
        Bench.footer();
    }

    /** Mean z², median |z| and class agreement of {@code other} against {@code ref}. */
    private static double[] compare(ClassificationResult ref, ClassificationResult other) {
        List<Double> z = new ArrayList<>();
        int same = 0;
        for (int i = 0; i < ref.sources().size(); i++) {
            var r = ref.sources().get(i);
            var o = other.sources().get(i);
            int c = r.decision().predicted().ordinal();
            same += r.decision().predicted() == o.decision().predicted() ? 1 : 0;
            double e = r.probabilities().std()[c];
            if (e > 0) {
                z.add((o.probabilities().mean()[c] - r.probabilities().mean()[c]) / e);
            }
        }
        double[] abs = z.stream().mapToDouble(Math::abs).sorted().toArray();
        double meanSq = z.stream().mapToDouble(v -> v * v).average().orElse(Double.NaN);
        return new double[] {meanSq, Bench.median(abs), same / (double) ref.sources().size()};
    }
}
