package org.muwclass.core.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * A seeded synthetic classification set shaped like the MUWCLASS training matrix: balanced classes with Gaussian
 * features around class means, a shared per-row factor correlating neighbouring features (like colours), and blocks
 * of features missing together (like a catalogue without a match) with a class-dependent rate, written as a
 * placeholder value (the pipeline's -100) or NaN.
 */
public record SyntheticClasses(double[][] x, int[] y, int numClasses) {

    /**
     * Generates the set.
     *
     * @param rowsPerClass rows of each class
     * @param numFeatures feature columns
     * @param numClasses classes
     * @param separation spread of the class means in units of the noise sigma
     * @param missingValue value written for a missing block (e.g. -100 or NaN); blocks are only made missing when
     *     {@code numFeatures >= 12}
     * @param seed random seed
     */
    public static SyntheticClasses generate(int rowsPerClass, int numFeatures, int numClasses, double separation,
            double missingValue, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] means = new double[numClasses][numFeatures];
        double[] missingRate = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            for (int f = 0; f < numFeatures; f++) {
                means[c][f] = separation * gaussian(rng);
            }
            missingRate[c] = 0.5 * rng.nextDouble();
        }
        int n = rowsPerClass * numClasses;
        double[][] x = new double[n][numFeatures];
        int[] y = new int[n];
        int block = numFeatures / 3;
        for (int i = 0; i < n; i++) {
            int c = i % numClasses;
            y[i] = c;
            double shared = gaussian(rng);
            for (int f = 0; f < numFeatures; f++) {
                x[i][f] = means[c][f] + 0.6 * shared * ((f % 4) - 1.5) / 1.5 + gaussian(rng);
            }
            if (numFeatures >= 12) {
                // Two catalogue-like blocks, each missing with the class's rate.
                for (int b = 1; b <= 2; b++) {
                    if (rng.nextDouble() < missingRate[c]) {
                        for (int f = b * block; f < (b + 1) * block; f++) {
                            x[i][f] = missingValue;
                        }
                    }
                }
            }
        }
        return new SyntheticClasses(x, y, numClasses);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; one value per call keeps the stream simple.
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive) as a new set. */
    public SyntheticClasses slice(int from, int to) {
        return new SyntheticClasses(java.util.Arrays.copyOfRange(x, from, to),
                java.util.Arrays.copyOfRange(y, from, to), numClasses);
    }

    /** A copy of the feature matrix with every NaN replaced by {@code value} (e.g. negative infinity). */
    public double[][] xWithNanAs(double value) {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
            for (int f = 0; f < copy[i].length; f++) {
                if (Double.isNaN(copy[i][f])) {
                    copy[i][f] = value;
                }
            }
        }
        return copy;
    }

    /** The set as Weka instances: numeric attributes f0.., then a nominal class c0.. as the last attribute. */
    public Instances toInstances(String name) {
        int p = x[0].length;
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int f = 0; f < p; f++) {
            attributes.add(new Attribute("f" + f));
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            labels.add("c" + c);
        }
        attributes.add(new Attribute("class", labels));
        Instances data = new Instances(name, attributes, x.length);
        data.setClassIndex(p);
        for (int i = 0; i < x.length; i++) {
            double[] values = java.util.Arrays.copyOf(x[i], p + 1);
            values[p] = y[i];
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }
}
