package org.muwclass.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.features.Standardizer;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.FastRandomForest;
import org.muwclass.core.learn.SyntheticClasses;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.oversampling.MissingValues;
import org.muwclass.core.oversampling.Smote;
import org.muwclass.core.pipeline.StratifiedFolds;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.MonteCarloSampler;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;

/**
 * Exports what scripts/bench/sklearn_fidelity.py compares with scikit-learn / imbalanced-learn (docs/evaluation.md,
 * "Checked against scikit-learn"). Writes to the output directory:
 * <ul>
 *   <li>{@code smote_in.bin}: one draw's standardised 29-feature training matrix before SMOTE (NaN = missing), the
 *       TD sampled with seed 1, no reddening; {@code smote_java_sS.bin}: {@link Smote#paper()} on it with seed S
 *       (1..3), before the -100 fill (originals, then the synthetic rows class by class);</li>
 *   <li>per CV seed S and fold F (stratified 10-fold over the 2,941 TD sources, one Monte-Carlo draw per fold, no
 *       reddening): {@code cv_sS_fF_train.bin} (the balanced, -100-filled matrix the forests fit),
 *       {@code cv_sS_fF_test.bin} (the held-out sources of the same draw, same scaler, -100 fill, true labels) and
 *       {@code cv_sS_fF_L.bin}, the class probabilities of learner L on the test rows (fastrf-256, fastrf-exact,
 *       weka-rf; 100 trees, K = 5, learner seed 1000 S + F; for the first seed also {@code L-b}, learner seed
 *       1000 S + F + 500, the same learner's seed-to-seed baseline);</li>
 *   <li>{@code tree_T.bin} and {@code tree_T_M.txt}: a small float32-exact matrix (T = small: 300 x 6 synthetic,
 *       real: every 7th row of cv_s1_f0_train) and one fastrf tree on it (M = exact or hist256) with all features per
 *       split and no bootstrap, node arrays as text, for the split-rule check.</li>
 * </ul>
 * Binary matrices: int32 rows, int32 columns, rows x columns float64, rows int32 labels, all little-endian.
 *
 * <p>Arguments: output directory, CV seeds (comma-separated, default 1,2,3), folds (default 10).
 */
public final class SklearnFidelity {

    private static final String[] LEARNERS = {"fastrf-256", "fastrf-exact", "weka-rf"};

    private SklearnFidelity() {
    }

