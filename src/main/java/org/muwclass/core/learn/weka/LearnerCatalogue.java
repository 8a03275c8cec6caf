package org.muwclass.core.learn.weka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.muwclass.core.learn.FastForestLearner;
import org.muwclass.core.learn.FastRandomForest;
import org.muwclass.core.learn.Learner;
import weka.classifiers.Classifier;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.lazy.IBk;
import weka.classifiers.meta.Bagging;
import weka.classifiers.meta.LogitBoost;
import weka.classifiers.meta.RandomCommittee;
import weka.classifiers.trees.REPTree;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.EuclideanDistance;
import weka.core.SelectedTag;
import weka.core.neighboursearch.LinearNNSearch;

/**
 * Learners selectable by name. Immutable: {@link #with} returns an extended copy, so a service can add entries
 * (e.g. {@code "fastrf"}) at start-up. Weka stand-ins for the paper's sklearn algorithms (Table 4), with sklearn's
 * defaults where Weka allows:
 * <ul>
 *   <li>{@code fastrf} (the pipeline default): the paper's forest as a {@link FastRandomForest} (sklearn's CART
 *       growth: Gini, bootstrap, 5 features per split, unlimited depth), trained on plain arrays with the histogram
 *       split search (features quantised to 256 bins once per training set); same accuracy as {@code rf} at a
 *       fraction of the cost (docs/benchmarks.md).</li>
 *   <li>{@code fastrf-exact}, {@code fastrf-hist} (listed last): the same forest with the exact split search (every
 *       midpoint between distinct values; {@code fastrf} before 2026-12-07) and with the 256-bin histogram search,
 *       for validation.</li>
 *   <li>{@code rf}: RandomForest -I n -K 5, unlimited depth, min leaf 1, one thread (paper's classifier; sklearn
 *       max_features int(sqrt 29) = 5).</li>
 *   <li>{@code extratrees}: RandomCommittee of n RandomTree (K 5, min leaf 1, unlimited depth): like ExtraTrees, no
 *       bootstrap and per-tree randomness, but split thresholds are optimised rather than drawn at random (weka-stable
 *       has no ExtraTree class).</li>
 *   <li>{@code boosting}: LogitBoost, n iterations, shrinkage 0.1, REPTree base of depth 3 without pruning (sklearn
 *       GradientBoosting: 100 stages, learning rate 0.1, depth 3).</li>
 *   <li>{@code bagging}: Bagging of 10 unpruned REPTrees (sklearn default: 10 unpruned trees).</li>
 *   <li>{@code svm}: SMO, RBF kernel gamma = 1/29 (sklearn 'auto'), C = 1, no internal rescaling (rows are already
 *       standardised), logistic calibration models for probabilities (sklearn uses Platt scaling).</li>
 *   <li>{@code knn}: IBk k = 5, Euclidean distance without range normalisation (sklearn KNN).</li>
 *   <li>{@code tree}: one unpruned REPTree with min leaf 1 (sklearn DecisionTree, unpruned CART).</li>
 * </ul>
 * Ensemble size n is 100 unless given ({@link #standard(int)}, small values for tests).
 */
public final class LearnerCatalogue {

    /** Number of trees of the paper's forest. */
    public static final int PAPER_TREES = 100;
    /** Features tried per split: int(sqrt(29)). */
    public static final int FEATURES_PER_SPLIT = FastForestLearner.FEATURES_PER_SPLIT;

    private final Map<String, Learner> learners;

    private LearnerCatalogue(Map<String, Learner> learners) {
        this.learners = Collections.unmodifiableMap(learners);
    }

    /** The standard entries with 100-member ensembles. */
    public static LearnerCatalogue standard() {
        return standard(PAPER_TREES);
    }

    /** The standard entries with {@code ensembleSize} trees / iterations for rf, extratrees and boosting. */
    public static LearnerCatalogue standard(int ensembleSize) {
        if (ensembleSize < 1) {
            throw new IllegalArgumentException("Ensemble size must be >= 1, got " + ensembleSize);
        }
        Map<String, Learner> m = new LinkedHashMap<>();
        m.put(FastForestLearner.NAME, new FastForestLearner(ensembleSize));
        put(m, "rf", () -> randomForest(ensembleSize));
        put(m, "extratrees", () -> extraTrees(ensembleSize));
        put(m, "boosting", () -> boosting(ensembleSize));
        put(m, "bagging", LearnerCatalogue::bagging);
        put(m, "svm", LearnerCatalogue::svm);
        put(m, "knn", LearnerCatalogue::knn);
        put(m, "tree", () -> unprunedRepTree(0, 1));
        // Listed last so that messages naming the allowed learners keep their familiar start.
        m.put(FastForestLearner.EXACT_NAME, new FastForestLearner(FastForestLearner.EXACT_NAME, ensembleSize,
                FastRandomForest.Options.EXACT));
        m.put(FastForestLearner.HIST_NAME, new FastForestLearner(FastForestLearner.HIST_NAME, ensembleSize,
                FastRandomForest.Options.DEFAULT_BINS));
        return new LearnerCatalogue(m);
    }

