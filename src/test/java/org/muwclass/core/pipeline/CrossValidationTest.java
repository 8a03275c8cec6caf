package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

class CrossValidationTest {

    private static TrainingSet td;

    @BeforeAll
    static void load() {
        td = TrainingSetReader.readDefault();
    }

    private static CrossValidation cv(TrainingSet t) {
        return new CrossValidation(new PipelineSetup(t, LearnerCatalogue.standard(10), XrayAbsorption.loadDefault(),
                EbvResolver.standard()));
    }

    @Test
    void stratifiedFoldsBalanceEveryClass() {
        int[] y = td.sources().stream().mapToInt(s -> s.trueClass().ordinal()).toArray();
        int k = 10;
        int[] fold = StratifiedFolds.assign(y, SourceClass.count(), k, 99);
        assertArrayEquals(fold, StratifiedFolds.assign(y, SourceClass.count(), k, 99));
        int[][] n = new int[k][SourceClass.count()];
        int[] size = new int[k];
        for (int i = 0; i < y.length; i++) {
            n[fold[i]][y[i]]++;
            size[fold[i]]++;
        }
        for (int c = 0; c < SourceClass.count(); c++) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int f = 0; f < k; f++) {
                min = Math.min(min, n[f][c]);
                max = Math.max(max, n[f][c]);
            }
            assertTrue(max - min <= 1, "class " + c);
        }
        assertEquals(295, java.util.Arrays.stream(size).max().orElseThrow()); // 2941 = 9 x 294 + 295
        assertEquals(294, java.util.Arrays.stream(size).min().orElseThrow());
    }

    @Test
    void kFoldPredictsEverySourceOnceWithItsTrueClass() {
        List<SourceMeasurements> sub = new ArrayList<>();
        for (int i = 0; i < td.size(); i += 12) {
            sub.add(td.sources().get(i));
        }
        TrainingSet t = TrainingSet.of(sub, "every 12th");
        ClassificationResult r = cv(t).kFold(3, CvReddening.OCTAVE_GROUPS,
                RunParameters.of(3, 5L).withThreads(2).withDrawsPerUnit(3), ProgressListener.NONE, null);
        assertEquals(sub.size(), r.sources().size());
        int right = 0;
        for (int i = 0; i < sub.size(); i++) {
            SourceResult s = r.sources().get(i);
            assertEquals(sub.get(i).name(), s.name());
            assertEquals(sub.get(i).trueClass(), s.trueClass());
            assertEquals(3, s.probabilities().draws());
            // octave grouping: the reddening used is within a factor 2 of the source's own (or both below 0.05)
            assertTrue(s.ebvUsed() < 0.05 && s.ebvSource() < 0.05
                    || s.ebvUsed() <= 2 * s.ebvSource() && s.ebvSource() <= 2 * s.ebvUsed(), s.name());
            right += s.decision().predicted() == s.trueClass() ? 1 : 0;
        }
        assertTrue(right > 0.65 * sub.size(), right + " of " + sub.size());
        assertTrue(r.provenance().ebvPolicy().startsWith("k-fold 3"));
    }

    @Test
    void leaveOneOutReddensToTheSourcesOwnEbvAndNeverSeesTheTestSource() {
        // 6 sources per class except a single NS: left out, no NS remains to learn from
        Map<SourceClass, Integer> taken = new EnumMap<>(SourceClass.class);
        List<SourceMeasurements> sub = new ArrayList<>();
        for (SourceMeasurements s : td.sources()) {
            int limit = s.trueClass() == SourceClass.NS ? 1 : 6;
            if (taken.merge(s.trueClass(), 1, Integer::sum) <= limit) {
                sub.add(s);
            }
        }
        TrainingSet t = TrainingSet.of(sub, "tiny");
        ClassificationResult r = cv(t).leaveOneOut(RunParameters.of(2, 8L).withThreads(2), ProgressListener.NONE,
                null);
        assertEquals(43, r.sources().size());
        for (SourceResult s : r.sources()) {
            assertNotNull(s.decision());
            assertEquals(s.ebvSource(), s.ebvUsed(), 1e-15, "one-source bin: its own E(B-V)");
            if (s.trueClass() == SourceClass.NS) {
                assertEquals(0.0, s.probabilities().mean()[SourceClass.NS.ordinal()], "no leak of the test row");
            }
        }
    }

    private static TrainingSet tiny() {
        // 6 sources per class except a single NS
        Map<SourceClass, Integer> taken = new EnumMap<>(SourceClass.class);
        List<SourceMeasurements> sub = new ArrayList<>();
        for (SourceMeasurements s : td.sources()) {
            int limit = s.trueClass() == SourceClass.NS ? 1 : 6;
            if (taken.merge(s.trueClass(), 1, Integer::sum) <= limit) {
                sub.add(s);
            }
        }
        return TrainingSet.of(sub, "tiny");
    }

    @Test
    void givenFoldsWithNeverHeldOutSourcesReproduceLeaveOneOutOfTheSubset() {
        TrainingSet t = tiny();
        RunParameters p = RunParameters.of(2, 8L).withThreads(2);
        ClassificationResult loo = cv(t).leaveOneOut(p, ProgressListener.NONE, null);
        int[] fold = new int[t.size()];
        List<Integer> predicted = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            fold[i] = i % 5 == 2 ? i : -1; // every 5th source left out on its own, the others always trained on
            if (fold[i] >= 0) {
                predicted.add(i);
            }
        }
        ClassificationResult sub = cv(t).onFolds(fold, t.size(), CvReddening.TEST_SOURCE_BIN, p,
                ProgressListener.NONE, UnitExecutor.local(2, null));
        assertEquals(9, predicted.size());
        assertEquals(predicted.size(), sub.sources().size());
        for (int j = 0; j < predicted.size(); j++) {
            SourceResult a = loo.sources().get(predicted.get(j));
            SourceResult b = sub.sources().get(j);
            assertEquals(a.name(), b.name());
            assertArrayEquals(a.probabilities().mean(), b.probabilities().mean(), a.name());
            assertArrayEquals(a.probabilities().std(), b.probabilities().std(), a.name());
            assertEquals(a.decision().ct(), b.decision().ct(), a.name());
        }
        assertTrue(sub.provenance().ebvPolicy().startsWith("given folds (43)"), sub.provenance().ebvPolicy());
    }

    @Test
    void givenFoldsAreChecked() {
        TrainingSet t = tiny();
        RunParameters p = RunParameters.of(1, 8L);
        UnitExecutor units = UnitExecutor.local(1, null);
        CrossValidation cv = cv(t);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cv.onFolds(new int[42], 2,
                CvReddening.NONE, p, ProgressListener.NONE, units));
        assertEquals("fold assignment has 42 entries for 43 training sources", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cv.onFolds(new int[43], 0, CvReddening.NONE, p,
                ProgressListener.NONE, units));
        assertEquals("folds must be 1..43, got 0", e.getMessage());
        int[] fold = new int[43];
        fold[7] = 3;
        e = assertThrows(IllegalArgumentException.class, () -> cv.onFolds(fold, 3, CvReddening.NONE, p,
                ProgressListener.NONE, units));
        assertEquals("fold of source 7 must be -1..2, got 3", e.getMessage());
        fold[7] = -2;
        e = assertThrows(IllegalArgumentException.class, () -> cv.onFolds(fold, 3, CvReddening.NONE, p,
                ProgressListener.NONE, units));
        assertEquals("fold of source 7 must be -1..2, got -2", e.getMessage());
    }
}
