package org.muwclass.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

class FastRandomForestWekaTest {

    private static double crossValidatedAccuracy(Classifier classifier, Instances data) throws Exception {
        Evaluation evaluation = new Evaluation(data);
        evaluation.crossValidateModel(classifier, data, 5, new Random(1));
        return evaluation.pctCorrect();
    }

    @Test
    void crossValidatedAccuracyMatchesWekaRandomForest() throws Exception {
        // 8 Gaussian classes, 12 features, two blocks of -100 placeholders: about 80% accuracy, so both forests
        // have room to differ.
        Instances data = SyntheticClasses.generate(150, 12, 8, 0.8, -100, 2026L).toInstances("gauss8");
        FastRandomForest fast = new FastRandomForest();
        fast.setOptions(Utils.splitOptions("-I 100 -K 5 -S 1"));
        RandomForest weka = new RandomForest();
        weka.setNumIterations(100);
        weka.setNumFeatures(5);
        weka.setSeed(1);
        double fastAccuracy = crossValidatedAccuracy(fast, data);
        double wekaAccuracy = crossValidatedAccuracy(weka, data);
        assertTrue(wekaAccuracy > 60 && wekaAccuracy < 95, "the task is neither trivial nor hopeless: "
                + wekaAccuracy);
        assertEquals(wekaAccuracy, fastAccuracy, 2.0,
                "percent correct, FastRandomForest vs Weka RandomForest -I 100 -K 5");
    }

    @Test
    void optionsRoundTrip() throws Exception {
        FastRandomForest forest = new FastRandomForest();
        forest.setOptions(Utils.splitOptions("-I 30 -K 0 -depth 7 -S 99 -num-slots 3"));
        assertEquals(new FastRandomForest.Options(30, 0, 7, 99, 3, true), forest.getForestOptions());
        String[] options = forest.getOptions();
        FastRandomForest copy = new FastRandomForest();
        copy.setOptions(options.clone());
        assertArrayEquals(options, copy.getOptions());
        assertEquals(forest.getForestOptions(), copy.getForestOptions());
        FastRandomForest defaults = new FastRandomForest();
        defaults.setOptions(new String[0]);
        assertEquals(FastRandomForest.Options.defaults(), defaults.getForestOptions());
        assertEquals("-I 100 -K 5 -depth 0 -S 1 -num-slots 1",
                String.join(" ", java.util.Arrays.copyOf(defaults.getOptions(), 10)));
    }

    @Test
    void badOptionsAreNamed() {
        FastRandomForest forest = new FastRandomForest();
        assertEquals("-I must be an integer, got 'ten'", assertThrows(IllegalArgumentException.class,
                () -> forest.setOptions(Utils.splitOptions("-I ten"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> forest.setOptions(Utils.splitOptions("-K -1"))).getMessage().contains("got -1"));
        assertThrows(Exception.class, () -> forest.setOptions(Utils.splitOptions("-Q 3")), "unknown option");
    }

    @Test
    void sameForestAtAnySlotCountAndAfterACopy() throws Exception {
        Instances data = SyntheticClasses.generate(40, 10, 4, 0.7, -100, 8L).toInstances("small");
        FastRandomForest one = new FastRandomForest();
        one.setOptions(Utils.splitOptions("-I 20 -S 5 -num-slots 1"));
        one.buildClassifier(data);
        FastRandomForest four = new FastRandomForest();
        four.setOptions(Utils.splitOptions("-I 20 -S 5 -num-slots 4"));
        four.buildClassifier(data);
        Classifier copy = AbstractClassifier.makeCopy(one);   // serialisation round trip of a trained forest
        double[][] batch = one.distributionsForInstances(data);
        for (int i = 0; i < data.numInstances(); i++) {
            double[] expected = one.distributionForInstance(data.instance(i));
            assertArrayEquals(expected, four.distributionForInstance(data.instance(i)), 0.0);
            assertArrayEquals(expected, copy.distributionForInstance(data.instance(i)), 0.0);
            assertArrayEquals(expected, batch[i], 0.0);
        }
    }

    @Test
    void refusesWeightsOtherThanOne() {
        Instances data = SyntheticClasses.generate(10, 3, 2, 1.0, -100, 1L).toInstances("weighted");
        data.instance(4).setWeight(2.5);
        // Weka's capability check refuses them because FastRandomForest is no WeightedInstancesHandler.
        assertTrue(assertThrows(WekaException.class, () -> new FastRandomForest().buildClassifier(data))
                .getMessage().contains("instance weights are not equal to 1"));
    }

    @Test
    void untrainedForestSaysSo() {
        assertTrue(assertThrows(IllegalStateException.class,
                () -> new FastRandomForest().distributions(new double[][] {{1}})).getMessage().contains("trained"));
    }
}
