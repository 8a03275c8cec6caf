package org.muwclass.core.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.Seeds;

/**
 * Measured costs behind a {@link ClassificationPlan#estimate(CostModel) quote}, on one core.
 *
 * @param forestSeconds        one training draw (sampling, reddening, features, standardiser, SMOTE and the fit) on a
 *                             training list of {@code calibrationRows} sources, s
 * @param calibrationRows      training sources the forest cost was measured with; other sizes scale linearly
 * @param secondsPerPrediction one realisation of one target through one trained model (sampling, features,
 *                             standardising and predicting), s
 * @param basis                how the numbers were obtained (for logs and the quote's provenance)
 */
public record CostModel(double forestSeconds, int calibrationRows, double secondsPerPrediction, String basis) {

    private static final Logger LOG = Logger.getLogger(CostModel.class.getName());

    public CostModel {
        if (!(forestSeconds > 0) || !(secondsPerPrediction >= 0) || calibrationRows < 1) {
            throw new IllegalArgumentException("Cost model needs forestSeconds > 0, secondsPerPrediction >= 0 and "
                    + "calibrationRows >= 1");
        }
        Objects.requireNonNull(basis, "basis");
    }

    /** Cost of one training draw on {@code trainRows} sources, s. */
    public double secondsPerForest(int trainRows) {
        return forestSeconds * trainRows / calibrationRows;
    }

    /**
     * Costs of the shipped TD (2941 sources) with 100 trees, measured on the project's 2-core machine
     * (docs/benchmarks.md): CPU s per forest and per target realisation with both cores busy (fastrf: see
     * {@link #FAST_FOREST_SECONDS}), rf scaled by the side-by-side draw ratio (7.8x). Other ensemble sizes scale linearly with the number of trees.
     *
     * @param algorithm catalogue name ("fastrf" or "rf"; anything else gets the rf numbers)
     * @param trees     ensemble size
     */
    public static CostModel reference(String algorithm, int trees) {
        boolean fast = "fastrf".equalsIgnoreCase(algorithm);
        double fit = fast ? FAST_FOREST_SECONDS : WEKA_FOREST_SECONDS;
        double predict = fast ? FAST_PREDICTION_SECONDS : WEKA_PREDICTION_SECONDS;
        double scale = trees / 100.0;
        return new CostModel(fit * scale, 2941, predict * scale, "reference " + (fast ? "fastrf" : "rf") + " "
                + trees + " trees");
    }

    /**
     * {@link #reference} with an operator's calibration of fastrf (e.g. from {@code scripts/bench/bench.sh
     * CostCalibration} on the service's machine): {@code forestSeconds100} replaces the CPU s of one training draw
     * with 100 trees, {@code predictionSeconds100} that of one target realisation; null keeps the reference value.
     * Other algorithms keep their reference numbers.
     */
    public static CostModel calibrated(String algorithm, int trees, Double forestSeconds100,
                                       Double predictionSeconds100) {
        CostModel ref = reference(algorithm, trees);
        if (!"fastrf".equalsIgnoreCase(algorithm) || (forestSeconds100 == null && predictionSeconds100 == null)) {
            return ref;
        }
        double scale = trees / 100.0;
        double fit = forestSeconds100 != null ? forestSeconds100 * scale : ref.forestSeconds();
        double predict = predictionSeconds100 != null ? predictionSeconds100 * scale : ref.secondsPerPrediction();
        if (!(fit > 0) || !(predict >= 0)) {
            throw new IllegalArgumentException("Calibrated costs must be > 0 s per forest and >= 0 s per prediction, "
                    + "not " + forestSeconds100 + " and " + predictionSeconds100);
        }
        return new CostModel(fit, ref.calibrationRows(), predict, "calibrated fastrf " + trees + " trees");
    }

    /** One training draw of the TD with Weka's RandomForest, 100 trees, CPU s (docs/benchmarks.md). */
    static final double WEKA_FOREST_SECONDS = 3.9;
    /** One target realisation through Weka's 100-tree forest incl. sampling and features, CPU s. */
    static final double WEKA_PREDICTION_SECONDS = 56e-6;
    /**
     * One training draw of the TD with FastRandomForest's histogram split search, 100 trees, CPU s with both cores
     * busy: fit 0.262 s on one core (docs/benchmarks.md, 2026-12-07) + ~0.025 s sampling, features, standardiser
     * and SMOTE, + ~15% for two workers sharing caches (measured with the exact search: 0.50 busy vs 0.43 alone).
     * Was 0.50 s for the exact search, which made the quotes ~35% high once the histogram search became default.
     */
    static final double FAST_FOREST_SECONDS = 0.33;
    /** One target realisation through the fast forest incl. sampling and features, CPU s. */
    static final double FAST_PREDICTION_SECONDS = 12e-6;

    /**
     * Measures the costs on this machine: {@code repeats} training draws of {@code learner} on {@code training}
     * (unreddened; reddening costs the same) and their predictions of {@code probe} (a few hundred targets suffice).
     * Takes about repeats x one forest; the first draw warms the JIT and is not counted when repeats &gt; 1. Times are
     * the calling thread's CPU time where the JVM measures it (so that other load on a shared machine does not
     * inflate the quote, which assumes a core per worker), else wall time.
     */
    public static CostModel measure(List<SourceMeasurements> training, Learner learner,
                                    List<SourceMeasurements> probe, int repeats) {
        if (repeats < 1 || probe.isEmpty()) {
            throw new IllegalArgumentException("Need repeats >= 1 and at least one probe target");
        }
        int[] trainIds = ids(training.size());
        int[] probeIds = ids(probe.size());
        double fitSum = 0;
        double predictSum = 0;
        int counted = 0;
        for (int r = 0; r < repeats; r++) {
            DrawSeeds seeds = new DrawSeeds(Seeds.derive(r, 1), Seeds.derive(r, 2), Seeds.derive(r, 3),
                    Seeds.derive(r, 4));
            long t0 = now();
            OneDraw.Trained t = OneDraw.train(training, trainIds, AgnReddening.NONE, learner, seeds,
                    org.muwclass.core.sampling.XrayNoiseModel.DEFAULT);
            long t1 = now();
            t.predict(probe, probeIds, seeds.targetSampling(0));
            long t2 = now();
            if (repeats == 1 || r > 0) {
                fitSum += (t1 - t0) * 1e-9;
                predictSum += (t2 - t1) * 1e-9 / probe.size();
                counted++;
            }
        }
        CostModel m = new CostModel(fitSum / counted, training.size(), predictSum / counted,
                "measured " + learner.name() + " x" + counted);
        LOG.fine(() -> "cost model " + m);
        return m;
    }

    /** Current thread's CPU time, ns, or wall time where CPU time is not measured. */
    private static long now() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled()
                ? bean.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static int[] ids(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }
}
