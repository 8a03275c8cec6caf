package org.muwclass.core.learn.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.FastRandomForest;
import org.muwclass.core.learn.SyntheticClasses;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

class FastRandomForestClassifierTest {

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
        FastRandomForestClassifier fast = new FastRandomForestClassifier();
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
        FastRandomForestClassifier forest = new FastRandomForestClassifier();
        forest.setOptions(Utils.splitOptions("-I 30 -K 0 -depth 7 -S 99 -num-slots 3"));
        assertEquals(new FastRandomForest.Options(30, 0, 7, 99, 3, true), forest.getForestOptions());
        String[] options = forest.getOptions();
        FastRandomForestClassifier copy = new FastRandomForestClassifier();
        copy.setOptions(options.clone());
        assertArrayEquals(options, copy.getOptions());
        assertEquals(forest.getForestOptions(), copy.getForestOptions());
        FastRandomForestClassifier defaults = new FastRandomForestClassifier();
        defaults.setOptions(new String[0]);
        assertEquals(FastRandomForest.Options.defaults(), defaults.getForestOptions());
        assertEquals("-I 100 -K 5 -depth 0 -S 1 -num-slots 1",
                String.join(" ", java.util.Arrays.copyOf(defaults.getOptions(), 10)));
    }

    @Test
    void badOptionsAreNamed() {
        FastRandomForestClassifier forest = new FastRandomForestClassifier();
        assertEquals("-I must be an integer, got 'ten'", assertThrows(IllegalArgumentException.class,
                () -> forest.setOptions(Utils.splitOptions("-I ten"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> forest.setOptions(Utils.splitOptions("-K -1"))).getMessage().contains("got -1"));
        assertThrows(Exception.class, () -> forest.setOptions(Utils.splitOptions("-Q 3")), "unknown option");
    }

    @Test
    void sameForestAtAnySlotCountAndAfterACopy() throws Exception {
        Instances data = SyntheticClasses.generate(40, 10, 4, 0.7, -100, 8L).toInstances("small");
        FastRandomForestClassifier one = new FastRandomForestClassifier();
        one.setOptions(Utils.splitOptions("-I 20 -S 5 -num-slots 1"));
        one.buildClassifier(data);
        FastRandomForestClassifier four = new FastRandomForestClassifier();
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
        assertTrue(assertThrows(WekaException.class, () -> new FastRandomForestClassifier().buildClassifier(data))
                .getMessage().contains("instance weights are not equal to 1"));
    }

    @Test
    void untrainedForestSaysSo() {
        assertEquals("FastRandomForestClassifier has not been trained: call buildClassifier first",
                assertThrows(IllegalStateException.class,
                        () -> new FastRandomForestClassifier().distributions(new double[][] {{1}})).getMessage());
    }

    @Test
    void wekaFaceGivesBitIdenticalProbabilitiesToThePlainForest() throws Exception {
        // The adapter only converts: option strings to Options and Instances to arrays; the trees are fit's.
        SyntheticClasses data = SyntheticClasses.generate(30, 8, 3, 0.8, -100, 17L);
        FastRandomForestClassifier weka = new FastRandomForestClassifier();
        weka.setOptions(Utils.splitOptions("-I 15 -K 3 -depth 6 -S 42 -num-slots 2 -bins 16"));
        weka.buildClassifier(data.toInstances("plain"));
        FastRandomForest.Model plain = FastRandomForest.fit(data.x(), data.y(), data.numClasses(),
                new FastRandomForest.Options(15, 3, 6, 42, 1, true, 16));
        double[][] expected = plain.predictProba(data.x());
        double[][] actual = weka.distributions(data.x());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
        }
        assertEquals(plain.totalNodeCount(), weka.getModel().totalNodeCount());
    }
}
