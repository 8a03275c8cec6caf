package org.muwclass.core.learn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Vector;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Utils;

/**
 * A random forest of CART trees grown like sklearn's {@code RandomForestClassifier} (Gini, best split at midpoints
 * between distinct values, bootstrap, {@code max_features} per node, one sample per leaf, split until pure), written
 * for speed: columns are presorted once per training matrix, trees grow on flat primitive arrays, and predictions
 * average the trees' leaf class fractions.
 *
 * <p>Two split searches ({@link Options#maxBins()}): exact (0, the default here; {@link TreeGrower}: presorted
 * columns, every midpoint between distinct values) and histogram ({@link HistTreeGrower}: every feature quantised
 * once per training matrix to at most 256 bins by {@link BinnedColumns}, splits between bins, thresholds still real
 * midpoints of training values). Both draw the same random numbers; with at most {@code maxBins} distinct values
 * per column they grow identical trees. Training sets of 2^23 rows or more always use the exact search.
 *
 * <p>Two entry points: the Weka classifier (options {@code -I -K -depth -S -num-slots -bins}; works in
 * {@link weka.classifiers.Evaluation}), and {@link #fit(double[][], int[], int, Options)} for plain arrays.
 *
 * <p>Features per split are drawn without replacement, as sklearn's {@code BestSplitter} does: a drawn feature that
 * is constant in the node counts as tried; if all K tried were constant, further features are drawn until one is not
 * (or none is left and the node becomes a leaf). With one sample per leaf allowed every non-constant feature has a
 * valid split. Differences from sklearn: values are equal only when exactly equal (sklearn: within 1e-7), and
 * {@code -K 0} means int(sqrt(number of features)) like sklearn's {@code "sqrt"} (Weka's RandomForest uses
 * log2 + 1 there).
 *
 * <p>Reproducible: every tree's seed is drawn from the master seed before any tree is grown, so a forest is
 * identical for any number of threads. Missing values (NaN, Weka's missing) are treated as negative infinity: in
 * training and prediction they always go to the left child. Only numeric attributes, a nominal class and instance
 * weights of 1 are handled (rows are weighted only by their bootstrap draw counts, so all class counts are integers).
 */