    /** RandomCommittee of n RandomTree (K 5, min leaf 1, unlimited depth), one thread. */
    private static Classifier extraTrees(int trees) {
        RandomTree t = new RandomTree();
        t.setKValue(FEATURES_PER_SPLIT);
        t.setMinNum(1);
        t.setMaxDepth(0);
        RandomCommittee rc = new RandomCommittee();
        rc.setClassifier(t);
        rc.setNumIterations(trees);
        rc.setNumExecutionSlots(1);
        return rc;
    }

    /** LogitBoost of n iterations, shrinkage 0.1, on unpruned REPTrees of depth 3 (Weka's default min leaf 2). */
    private static Classifier boosting(int iterations) {
        LogitBoost lb = new LogitBoost();
        lb.setClassifier(unprunedRepTree(3, 0));
        lb.setNumIterations(iterations);
        lb.setShrinkage(0.1);
        return lb;
    }

    /** Bagging of 10 unpruned REPTrees with min leaf 1, one thread. */
    private static Classifier bagging() {
        Bagging b = new Bagging();
        b.setClassifier(unprunedRepTree(0, 1));
        b.setNumIterations(10);
        b.setNumExecutionSlots(1);
        return b;
    }

    /** SMO, RBF kernel gamma 1/29, C 1, no rescaling, logistic calibration for probabilities. */
    private static Classifier svm() {
        SMO smo = new SMO();
        RBFKernel k = new RBFKernel();
        k.setGamma(1.0 / 29);
        smo.setKernel(k);
        smo.setC(1.0);
        smo.setFilterType(new SelectedTag(SMO.FILTER_NONE, SMO.TAGS_FILTER));
        smo.setBuildCalibrationModels(true);
        return smo;
    }

    /** IBk k = 5, Euclidean distance without range normalisation. */
    private static Classifier knn() {
        IBk knn = new IBk(5);
        EuclideanDistance d = new EuclideanDistance();
        d.setDontNormalize(true);
        LinearNNSearch search = new LinearNNSearch();
        try {
            search.setDistanceFunction(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        knn.setNearestNeighbourSearchAlgorithm(search);
        return knn;
    }

    /**
     * An unpruned REPTree.
     *
     * @param maxDepth maximum depth, or 0 to keep Weka's default (unlimited)
     * @param minLeaf  minimum instances per leaf, or 0 to keep Weka's default (2)
     */
    private static REPTree unprunedRepTree(int maxDepth, int minLeaf) {
        REPTree t = new REPTree();
        if (maxDepth > 0) {
            t.setMaxDepth(maxDepth);
        }
        t.setNoPruning(true);
        if (minLeaf > 0) {
            t.setMinNum(minLeaf);
        }
        return t;
    }

    /** The paper's forest: -I trees -K 5, unlimited depth, single-threaded. */
    public static RandomForest randomForest(int trees) {
        RandomForest rf = new RandomForest();
        paperForest(trees, rf::setNumIterations, rf::setNumFeatures, rf::setMaxDepth, rf::setNumExecutionSlots);
        return rf;
    }

    /**
     * The paper's forest grown like sklearn's, as a Weka classifier: {@link FastRandomForestClassifier} -I trees -K 5,
     * unlimited depth, one thread.
     */
    public static FastRandomForestClassifier fastRandomForest(int trees) {
        FastRandomForestClassifier rf = new FastRandomForestClassifier();
        paperForest(trees, rf::setNumIterations, rf::setNumFeatures, rf::setMaxDepth, rf::setNumExecutionSlots);
        return rf;
    }

    /**
     * Sets the paper's forest (-I trees -K 5, unlimited depth, one thread) through the four setters Weka's RandomForest
     * and {@link FastRandomForestClassifier} both have but share no type for.
     */
    private static void paperForest(int trees, IntConsumer iterations, IntConsumer featuresPerSplit,
                                    IntConsumer maxDepth, IntConsumer executionSlots) {
        iterations.accept(trees);
        featuresPerSplit.accept(FEATURES_PER_SPLIT);
        maxDepth.accept(0);
        executionSlots.accept(1);
    }

    private static void put(Map<String, Learner> m, String name, Supplier<? extends Classifier> f) {
        m.put(name, new WekaLearner(name, f));
    }

    /** A copy with one more (or a replaced) Weka classifier under {@code name}. */
    public LearnerCatalogue with(String name, Supplier<? extends Classifier> factory) {
        return with(new WekaLearner(key(name), factory));
    }

    /** A copy with one more (or a replaced) learner under its name. */
    public LearnerCatalogue with(Learner learner) {
        Map<String, Learner> m = new LinkedHashMap<>(learners);
        m.put(key(learner.name()), learner);
        return new LearnerCatalogue(m);
    }

    /** Names in catalogue order. */
    public Set<String> names() {
        return learners.keySet();
    }

    /**
     * @throws IllegalArgumentException listing the known names when {@code name} is not one of them
     */
    public Learner get(String name) {
        Learner l = learners.get(key(name));
        if (l == null) {
            throw new IllegalArgumentException("Unknown algorithm '" + name + "'; allowed: "
                    + String.join(", ", learners.keySet()));
        }
        return l;
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
