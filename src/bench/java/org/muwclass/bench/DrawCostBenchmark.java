package org.muwclass.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * One training draw of the real pipeline on the shipped TD (sampling, features, standardiser, SMOTE to 11,120 rows,
 * fit) and predictions of target realisations, for each named learner, alternating the learners round by round so
 * that load from other processes hits them alike. Prints per-round times, medians, their ratios and the load average.
 * Not a unit test (docs/benchmarks.md): {@code scripts/bench/bench.sh draw [rounds] [trees] [learners...]}.
 */
public final class DrawCostBenchmark {

    private DrawCostBenchmark() {
    }

    /** Arguments: rounds (default 5), trees (100), learner names (default fastrf rf). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int trees = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> names = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("fastrf", "rf");
        TrainingSet td = TrainingSetReader.readDefault();
        LearnerCatalogue cat = LearnerCatalogue.standard(trees);
        List<SourceMeasurements> probe = new ArrayList<>();
        for (int i = 0; i < td.size(); i += 3) {
            probe.add(td.sources().get(i));
        }
        Bench.header("draw cost: TD " + td.size() + " sources -> SMOTE 11120 x 29, " + trees + " trees, one core, "
                + probe.size() + " probe targets");
        double[][] fit = new double[names.size()][rounds];
        double[][] pred = new double[names.size()][rounds];
        for (int r = -1; r < rounds; r++) {
            StringBuilder line = new StringBuilder(r < 0 ? "warm-up " : String.format(Locale.ROOT, "round %-2d", r + 1));
            for (int l = 0; l < names.size(); l++) {
                Learner learner = cat.get(names.get(l));
                CostModel m = CostModel.measure(td.sources(), learner, probe, 1);
                line.append(String.format(Locale.ROOT, " | %s draw %.3f s, %.0f predictions/s", names.get(l),
                        m.forestSeconds(), 1 / m.secondsPerPrediction()));
                if (r >= 0) {
                    fit[l][r] = m.forestSeconds();
                    pred[l][r] = m.secondsPerPrediction();
                }
            }
            System.out.println(line);
        }
        for (int l = 0; l < names.size(); l++) {
            System.out.printf(Locale.ROOT, "median %-8s training draw %.3f s (ratio to %s %.1f), prediction %.1f us "
                    + "(%.0f target realisations/s incl. sampling and features)%n", names.get(l),
                    Bench.median(fit[l]), names.get(0), Bench.median(fit[l]) / Bench.median(fit[0]),
                    1e6 * Bench.median(pred[l]), 1 / Bench.median(pred[l]));
        }
        Bench.footer();
    }
}