public class FastRandomForest extends AbstractClassifier implements Randomizable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FastRandomForest.class.getName());

    private Options forestOptions = Options.defaults();
    private Model model;
    private int[] featureAttributes;
    private int trainingNumAttributes;

    /**
     * Settings of a forest. Components: number of trees; features tried per split (0 means int(sqrt(number of
     * features)), at least 1; a value above the number of features means all of them, as in Weka's RandomTree);
     * maximum depth (0 = unlimited; the root has depth 0); master seed; number of threads used to grow trees (the
     * result does not depend on it); bootstrap (false grows every tree on the whole set, as sklearn's
     * {@code bootstrap=False}).
     */
    public record Options(int numTrees, int maxFeatures, int maxDepth, long seed, int numThreads, boolean bootstrap,
            int maxBins) implements Serializable {

        /** Checks every value, naming the first bad one. */
        public Options {
            if (numTrees < 1) {
                throw new IllegalArgumentException("numTrees (-I) must be at least 1, got " + numTrees);
            }
            if (maxFeatures < 0) {
                throw new IllegalArgumentException("maxFeatures (-K) must be 0 (int(sqrt(number of features))) or"
                        + " positive, got " + maxFeatures);
            }
            if (maxDepth < 0) {
                throw new IllegalArgumentException("maxDepth (-depth) must be 0 (unlimited) or positive, got "
                        + maxDepth);
            }
            if (numThreads < 1) {
                throw new IllegalArgumentException("numThreads (-num-slots) must be at least 1, got " + numThreads);
            }
            if (maxBins != EXACT && (maxBins < 2 || maxBins > BinnedColumns.MAX_BINS)) {
                throw new IllegalArgumentException("maxBins (-bins) must be 0 (exact split search) or 2 to "
                        + BinnedColumns.MAX_BINS + ", got " + maxBins);
            }
        }

        /** The exact split search (every midpoint between distinct values), as {@code maxBins}. */
        public static final int EXACT = 0;

        /** The histogram split search's default number of bins per feature. */
        public static final int DEFAULT_BINS = 256;

        /** Options with the exact split search. */
        public Options(int numTrees, int maxFeatures, int maxDepth, long seed, int numThreads, boolean bootstrap) {
            this(numTrees, maxFeatures, maxDepth, seed, numThreads, bootstrap, EXACT);
        }

        /** 100 trees, 5 features per split, unlimited depth, seed 1, one thread, bootstrap, exact split search. */
        public static Options defaults() {
            return new Options(100, 5, 0, 1L, 1, true, EXACT);
        }

        /** A copy with another number of trees. */
        public Options withNumTrees(int value) {
            return new Options(value, maxFeatures, maxDepth, seed, numThreads, bootstrap, maxBins);
        }

        /** A copy with another number of features per split (0 = int(sqrt(number of features))). */
        public Options withMaxFeatures(int value) {
            return new Options(numTrees, value, maxDepth, seed, numThreads, bootstrap, maxBins);
        }

        /** A copy with another maximum depth (0 = unlimited). */
        public Options withMaxDepth(int value) {
            return new Options(numTrees, maxFeatures, value, seed, numThreads, bootstrap, maxBins);
        }

        /** A copy with another master seed. */
        public Options withSeed(long value) {
            return new Options(numTrees, maxFeatures, maxDepth, value, numThreads, bootstrap, maxBins);
        }

        /** A copy with another number of threads. */
        public Options withNumThreads(int value) {
            return new Options(numTrees, maxFeatures, maxDepth, seed, value, bootstrap, maxBins);
        }

        /** A copy with bootstrap sampling switched on or off. */
        public Options withBootstrap(boolean value) {
            return new Options(numTrees, maxFeatures, maxDepth, seed, numThreads, value, maxBins);
        }

        /**
         * A copy with another split search: {@link #EXACT} (0) or the histogram search on at most {@code value}
         * bins per feature (2 to 256), quantised once per training set.
         */
        public Options withMaxBins(int value) {
            return new Options(numTrees, maxFeatures, maxDepth, seed, numThreads, bootstrap, value);
        }

        /** Whether splits are searched on binned features. */
        public boolean binned() {
            return maxBins != EXACT;
        }

        /** The number of features tried per split for a matrix with {@code numFeatures} columns. */
        public int featuresPerSplit(int numFeatures) {
            int k = maxFeatures == 0 ? (int) Math.sqrt(numFeatures) : maxFeatures;
            return Math.max(1, Math.min(k, numFeatures));
        }
    }

    /**
     * A trained forest: immutable, thread-safe and serialisable. Feature vectors are in training column order and may
     * hold NaN (goes left at every split).
     */
    public static final class Model implements Serializable {

        private static final long serialVersionUID = 1L;

        private final FlatTree[] trees;
        private final int numFeatures;
        private final int numClasses;
        private final Options options;
        private final double[] importances;

        Model(FlatTree[] trees, int numFeatures, int numClasses, Options options) {
            this.trees = trees;
            this.numFeatures = numFeatures;
            this.numClasses = numClasses;
            this.options = options;
            this.importances = meanDecreaseInImpurity(trees, numFeatures);
        }

        /** Number of feature columns the forest was trained on. */
        public int numFeatures() {
            return numFeatures;
        }

        /** Number of classes; probability vectors have this length. */
        public int numClasses() {
            return numClasses;
        }

        /** Number of trees. */
        public int numTrees() {
            return trees.length;
        }

        /** The options the forest was trained with. */
        public Options options() {
            return options;
        }

        /** Total number of nodes (internal and leaves) over all trees. */
        public long totalNodeCount() {
            long total = 0;
            for (FlatTree tree : trees) {
                total += tree.nodeCount();
            }
            return total;
        }

        /** Class probabilities of one feature vector: the mean over trees of the leaf class fractions. */
        public double[] predictProba(double[] x) {
            return predictProba(new double[][] {x})[0];
        }

        /**
         * Class probabilities of many feature vectors, {@code [row][class]}; each row is the mean over trees (summed
         * in tree order) of the leaf class fractions.
         */
        public double[][] predictProba(double[][] x) {
            InputChecks.rows("x", x, numFeatures);
            double[][] out = new double[x.length][numClasses];
            for (FlatTree tree : trees) {
                double[] values = tree.leafValues;
                for (int i = 0; i < x.length; i++) {
                    int offset = tree.leafFor(x[i]);
                    double[] row = out[i];
                    for (int c = 0; c < numClasses; c++) {
                        row[c] += values[offset + c];
                    }
                }
            }
            for (double[] row : out) {
                for (int c = 0; c < numClasses; c++) {
                    row[c] /= trees.length;
                }
            }
            return out;
        }

        /**
         * Impurity-based feature importances (mean decrease in Gini impurity) as sklearn computes them: per tree the
         * weighted impurity decreases summed per feature and normalised to sum 1, averaged over the trees that have
         * at least one split, and normalised to sum 1 again. All zero when no tree splits.
         */
        public double[] featureImportances() {
            return importances.clone();
        }

        FlatTree tree(int index) {
            return trees[index];
        }

        private static double[] meanDecreaseInImpurity(FlatTree[] trees, int numFeatures) {
            double[] mean = new double[numFeatures];
            int used = 0;
            for (FlatTree tree : trees) {
                if (tree.nodeCount() <= 1) {
                    continue;
                }
                used++;
                double sum = 0;
                for (double d : tree.impurityDecrease) {
                    sum += d;
                }
                if (sum > 0) {
                    for (int f = 0; f < numFeatures; f++) {
                        mean[f] += tree.impurityDecrease[f] / sum;
                    }
                }
            }
            double total = 0;
            for (int f = 0; f < numFeatures; f++) {
                mean[f] = used == 0 ? 0 : mean[f] / used;
                total += mean[f];
            }
            if (total > 0) {
                for (int f = 0; f < numFeatures; f++) {
                    mean[f] /= total;
                }
            }
            return mean;
        }
    }

    /**
     * Trains a forest on plain arrays.
     *
     * @param x feature matrix {@code [row][feature]}, at least one row, all rows of equal length; NaN means missing
     * @param y class index of each row, 0 to {@code numClasses - 1}
     * @param numClasses number of classes (classes absent from {@code y} get probability 0)
     * @param options forest settings
     * @throws IllegalArgumentException naming the bad argument, row or value
     */
    public static Model fit(double[][] x, int[] y, int numClasses, Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        InputChecks.trainingSet(x, y, numClasses);
        long started = System.nanoTime();
        int numFeatures = x[0].length;
        int k = options.featuresPerSplit(numFeatures);
        Supplier<TreeSource> growers;
        if (options.binned() && y.length < HistTreeGrower.MAX_ROWS) {
            BinnedColumns data = BinnedColumns.of(x, y, numClasses, options.maxBins());
            growers = () -> new HistTreeGrower(data, k, options.maxDepth(), options.bootstrap())::grow;
        } else {
            PresortedColumns data = PresortedColumns.of(x, y, numClasses);
            growers = () -> new TreeGrower(data, k, options.maxDepth(), options.bootstrap())::grow;
        }
        FlatTree[] trees = growTrees(growers, options);
        Model model = new Model(trees, numFeatures, numClasses, options);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(String.format("Forest of %d trees on %d x %d grown in %.0f ms with %d thread(s), %s",
                    trees.length, y.length, numFeatures, (System.nanoTime() - started) / 1e6,
                    options.numThreads(), options.binned() ? options.maxBins() + " bins" : "exact"));
        }
        return model;
    }

    /** Per-tree seeds, all drawn from the master seed before any tree grows (Tribuo's BaggingTrainer pattern). */
    static long[] treeSeeds(long masterSeed, int numTrees) {
        SplittableRandom master = new SplittableRandom(masterSeed);
        long[] seeds = new long[numTrees];
        for (int t = 0; t < numTrees; t++) {
            seeds[t] = master.nextLong();
        }
        return seeds;
    }

    /** A per-thread tree grower: one tree per seed. */
    private interface TreeSource {
        FlatTree grow(long seed);
    }

    private static FlatTree[] growTrees(Supplier<TreeSource> growers, Options options) {
        int numTrees = options.numTrees();
        long[] seeds = treeSeeds(options.seed(), numTrees);
        FlatTree[] trees = new FlatTree[numTrees];
        int threads = Math.min(options.numThreads(), numTrees);
        if (threads == 1) {
            TreeSource grower = growers.get();
            for (int t = 0; t < numTrees; t++) {
                trees[t] = grower.grow(seeds[t]);
            }
            return trees;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "FastRandomForest-grower");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    TreeSource grower = growers.get();
                    for (int t = next.getAndIncrement(); t < numTrees; t = next.getAndIncrement()) {
                        trees[t] = grower.grow(seeds[t]);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while growing trees", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Growing a tree failed", cause);
        } finally {
            pool.shutdownNow();
        }
        return trees;
    }

    // ---- Weka classifier -------------------------------------------------------------------------------------

    /** Weka's one-line description. */
    public String globalInfo() {
        return "Random forest of CART trees grown like sklearn's RandomForestClassifier (Gini, midpoint thresholds,"
                + " bootstrap, max_features per node, split until pure), fast: presorted columns (or binned features"
                + " with -bins), flat trees."
                + " Missing values go to the left child. Results do not depend on the number of threads.";
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capability.MISSING_VALUES);
        result.enable(Capability.NOMINAL_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.setMinimumNumberInstances(1);
        return result;
    }

    /**
     * Trains on numeric attributes and a nominal class. Instances without a class value are skipped; instance
     * weights other than 1 are refused by the capability check (this is no {@code WeightedInstancesHandler}).
     */
    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        int classIndex = data.classIndex();
        int[] features = new int[data.numAttributes() - 1];
        for (int a = 0, j = 0; a < data.numAttributes(); a++) {
            if (a != classIndex) {
                features[j++] = a;
            }
        }
        List<double[]> rows = new ArrayList<>(data.numInstances());
        List<Integer> labels = new ArrayList<>(data.numInstances());
        for (Instance instance : data) {
            if (!instance.classIsMissing()) {
                rows.add(featureVector(instance, features));
                labels.add((int) instance.classValue());
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No training instance has a class value");
        }
        double[][] x = rows.toArray(new double[0][]);
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        featureAttributes = features;
        trainingNumAttributes = data.numAttributes();
        model = fit(x, y, data.numClasses(), forestOptions);
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        return trainedModel().predictProba(featureVector(checked(instance), featureAttributes));
    }

    @Override
    public double[][] distributionsForInstances(Instances instances) throws Exception {
        Model trained = trainedModel();
        double[][] x = new double[instances.numInstances()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = featureVector(checked(instances.instance(i)), featureAttributes);
        }
        return trained.predictProba(x);
    }

    @Override
    public boolean implementsMoreEfficientBatchPrediction() {
        return true;
    }

    /**
     * Class probabilities for many rows at once, {@code [row][class]}.
     *
     * @param x rows holding the values of the non-class attributes in header order (NaN = missing)
     */
    public double[][] distributions(double[][] x) {
        return trainedModel().predictProba(x);
    }

    /** The trained forest. */
    public Model getModel() {
        return trainedModel();
    }

    private Model trainedModel() {
        if (model == null) {
            throw new IllegalStateException("FastRandomForest has not been trained: call buildClassifier first");
        }
        return model;
    }

    private Instance checked(Instance instance) {
        if (instance.numAttributes() != trainingNumAttributes) {
            throw new IllegalArgumentException("Instance has " + instance.numAttributes()
                    + " attributes, the forest was trained on " + trainingNumAttributes);
        }
        return instance;
    }

    private static double[] featureVector(Instance instance, int[] features) {
        double[] x = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            x[j] = instance.value(features[j]);   // NaN when missing
        }
        return x;
    }

    /** The settings as a record. */
    public Options getForestOptions() {
        return forestOptions;
    }

    /** Replaces all settings at once. */
    public void setForestOptions(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        forestOptions = options;
    }

    /** Number of trees (-I). */
    public int getNumIterations() {
        return forestOptions.numTrees();
    }

    /** Sets the number of trees (-I), at least 1. */
    public void setNumIterations(int numTrees) {
        forestOptions = forestOptions.withNumTrees(numTrees);
    }

    /** Weka GUI help for -I. */
    public String numIterationsTipText() {
        return "The number of trees.";
    }

    /** Features tried per split (-K); 0 means int(sqrt(number of features)). */
    public int getNumFeatures() {
        return forestOptions.maxFeatures();
    }

    /** Sets the features tried per split (-K); 0 means int(sqrt(number of features)). */
    public void setNumFeatures(int maxFeatures) {
        forestOptions = forestOptions.withMaxFeatures(maxFeatures);
    }

    /** Weka GUI help for -K. */
    public String numFeaturesTipText() {
        return "Features tried per split; 0 means int(sqrt(number of features)).";
    }

    /** Maximum tree depth (-depth); 0 means unlimited. */
    public int getMaxDepth() {
        return forestOptions.maxDepth();
    }

    /** Sets the maximum tree depth (-depth); 0 means unlimited. */
    public void setMaxDepth(int maxDepth) {
        forestOptions = forestOptions.withMaxDepth(maxDepth);
    }

    /** Weka GUI help for -depth. */
    public String maxDepthTipText() {
        return "The maximum depth of the trees; 0 means unlimited.";
    }

    /** Number of threads growing trees (-num-slots); results do not depend on it. */
    public int getNumExecutionSlots() {
        return forestOptions.numThreads();
    }

    /** Sets the number of threads growing trees (-num-slots), at least 1. */
    public void setNumExecutionSlots(int numThreads) {
        forestOptions = forestOptions.withNumThreads(numThreads);
    }

    /** Weka GUI help for -num-slots. */
    public String numExecutionSlotsTipText() {
        return "Number of threads growing trees; the forest does not depend on it.";
    }

    @Override
    public void setSeed(int seed) {
        forestOptions = forestOptions.withSeed(seed);
    }

    @Override
    public int getSeed() {
        return (int) forestOptions.seed();
    }

    /** Weka GUI help for -S. */
    public String seedTipText() {
        return "The master random seed.";
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\tNumber of trees.\n\t(default 100)", "I", 1, "-I <num>"));
        options.add(new Option("\tFeatures tried per split; 0 = int(sqrt(number of features)).\n\t(default 5)",
                "K", 1, "-K <num>"));
        options.add(new Option("\tMaximum depth of the trees; 0 = unlimited.\n\t(default 0)", "depth", 1,
                "-depth <num>"));
        options.add(new Option("\tMaster random seed.\n\t(default 1)", "S", 1, "-S <num>"));
        options.add(new Option("\tNumber of threads growing trees.\n\t(default 1)", "num-slots", 1,
                "-num-slots <num>"));
        options.add(new Option("\tSplit search: 0 = exact, else histogram on at most this many bins per feature"
                + " (2 to 256).\n\t(default 0)", "bins", 1, "-bins <num>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        Options defaults = Options.defaults();
        int numTrees = intOption("I", options, defaults.numTrees());
        int maxFeatures = intOption("K", options, defaults.maxFeatures());
        int maxDepth = intOption("depth", options, defaults.maxDepth());
        int seed = intOption("S", options, (int) defaults.seed());
        int numThreads = intOption("num-slots", options, defaults.numThreads());
        int maxBins = intOption("bins", options, defaults.maxBins());
        forestOptions = new Options(numTrees, maxFeatures, maxDepth, seed, numThreads, true, maxBins);
        super.setOptions(options);
        Utils.checkForRemainingOptions(options);
    }

    private static int intOption(String flag, String[] options, int defaultValue) throws Exception {
        String value = Utils.getOption(flag, options);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-" + flag + " must be an integer, got '" + value + "'", e);
        }
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-I", Integer.toString(forestOptions.numTrees()),
                "-K", Integer.toString(forestOptions.maxFeatures()),
                "-depth", Integer.toString(forestOptions.maxDepth()),
                "-S", Integer.toString(getSeed()),
                "-num-slots", Integer.toString(forestOptions.numThreads()),
                "-bins", Integer.toString(forestOptions.maxBins())));
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    @Override
    public String toString() {
        if (model == null) {
            return "FastRandomForest: not trained";
        }
        return String.format("FastRandomForest: %d trees, %d features per split, max depth %s, %s split search,"
                + " %d nodes in all", model.numTrees(), forestOptions.featuresPerSplit(model.numFeatures()),
                forestOptions.maxDepth() == 0 ? "unlimited" : Integer.toString(forestOptions.maxDepth()),
                forestOptions.binned() ? forestOptions.maxBins() + "-bin histogram" : "exact",
                model.totalNodeCount());
    }
}
