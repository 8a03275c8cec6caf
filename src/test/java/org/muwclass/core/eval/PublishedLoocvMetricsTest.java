package org.muwclass.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;

/** Reproduces the docs/algorithm.md §10.3 numbers (and the paper's) from the published LOOCV table. */
class PublishedLoocvMetricsTest {

    private static List<LabelledPrediction> loo;

    @BeforeAll
    static void read() {
        loo = LabelledPredictionTable.read(CsvTable.readResource("/muwclass/reference/LOO_classes.csv"),
                LabelledPredictionTable.LOO_CLASSES);
    }

    private static double pct2(double fraction) {
        return Math.round(fraction * 10000.0) / 100.0;
    }

    private static double pct1(double fraction) {
        return Math.round(fraction * 1000.0) / 10.0;
    }

    private static void assertRow(ConfidenceCut cut, int n, double acc, double bal, double f1, double mcc,
            double completeness, double balancedCompleteness) {
        ClassificationMetrics m = cut.metrics();
        assertEquals(n, cut.kept(), "n");
        assertEquals(acc, pct2(m.accuracy()), "accuracy %");
        assertEquals(bal, pct2(m.balancedAccuracy()), "balanced accuracy %");
        assertEquals(f1, pct2(m.macroF1()), "macro F1 %");
        assertEquals(mcc, pct2(m.mcc()), "MCC %");
        assertEquals(completeness, pct2(cut.completeness()), "completeness %");
        assertEquals(balancedCompleteness, pct2(cut.balancedCompleteness()), "balanced completeness %");
    }

    @Test
    void readsAllRows() {
        assertEquals(2941, loo.size());
        assertEquals("2CXO J000009.3+135618", loo.get(0).name());
        assertEquals(0.1148769198172841, loo.get(0).probabilityError(SourceClass.AGN), 0.0);
    }

    @Test
    void roundedTrainingSetTableGivesOneMoreConfidentSource() {
        // TD.csv rounds CT to 3 decimals: 2CXO J033135.7-275134 (CT 1.9995) passes CT >= 2 there (docs/algorithm.md
        // §1.1).
        List<LabelledPrediction> td = LabelledPredictionTable.read(CsvTable.readResource("/muwclass/TD.csv"),
                LabelledPredictionTable.Columns.detect(List.of("True_Class")).orElseThrow());
        assertEquals(2941, td.size());
        assertEquals(2383, ConfidenceCut.apply(td, 2.0).kept());
        assertEquals(88.61, pct2(ClassificationMetrics.of(td).accuracy()));
    }

    @Test
    void allSources() {
        ClassificationMetrics m = ClassificationMetrics.of(loo);
        assertEquals(2941, m.n());
        assertEquals(88.61, pct2(m.accuracy()));
        assertEquals(70.23, pct2(m.balancedAccuracy()));
        assertEquals(68.12, pct2(m.macroF1()));
        assertEquals(82.92, pct2(m.mcc()));
        assertRow(ConfidenceCut.apply(loo, 0.0), 2941, 88.61, 70.23, 68.12, 82.92, 100.0, 100.0);
    }

    @Test
    void confidentCtAtLeast2() {
        assertRow(ConfidenceCut.apply(loo, 2.0), 2382, 97.02, 79.01, 79.49, 95.03, 80.99, 56.88);
    }

    @Test
    void ctAtLeast1And3() {
        assertRow(ConfidenceCut.apply(loo, 1.0), 2616, 94.34, 75.54, 74.78, 90.99, 88.95, 74.42);
        assertRow(ConfidenceCut.apply(loo, 3.0), 2219, 98.15, 82.58, 82.99, 96.83, 75.45, 46.73);
    }

    @Test
    void rocAuc() {
        ClassificationMetrics m = ClassificationMetrics.of(loo);
        assertEquals(0.9772, Math.round(m.macroRocAuc() * 1e4) / 1e4);
        double[] expected = {0.995, 0.954, 0.978, 0.994, 0.986, 0.938, 0.982, 0.992};
        for (SourceClass c : SourceClass.values()) {
            assertEquals(expected[c.ordinal()], Math.round(m.rocAuc(c) * 1e3) / 1e3, c.label());
        }
    }

