package org.muwclass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.muwclass.core.learn.FastRandomForest;
import org.muwclass.core.learn.SyntheticClasses;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Times FastRandomForest against Weka's RandomForest (both 100 trees, K = 5, one thread) on the SMOTE-balanced
 * MUWCLASS training set of one Monte-Carlo draw (the real 11,120 x 29 matrix the pipeline fits, AGN reddened to
 * E(B-V) = 1 mag), or on a synthetic matrix of the same shape whose noisier classes grow deeper trees (8 classes x
 * 1390 rows, 29 features, missing blocks as -100).
 * The two are run alternately in one JVM so that load from other processes hits both alike; the ratio of the
 * medians is the number to quote. Both wall time and the thread's CPU time are reported: on a shared machine the
 * CPU time is the steadier of the two. Not a unit test: run it by hand (see docs/benchmarks.md).
 *
 * <p>Arguments (all optional): {@code rounds} (default 5), {@code warmups} (default 2), {@code trees} (100),
 * {@code matrix}: {@code td} (default, the real balanced training set, test rows from a second draw) or
 * {@code synthetic}.
 */
public final class ForestFitBenchmark {

    private ForestFitBenchmark() {
    }

    /** Runs the benchmark and prints a table to standard output. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int trees = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String matrix = args.length > 3 ? args[3] : "td";

        SyntheticClasses train;
        SyntheticClasses test;
        if (matrix.equals("synthetic")) {
            // Separation 0.45 gives about 70% accuracy, so trees grow deeper than on the real set.
            SyntheticClasses all = SyntheticClasses.generate(1390 + 250, 29, 8, 0.45, -100, 20261125L);
            // Rows cycle through the classes, so the first 11,120 rows are balanced (1390 per class).
            train = all.slice(0, 11120);
            test = all.slice(11120, all.x().length);
        } else if (matrix.equals("td")) {
            train = BalancedTrainingSet.draw(1L, 1.0);
            // every 5th row of another draw: an agreement probe (the same sources), not a held-out accuracy
            SyntheticClasses other = BalancedTrainingSet.draw(2L, 1.0);
            double[][] tx = new double[other.x().length / 5][];
            int[] ty = new int[tx.length];
            for (int i = 0; i < tx.length; i++) {
                tx[i] = other.x()[5 * i];
                ty[i] = other.y()[5 * i];
            }
            test = new SyntheticClasses(tx, ty, other.numClasses());
        } else {
            throw new IllegalArgumentException("matrix must be td or synthetic, got " + matrix);
        }
        Instances trainInstances = train.toInstances("train");
        Instances testInstances = test.toInstances("test");
        System.out.printf(Locale.ROOT, "Training matrix (%s) %d x %d, %d classes; test %d rows; %d trees, K = 5; %s%n",
                matrix, train.x().length, train.x()[0].length, train.numClasses(), test.x().length, trees,
                Bench.uptime());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] fastFit = new double[rounds];
        double[] wekaFit = new double[rounds];
        double[] fastCpu = new double[rounds];
        double[] wekaCpu = new double[rounds];
        double[] fastPredict = new double[rounds];
        double[] wekaPredict = new double[rounds];
        for (int r = -warmups; r < rounds; r++) {
            FastRandomForest fast = new FastRandomForest();
            fast.setOptions(Utils.splitOptions("-I " + trees + " -K 5 -S " + (r + 10) + " -num-slots 1"));
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            fast.buildClassifier(trainInstances);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            double[][] fastProba = fast.distributions(test.x());
            long t2 = System.nanoTime();

            RandomForest weka = new RandomForest();
            weka.setNumIterations(trees);
            weka.setNumFeatures(5);
            weka.setSeed(r + 10);
            weka.setNumExecutionSlots(1);
            long c3 = threads.getCurrentThreadCpuTime();
            long t3 = System.nanoTime();
            weka.buildClassifier(trainInstances);
            long t4 = System.nanoTime();
            long c4 = threads.getCurrentThreadCpuTime();
            double[][] wekaProba = weka.distributionsForInstances(testInstances);
            long t5 = System.nanoTime();

            String phase = r < 0 ? "warm-up" : "round " + (r + 1);
            System.out.printf(Locale.ROOT, "%-8s fit wall: fast %6.3f s, weka %6.3f s (x%4.1f) | fit cpu: fast %6.3f s,"
                    + " weka %6.3f s (x%4.1f) | test accuracy: fast %.4f, weka %.4f%n",
                    phase, (t1 - t0) / 1e9, (t4 - t3) / 1e9, (double) (t4 - t3) / (t1 - t0),
                    (c1 - c0) / 1e9, (c4 - c3) / 1e9, (double) (c4 - c3) / (c1 - c0),
                    accuracy(fastProba, test.y()), accuracy(wekaProba, test.y()));
            if (r >= 0) {
                fastFit[r] = (t1 - t0) / 1e9;
                wekaFit[r] = (t4 - t3) / 1e9;
                fastCpu[r] = (c1 - c0) / 1e9;
                wekaCpu[r] = (c4 - c3) / 1e9;
                fastPredict[r] = test.x().length / ((t2 - t1) / 1e9);
                wekaPredict[r] = test.x().length / ((t5 - t4) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "Median fit wall time: fast %.3f s, weka %.3f s, weka/fast = %.1f%n",
                median(fastFit), median(wekaFit), median(wekaFit) / median(fastFit));
        System.out.printf(Locale.ROOT, "Median fit CPU time:  fast %.3f s, weka %.3f s, weka/fast = %.1f%n",
                median(fastCpu), median(wekaCpu), median(wekaCpu) / median(fastCpu));
        System.out.printf(Locale.ROOT, "Median predictions/s (%d rows, %d trees, wall): fast %.0f, weka %.0f%n",
                test.x().length, trees, median(fastPredict), median(wekaPredict));
        System.out.printf(Locale.ROOT, "Available processors: %d, load average at end: %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double accuracy(double[][] proba, int[] y) {
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if (Utils.maxIndex(proba[i]) == y[i]) {
                correct++;
            }
        }
        return (double) correct / y.length;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