    /** Runs the export. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/sklearn-fidelity");
        long[] seeds = Arrays.stream((args.length > 1 ? args[1] : "1,2,3").split(",")).mapToLong(Long::parseLong)
                .toArray();
        int folds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Files.createDirectories(out);
        Bench.header("SklearnFidelity -> " + out + ", CV seeds " + Arrays.toString(seeds) + ", " + folds + " folds");
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> sources = td.sources();
        int[] labels = sources.stream().mapToInt(s -> s.trueClass().ordinal()).toArray();

        // 1. SMOTE input and Java output.
        int[] all = new int[sources.size()];
        Arrays.setAll(all, i -> i);
        double[][] smoteIn = standardised(sources, all, 1L).transform(features(sources, all, 1L));
        write(out.resolve("smote_in.bin"), smoteIn, labels);
        for (long s = 1; s <= 3; s++) {
            TrainingMatrix m = Smote.paper().resample(new TrainingMatrix(smoteIn, labels), SourceClass.count(),
                    new SplittableRandom(s));
            write(out.resolve("smote_java_s" + s + ".bin"), m.rows(), m.labels());
        }
        System.out.println("SMOTE exported, " + Bench.uptime());

        // 2. Cross-validation draws and the Java forests' probabilities.
        for (int si = 0; si < seeds.length; si++) {
            long seed = seeds[si];
            int[] fold = StratifiedFolds.assign(labels, SourceClass.count(), folds, seed);
            for (int f = 0; f < folds; f++) {
                long drawSeed = 1000L * seed + f;
                List<SourceMeasurements> train = new ArrayList<>();
                List<SourceMeasurements> test = new ArrayList<>();
                List<Integer> trainIds = new ArrayList<>();
                List<Integer> testIds = new ArrayList<>();
                for (int i = 0; i < sources.size(); i++) {
                    (fold[i] == f ? test : train).add(sources.get(i));
                    (fold[i] == f ? testIds : trainIds).add(i);
                }
                int[] trIds = trainIds.stream().mapToInt(Integer::intValue).toArray();
                int[] teIds = testIds.stream().mapToInt(Integer::intValue).toArray();
                double[][] trX = features(train, trIds, drawSeed);
                Standardizer scaler = Standardizer.fit(trX);
                int[] trY = train.stream().mapToInt(s -> s.trueClass().ordinal()).toArray();
                TrainingMatrix balanced = Smote.paper().resample(new TrainingMatrix(scaler.transform(trX), trY),
                        SourceClass.count(), new SplittableRandom(drawSeed));
                MissingValues.fill(balanced.rows());
                double[][] teX = MissingValues.fill(scaler.transform(features(test, teIds, drawSeed)));
                int[] teY = test.stream().mapToInt(s -> s.trueClass().ordinal()).toArray();
                String prefix = "cv_s" + seed + "_f" + f;
                write(out.resolve(prefix + "_train.bin"), balanced.rows(), balanced.labels());
                write(out.resolve(prefix + "_test.bin"), teX, teY);
                SyntheticClasses trainSet = new SyntheticClasses(balanced.rows(), balanced.labels(),
                        SourceClass.count());
                SyntheticClasses testSet = new SyntheticClasses(teX, teY, SourceClass.count());
                int variants = si == 0 ? 2 : 1;
                for (int v = 0; v < variants; v++) {
                    long learnerSeed = drawSeed + 500L * v;
                    for (String learner : LEARNERS) {
                        double[][] p = fitPredict(learner, trainSet, testSet, learnerSeed);
                        write(out.resolve(prefix + "_" + learner + (v == 0 ? "" : "-b") + ".bin"), p, teY);
                    }
                }
                if (si == 0 && f == 0) {
                    treeExample(out, "real", realSubset(balanced));
                }
                System.out.printf(Locale.ROOT, "seed %d fold %d: %d train, %d test rows, %s%n", seed, f,
                        balanced.size(), teY.length, Bench.uptime());
            }
        }
        treeExample(out, "small", smallExample());
        Bench.footer();
    }

    /** One draw's 29 features of the given sources (sampling keyed by their stable ids), no AGN reddening. */
    private static double[][] features(List<SourceMeasurements> sources, int[] ids, long drawSeed) {
        List<Photometry> sample = MonteCarloSampler.sample(sources, ids, drawSeed);
        List<SourceClass> classes = sources.stream().map(SourceMeasurements::trueClass).toList();
        return FeatureBuilder.build(AgnReddening.NONE.applyToAgn(sample, classes));
    }

    private static Standardizer standardised(List<SourceMeasurements> sources, int[] ids, long drawSeed) {
        return Standardizer.fit(features(sources, ids, drawSeed));
    }

    private static double[][] fitPredict(String learner, SyntheticClasses train, SyntheticClasses test, long seed)
            throws Exception {
        switch (learner) {
            case "fastrf-256", "fastrf-exact" -> {
                int bins = learner.equals("fastrf-256") ? 256 : FastRandomForest.Options.EXACT;
                FastRandomForest.Model m = FastRandomForest.fit(train.x(), train.y(), train.numClasses(),
                        new FastRandomForest.Options(100, 5, 0, seed, 1, true, bins));
                return m.predictProba(test.x());
            }
            case "weka-rf" -> {
                RandomForest rf = new RandomForest();
                rf.setNumIterations(100);
                rf.setNumFeatures(5);
                rf.setSeed((int) seed);
                rf.setNumExecutionSlots(1);
                rf.buildClassifier(train.toInstances("train"));
                Instances t = test.toInstances("test");
                return rf.distributionsForInstances(t);
            }
            default -> throw new IllegalArgumentException(learner);
        }
    }

