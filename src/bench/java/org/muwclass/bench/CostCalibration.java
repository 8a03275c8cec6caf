package org.muwclass.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * Calibrates the quote's cost model on this machine (issue 15 item 5): one fastrf training draw of the shipped TD
 * (100 trees, sampling, features, standardiser, SMOTE, fit) and its target realisations, measured in thread CPU time
 * on {@code threads} threads at once (the pool's situation: every core busy, shared caches), {@code repeats} draws per
 * thread after one warm-up. Prints the per-thread numbers, their medians, and the two settings to give the service
 * ({@code muwclass.work.forest.seconds}, {@code muwclass.work.prediction.seconds}). Run it on a quiet machine.
 *
 * <p>Arguments: [threads = cores] [repeats = 6].
 */
public final class CostCalibration {

    private CostCalibration() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> probe = new ArrayList<>();
        for (int i = 0; i < td.size(); i += 3) {
            probe.add(td.sources().get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<CostModel>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> CostModel.measure(td.sources(),
                    LearnerCatalogue.standard(100).get("fastrf"), probe, repeats + 1)));
        }
        double[] fit = new double[threads];
        double[] predict = new double[threads];
        for (int t = 0; t < threads; t++) {
            CostModel m = runs.get(t).get();
            fit[t] = m.forestSeconds();
            predict[t] = m.secondsPerPrediction();
            System.out.printf(Locale.ROOT, "thread %d: %.3f s CPU per forest, %.2f us per target realisation%n", t,
                    fit[t], predict[t] * 1e6);
        }
        pool.shutdown();
        java.util.Arrays.sort(fit);
        java.util.Arrays.sort(predict);
        double f = fit[threads / 2];
        double p = predict[threads / 2];
        CostModel ref = CostModel.reference("fastrf", 100);
        System.out.printf(Locale.ROOT, "%d threads at once, %d draws each: median %.3f s per forest (reference %.3f),"
                + " %.2f us per realisation (reference %.2f); load average %s%n", threads, repeats, f,
                ref.forestSeconds(), p * 1e6, ref.secondsPerPrediction() * 1e6, loadAverage());
        System.out.printf(Locale.ROOT, "MUWCLASS_WORK_FOREST_SECONDS=%.3f MUWCLASS_WORK_PREDICTION_SECONDS=%.3g%n", f,
                p);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