    @Test
    void rawConfusionCounts() {
        long[][] all = {
            {1286, 5, 0, 0, 2, 40, 29, 28}, {4, 24, 1, 2, 1, 7, 2, 3}, {0, 0, 85, 0, 13, 0, 3, 17},
            {0, 2, 3, 18, 0, 0, 0, 3}, {1, 1, 12, 0, 178, 1, 0, 14}, {7, 13, 1, 1, 1, 17, 22, 3},
            {1, 2, 0, 0, 0, 23, 59, 2}, {7, 3, 25, 3, 24, 3, 0, 939}};
        long[][] ct2 = {
            {1201, 1, 0, 0, 0, 0, 6, 6}, {0, 11, 0, 1, 0, 1, 0, 2}, {0, 0, 50, 0, 5, 0, 0, 8},
            {0, 1, 2, 12, 0, 0, 0, 1}, {1, 0, 1, 0, 139, 1, 0, 3}, {3, 2, 0, 1, 0, 3, 2, 1},
            {0, 0, 0, 0, 0, 4, 32, 1}, {4, 0, 5, 1, 7, 0, 0, 863}};
        long[][] gotAll = ConfusionMatrix.of(loo).counts();
        long[][] gotCt2 = ConfidenceCut.apply(loo, 2.0).metrics().confusion().counts();
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(all[i], gotAll[i], "all, true " + SourceClass.values()[i].label());
            assertArrayEquals(ct2[i], gotCt2[i], "CT>=2, true " + SourceClass.values()[i].label());
        }
    }

    @Test
    void perClassRecallAndPrecision() {
        double[] recallAll = {92.5, 54.5, 72.0, 69.2, 86.0, 26.2, 67.8, 93.5};
        double[] precisionAll = {98.5, 48.0, 66.9, 75.0, 81.3, 18.7, 51.3, 93.1};
        double[] recallCt2 = {98.9, 73.3, 79.4, 75.0, 95.9, 25.0, 86.5, 98.1};
        double[] precisionCt2 = {99.3, 73.3, 86.2, 80.0, 92.1, 33.3, 80.0, 97.5};
        double[] completenessCt2 = {87.3, 34.1, 53.4, 61.5, 70.0, 18.5, 42.5, 87.6};
        ClassificationMetrics all = ClassificationMetrics.of(loo);
        ConfidenceCut cut = ConfidenceCut.apply(loo, 2.0);
        for (SourceClass c : SourceClass.values()) {
            int i = c.ordinal();
            assertEquals(recallAll[i], pct1(all.recall(c)), "recall all " + c.label());
            assertEquals(precisionAll[i], pct1(all.precision(c)), "precision all " + c.label());
            assertEquals(recallCt2[i], pct1(cut.metrics().recall(c)), "recall CT>=2 " + c.label());
            assertEquals(precisionCt2[i], pct1(cut.metrics().precision(c)), "precision CT>=2 " + c.label());
            assertEquals(completenessCt2[i], pct1(cut.completeness(c)), "completeness CT>=2 " + c.label());
        }
    }

    @Test
    void recallAndPrecisionMatricesNormaliseRowsAndColumns() {
        ConfusionMatrix cm = ConfusionMatrix.of(loo);
        double[][] r = cm.recallMatrix();
        double[][] p = cm.precisionMatrix();
        // AGN row: 1286 of 1390 true AGN; AGN column: 1286 of 1306 predicted AGN (docs/algorithm.md §11.1 totals).
        assertEquals(1286.0 / 1390, r[0][0], 1e-12);
        assertEquals(1286.0 / 1306, p[0][0], 1e-12);
        for (int i = 0; i < 8; i++) {
            double rowSum = 0;
            double colSum = 0;
            for (int j = 0; j < 8; j++) {
                rowSum += r[i][j];
                colSum += p[j][i];
            }
            assertEquals(1.0, rowSum, 1e-12);
            assertEquals(1.0, colSum, 1e-12);
        }
    }

    @Test
    void sweepIsMonotoneInCompletenessAndMatchesSingleCuts() {
        CtSweep sweep = CtSweep.of(loo, 0.0, 4.0, 0.5);
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4}, sweep.thresholds(), 0.0);
        ConfidenceCut at2 = sweep.cuts().get(4);
        assertEquals(2382, at2.kept());
        assertEquals(95.03, pct2(at2.metrics().mcc()));
        for (int i = 1; i < sweep.cuts().size(); i++) {
            assertEquals(true, sweep.cuts().get(i).kept() <= sweep.cuts().get(i - 1).kept(), "kept decreases");
        }
    }
}