    /** Every 7th row of a balanced matrix, values rounded to float32 (sklearn fits on float32). */
    private static SyntheticClasses realSubset(TrainingMatrix m) {
        int n = (m.size() + 6) / 7;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] r = m.rows()[7 * i];
            x[i] = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                x[i][j] = (float) r[j];
            }
            y[i] = m.labels()[7 * i];
        }
        return new SyntheticClasses(x, y, SourceClass.count());
    }

    /** 300 rows, 6 features on a 1/16 grid (float32-exact), 3 overlapping classes. */
    private static SyntheticClasses smallExample() {
        SplittableRandom rng = new SplittableRandom(20261207L);
        int n = 300;
        double[][] x = new double[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 6; j++) {
                double centre = j < 3 && j == y[i] ? 1.0 : 0.0;
                x[i][j] = Math.round((centre + gaussian(rng)) * 16) / 16.0;
            }
        }
        return new SyntheticClasses(x, y, 3);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** One tree, all features per split, no bootstrap, exact and 256-bin split search: matrix and node arrays. */
    private static void treeExample(Path out, String name, SyntheticClasses data) throws Exception {
        write(out.resolve("tree_" + name + ".bin"), data.x(), data.y());
        int d = data.x()[0].length;
        for (int bins : new int[] {FastRandomForest.Options.EXACT, 256}) {
            FastRandomForest.Model m = FastRandomForest.fit(data.x(), data.y(), data.numClasses(),
                    new FastRandomForest.Options(1, d, 0, 7L, 1, false, bins));
            dumpTree(m, data.numClasses(), out.resolve("tree_" + name + "_" + (bins == 0 ? "exact" : "hist256")
                    + ".txt"));
        }
    }

    /** Writes the first tree's node arrays: node feature threshold left right, then class fractions for leaves. */
    private static void dumpTree(FastRandomForest.Model model, int numClasses, Path file) throws Exception {
        Field treesField = FastRandomForest.Model.class.getDeclaredField("trees");
        treesField.setAccessible(true);
        Object tree = ((Object[]) treesField.get(model))[0];
        int[] feature = (int[]) field(tree, "feature");
        double[] threshold = (double[]) field(tree, "threshold");
        int[] left = (int[]) field(tree, "left");
        int[] right = (int[]) field(tree, "right");
        int[] leafOffset = (int[]) field(tree, "leafOffset");
        double[] leafValues = (double[]) field(tree, "leafValues");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int node = 0; node < feature.length; node++) {
                StringBuilder line = new StringBuilder();
                line.append(node).append(' ').append(feature[node]);
                if (feature[node] >= 0) {
                    line.append(' ').append(Double.toString(threshold[node])).append(' ').append(left[node])
                            .append(' ').append(right[node]);
                } else {
                    for (int c = 0; c < numClasses; c++) {
                        line.append(' ').append(Double.toString(leafValues[leafOffset[node] + c]));
                    }
                }
                w.println(line);
            }
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    /** int32 rows, int32 cols, float64 values row-major, int32 labels; little-endian. */
    private static void write(Path file, double[][] x, int[] y) throws IOException {
        int rows = x.length;
        int cols = rows == 0 ? 0 : x[0].length;
        ByteBuffer buf = ByteBuffer.allocate(8 + 8 * rows * cols + 4 * rows).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(rows).putInt(cols);
        for (double[] r : x) {
            for (double v : r) {
                buf.putDouble(v);
            }
        }
        for (int label : y) {
            buf.putInt(label);
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
            o.write(buf.array());
        }
    }
}
