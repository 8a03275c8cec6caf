package org.muwclass.core.learn.weka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import org.muwclass.core.learn.FastRandomForest;
import org.muwclass.core.learn.FastRandomForest.Model;
import org.muwclass.core.learn.FastRandomForest.Options;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Utils;

/**
 * {@link FastRandomForest} as a Weka classifier: options {@code -I -K -depth -S -num-slots -bins}, bean properties
 * with GUI tip texts, capabilities, and training and prediction on {@link Instances}, so the forest works in Weka's
 * {@code Evaluation} and in {@link LearnerCatalogue#with(String, java.util.function.Supplier)}. It only converts:
 * the forest itself (and its results, bit for bit) is {@link FastRandomForest#fit}.
 *
 * <p>Only numeric attributes, a nominal class and instance weights of 1 are handled; missing values (Weka's NaN)
 * go to the left child at every split.
 */
public class FastRandomForestClassifier extends AbstractClassifier implements Randomizable {

    private static final long serialVersionUID = 1L;

    private Options forestOptions = Options.defaults();
    private Model model;
    private int[] featureAttributes;
    private int trainingNumAttributes;

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
        model = FastRandomForest.fit(x, y, data.numClasses(), forestOptions);
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
            throw new IllegalStateException("FastRandomForestClassifier has not been trained: call buildClassifier first");
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
