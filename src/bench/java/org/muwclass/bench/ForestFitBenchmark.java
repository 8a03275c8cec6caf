package org.muwclass.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.muwclass.core.learn.weka.FastRandomForestClassifier;
import org.muwclass.core.learn.SyntheticClasses;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Times FastRandomForest (histogram and exact split search) against Weka's RandomForest and scikit-learn's
 * RandomForestClassifier (all 100 trees, K = 5, one thread) on the SMOTE-balanced
 * MUWCLASS training set of one Monte-Carlo draw (the real 11,120 x 29 matrix the pipeline fits, AGN reddened to
 * E(B-V) = 1 mag), or on a synthetic matrix of the same shape whose noisier classes grow deeper trees (8 classes x
 * 1390 rows, 29 features, missing blocks as -100).
 * The four are run alternately, one fit each per round, so that load from other processes hits all alike; the ratios
 * of the medians are the numbers to quote. scikit-learn runs in a child process (scripts/bench/sklearn_fit.py,
 * {@code /usr/bin/python3} or {@code -Dbench.python}) that is handed the very same matrices as CSV in a temporary
 * directory and fits one forest per request; it inherits the JVM's CPU affinity, so {@code taskset -c 1
 * scripts/bench/bench.sh fit} pins all of them to one core. Both wall time and CPU time (the JVM thread's; the Python
 * process's) are reported: on a shared machine the CPU time is the steadier of the two. Not a unit test: run it by
 * hand (see docs/benchmarks.md).
 *
 * <p>Arguments (all optional): {@code rounds} (default 5), {@code warmups} (default 2), {@code trees} (100),
 * {@code matrix}: {@code td} (default, the real balanced training set, test rows from a second draw) or
 * {@code synthetic}; {@code bins}: comma-separated bin counts of the fastrf variants to time, 0 = exact split
 * search (default 256,0; ratios are quoted against the first); {@code nosklearn} to leave scikit-learn out.
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
        int[] bins = Arrays.stream((args.length > 4 ? args[4] : "256,0").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        boolean sklearnEnabled = !(args.length > 5 && args[5].equals("nosklearn"));

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
        SklearnProcess sklearn = sklearnEnabled ? SklearnProcess.start(train, test, trees) : null;
        if (sklearn != null) {
            System.out.println("scikit-learn: " + sklearn.banner);
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Learners: one fastrf per bin count (0 = exact), then Weka, then scikit-learn.
        int fast = bins.length;
        int learners = fast + (sklearn == null ? 1 : 2);
        String[] names = new String[learners];
        for (int l = 0; l < fast; l++) {
            names[l] = bins[l] == 0 ? "fastrf-exact" : "fastrf-" + bins[l];
        }
        names[fast] = "weka-rf";
        if (sklearn != null) {
            names[fast + 1] = "sklearn";
        }
        double[][] wall = new double[learners][rounds];
        double[][] cpu = new double[learners][rounds];
        double[][] predictRate = new double[learners][rounds];
        for (int r = -warmups; r < rounds; r++) {
            double[] roundWall = new double[learners];
            double[] roundCpu = new double[learners];
            double[] roundAccuracy = new double[learners];
            for (int l = 0; l < learners; l++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                double[][] proba = null;
                long t1;
                long c1;
                long t2;
                if (l < fast) {
                    FastRandomForestClassifier forest = new FastRandomForestClassifier();
                    forest.setOptions(Utils.splitOptions("-I " + trees + " -K 5 -S " + (r + 10) + " -num-slots 1 -bins "
                            + bins[l]));
                    forest.buildClassifier(trainInstances);
                    t1 = System.nanoTime();
                    c1 = threads.getCurrentThreadCpuTime();
                    proba = forest.distributions(test.x());
                    t2 = System.nanoTime();
                } else if (l == fast) {
                    RandomForest weka = new RandomForest();
                    weka.setNumIterations(trees);
                    weka.setNumFeatures(5);
                    weka.setSeed(r + 10);
                    weka.setNumExecutionSlots(1);
                    weka.buildClassifier(trainInstances);
                    t1 = System.nanoTime();
                    c1 = threads.getCurrentThreadCpuTime();
                    proba = weka.distributionsForInstances(testInstances);
                    t2 = System.nanoTime();
                } else {
                    double[] result = sklearn.fit(r + 10);
                    t1 = t0 + (long) (result[0] * 1e9);
                    c1 = c0 + (long) (result[1] * 1e9);
                    t2 = t1;
                    roundAccuracy[l] = result[2];
                }
                roundWall[l] = (t1 - t0) / 1e9;
                roundCpu[l] = (c1 - c0) / 1e9;
                if (proba != null) {
                    roundAccuracy[l] = accuracy(proba, test.y());
                }
                if (r >= 0) {
                    wall[l][r] = roundWall[l];
                    cpu[l][r] = roundCpu[l];
                    predictRate[l][r] = t2 > t1 ? test.x().length / ((t2 - t1) / 1e9) : Double.NaN;
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s", r < 0 ? "warm-up" : "round "
                    + (r + 1)));
            for (int l = 0; l < learners; l++) {
                line.append(String.format(Locale.ROOT, " | %s wall %6.3f s cpu %6.3f s acc %.4f", names[l],
                        roundWall[l], roundCpu[l], roundAccuracy[l]));
            }
            System.out.println(line + " | " + Bench.uptime());
        }
        if (sklearn != null) {
            sklearn.close();
        }
        System.out.printf(Locale.ROOT, "%-13s %12s %12s %14s %14s %12s%n", "learner", "median wall", "median cpu",
                "wall / first", "cpu / first", "predict/s");
        for (int l = 0; l < learners; l++) {
            System.out.printf(Locale.ROOT, "%-13s %10.3f s %10.3f s %13.1fx %13.1fx %12.0f%n", names[l],
                    median(wall[l]), median(cpu[l]), median(wall[l]) / median(wall[0]),
                    median(cpu[l]) / median(cpu[0]), median(predictRate[l]));
        }
        System.out.printf(Locale.ROOT, "Available processors: %d, %s%n", Runtime.getRuntime().availableProcessors(),
                Bench.uptime());
    }

    /** scikit-learn in a child process (scripts/bench/sklearn_fit.py --serve) fed the very same matrices. */
    private static final class SklearnProcess {

        private final Process process;
        private final BufferedReader out;
        private final Writer in;
        private final String banner;

        private SklearnProcess(Process process, BufferedReader out, Writer in, String banner) {
            this.process = process;
            this.out = out;
            this.in = in;
            this.banner = banner;
        }

        static SklearnProcess start(SyntheticClasses train, SyntheticClasses test, int trees) throws IOException {
            Path dir = Files.createTempDirectory("forest-fit-bench");
            Path trainCsv = dir.resolve("train.csv");
            Path testCsv = dir.resolve("test.csv");
            writeCsv(train, trainCsv);
            writeCsv(test, testCsv);
            Path root = Path.of(System.getProperty("bench.root", "."));
            String python = System.getProperty("bench.python", "/usr/bin/python3");
            ProcessBuilder builder = new ProcessBuilder(python,
                    root.resolve("scripts/bench/sklearn_fit.py").toString(), trainCsv.toString(), testCsv.toString(),
                    "--serve", "--trees", Integer.toString(trees));
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String banner = out.readLine();
            if (banner == null || !banner.startsWith("ready")) {
                throw new IOException("scikit-learn did not start: " + banner);
            }
            System.out.println("Matrices for scikit-learn: " + dir);
            return new SklearnProcess(process, out, in, banner);
        }

        /** One fit: wall s, CPU s, test accuracy. */
        double[] fit(int seed) throws IOException {
            in.write("fit " + seed + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null || !line.startsWith("fit ")) {
                throw new IOException("scikit-learn answered: " + line);
            }
            String[] words = line.trim().split(" ");
            return new double[] {Double.parseDouble(words[1]), Double.parseDouble(words[2]),
                    Double.parseDouble(words[3])};
        }

        void close() throws IOException, InterruptedException {
            in.write("quit\n");
            in.flush();
            process.waitFor();
        }

        private static void writeCsv(SyntheticClasses data, Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < data.x().length; i++) {
                    line.setLength(0);
                    for (double v : data.x()[i]) {
                        // Shortest repr that parses back to the same double.
                        line.append(Double.isNaN(v) ? "nan" : Double.toString(v)).append(',');
                    }
                    line.append(data.y()[i]).append('\n');
                    w.write(line.toString());
                }
            }
        }
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
