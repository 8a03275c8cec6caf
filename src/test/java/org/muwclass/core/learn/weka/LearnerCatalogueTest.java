package org.muwclass.core.learn.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.TrainingMatrix;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.learn.TrainedModel;
import org.muwclass.core.model.SourceClass;

class LearnerCatalogueTest {

    private static final FeatureSchema S = FeatureSchema.MUWCLASS;
    private static final int[] CLASSES = {SourceClass.AGN.ordinal(), SourceClass.CV.ordinal(),
        SourceClass.YSO.ordinal()};

    /** Three Gaussian classes separated along features 0 and 5 only; the rest is noise. */
    private static TrainingMatrix blobs(int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[perClass * CLASSES.length][S.size()];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = i % CLASSES.length;
            for (int j = 0; j < S.size(); j++) {
                x[i][j] = r.nextGaussian();
            }
            x[i][0] += 4 * k;
            x[i][5] -= 4 * k;
            y[i] = CLASSES[k];
        }
        return new TrainingMatrix(x, y);
    }

    private static double accuracy(TrainedModel m, TrainingMatrix test) {
        double[][] p = m.predict(test.rows());
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            assertEquals(SourceClass.count(), p[i].length);
            double sum = 0;
            int best = 0;
            for (int c = 0; c < p[i].length; c++) {
                sum += p[i][c];
                best = p[i][c] > p[i][best] ? c : best;
            }
            assertEquals(1.0, sum, 1e-9);
            ok += best == test.labels()[i] ? 1 : 0;
        }
        return ok / (double) p.length;
    }

    @Test
    void everyStandardLearnerSeparatesEasyClasses() {
        LearnerCatalogue cat = LearnerCatalogue.standard(10);
        assertEquals(List.of("fastrf", "rf", "extratrees", "boosting", "bagging", "svm", "knn", "tree",
                "fastrf-exact", "fastrf-hist"),
                List.copyOf(cat.names()));
        TrainingMatrix train = blobs(60, 1);
        TrainingMatrix test = blobs(40, 2);
        for (String name : cat.names()) {
            TrainedModel m = cat.get(name).train(train, S, 7);
            assertEquals(S, m.schema());
            assertTrue(accuracy(m, test) > 0.9, name);
        }
    }

    @Test
    void fastForestIsReproducibleFromItsSeedAndVotesInFifths() {
        forestIsReproducible(LearnerCatalogue.standard(5).get("FastRF"));
    }

    @Test
    void forestIsReproducibleFromItsSeed() {
        forestIsReproducible(LearnerCatalogue.standard(5).get("RF"));
    }

    private static void forestIsReproducible(Learner rf) {
        TrainingMatrix train = blobs(30, 3);
        TrainingMatrix test = blobs(20, 4);
        double[][] a = rf.train(train, S, 11).predict(test.rows());
        double[][] b = rf.train(train, S, 11).predict(test.rows());
        double[][] c = rf.train(train, S, 12).predict(test.rows());
        boolean differs = false;
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
            differs |= !java.util.Arrays.equals(a[i], c[i]);
        }
        assertTrue(differs, "another seed grows another forest");
        // 5 trees with pure leaves: probabilities are multiples of 1/5
        for (double p : a[0]) {
            assertEquals(0.0, Math.abs(p * 5 - Math.rint(p * 5)), 1e-9);
        }
    }

    @Test
    void unknownNamesListTheAllowedOnesAndEntriesCanBeAdded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearnerCatalogue.standard().get("xgboost"));
        assertTrue(e.getMessage().contains("allowed: fastrf, rf, extratrees"), e.getMessage());
        LearnerCatalogue more = LearnerCatalogue.standard().with("myrf", () -> LearnerCatalogue.randomForest(3));
        assertEquals("myrf", more.get("MyRF").name());
        assertFalse(LearnerCatalogue.standard().names().contains("myrf"));
    }

    @Test
    void forestImportanceRanksTheInformativeFeaturesFirst() {
        LearnerCatalogue cat = LearnerCatalogue.standard(20);
        WekaModel m = (WekaModel) cat.get("rf").train(blobs(60, 5), S, 1);
        double[] imp = m.impurityImportance().orElseThrow();
        assertEquals(1.0, java.util.Arrays.stream(imp).sum(), 1e-9);
        for (int j = 1; j < imp.length; j++) {
            if (j != 5) {
                assertTrue(imp[0] > imp[j] && imp[5] > imp[j], "feature " + j);
            }
        }
        assertTrue(((WekaModel) cat.get("tree").train(blobs(10, 5), S, 1)).impurityImportance().isEmpty());
    }

    @Test
    void aForestThatCanOnlySplitOneFeatureGivesItAllTheImportance() {
        double[][] x = new double[40][S.size()];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i][3] = i;  // the only non-constant feature
            y[i] = i < 20 ? SourceClass.AGN.ordinal() : SourceClass.YSO.ordinal();
        }
        WekaModel m = (WekaModel) LearnerCatalogue.standard(5).get("rf").train(new TrainingMatrix(x, y), S, 2);
        double[] imp = m.impurityImportance().orElseThrow();
        assertEquals(1.0, imp[3], 1e-12);
        assertEquals(0.0, java.util.Arrays.stream(imp).sum() - imp[3], 1e-12);
    }

    @Test
    void wekaStandInsKeepTheirDocumentedSettings() {
        // The option strings pin each stand-in's configuration (class javadoc); seeds are the work unit's.
        LearnerCatalogue cat = LearnerCatalogue.standard(7);
        TrainingMatrix data = blobs(15, 3);
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("extratrees", "-S seed -num-slots 1 -I 7 -W weka.classifiers.trees.RandomTree -- "
                + "-K 5 -M 1.0 -V 0.001 -S seed");
        expected.put("boosting", "-P 100 -L -1.7976931348623157E308 -H 0.1 -Z 3.0 -O 1 -E 1 -S seed -I 7 -W "
                + "weka.classifiers.trees.REPTree -- -M 2 -V 0.001 -N 3 -S seed -L 3 -P -I 0.0");
        expected.put("bagging", "-P 100 -S seed -num-slots 1 -I 10 -W weka.classifiers.trees.REPTree -- "
                + "-M 1 -V 0.001 -N 3 -S seed -L -1 -P -I 0.0");
        expected.put("svm", "-C 1.0 -L 0.001 -P 1.0E-12 -N 2 -M -V -1 -W 1 -K "
                + "\"weka.classifiers.functions.supportVector.RBFKernel -C 250007 -G 0.034482758620689655\" "
                + "-calibrator \"weka.classifiers.functions.Logistic -R 1.0E-8 -M -1 -num-decimal-places 4\"");
        expected.put("knn", "-K 5 -W 0 -A \"weka.core.neighboursearch.LinearNNSearch -A "
                + "\\\"weka.core.EuclideanDistance -D -R first-last\\\"\"");
        expected.put("tree", "-M 1 -V 0.001 -N 3 -S seed -L -1 -P -I 0.0");
        for (var e : expected.entrySet()) {
            WekaModel m = (WekaModel) cat.get(e.getKey()).train(data, S, 1);
            String options = weka.core.Utils.joinOptions(((weka.core.OptionHandler) m.classifier()).getOptions());
            assertEquals(e.getValue(), options.replaceAll("-S -?\\d+", "-S seed"), e.getKey());
        }
    }
}
