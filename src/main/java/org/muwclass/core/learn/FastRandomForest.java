package org.muwclass.core.learn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * <p>Trained on plain arrays by {@link #fit(double[][], int[], int, Options)}; no Weka type appears here. The Weka
 * face (options {@code -I -K -depth -S -num-slots -bins}, usable in Weka's {@code Evaluation}) is
 * {@code org.muwclass.core.learn.weka.FastRandomForestClassifier}.
 *
 * <p>Features per split are drawn without replacement, as sklearn's {@code BestSplitter} does: a drawn feature that
 * is constant in the node counts as tried; if all K tried were constant, further features are drawn until one is not
 * (or none is left and the node becomes a leaf). With one sample per leaf allowed every non-constant feature has a
 * valid split. Differences from sklearn: values are equal only when exactly equal (sklearn: within 1e-7), and
 * {@code maxFeatures} 0 means int(sqrt(number of features)) like sklearn's {@code "sqrt"} (Weka's RandomForest uses
 * log2 + 1 there).
 *
 * <p>Reproducible: every tree's seed is drawn from the master seed before any tree is grown, so a forest is
 * identical for any number of threads. Missing values (NaN) are treated as negative infinity: in
 * training and prediction they always go to the left child. Rows are weighted only by their bootstrap draw counts,
 * so all class counts are integers.
 */
public final class FastRandomForest {

    private static final Logger LOG = Logger.getLogger(FastRandomForest.class.getName());

    private FastRandomForest() {
    }

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
}
