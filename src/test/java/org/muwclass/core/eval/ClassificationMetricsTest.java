package org.muwclass.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muwclass.core.model.SourceClass.AGN;
import static org.muwclass.core.model.SourceClass.CV;
import static org.muwclass.core.model.SourceClass.HM_STAR;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceClass;

/** Small cases whose values are given in the scikit-learn documentation. */
class ClassificationMetricsTest {

    private static List<LabelledPrediction> pairs(SourceClass[] truth, SourceClass[] pred) {
        List<LabelledPrediction> out = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            double[] p = new double[8];
            p[pred[i].ordinal()] = 1.0;
            out.add(new LabelledPrediction("s" + i, truth[i], pred[i], p, 5.0));
        }
        return out;
    }

    @Test
    void balancedAccuracyAsSklearnDocs() {
        // balanced_accuracy_score([0,1,0,0,1,0], [0,1,0,0,0,1]) == 0.625
        SourceClass[] t = {AGN, CV, AGN, AGN, CV, AGN};
        SourceClass[] p = {AGN, CV, AGN, AGN, AGN, CV};
        assertEquals(0.625, ClassificationMetrics.of(pairs(t, p)).balancedAccuracy(), 1e-12);
    }

    @Test
    void macroF1AsSklearnDocs() {
        // f1_score([0,1,2,0,1,2], [0,2,1,0,0,1], average='macro') == 0.2666...
        SourceClass[] t = {AGN, CV, HM_STAR, AGN, CV, HM_STAR};
        SourceClass[] p = {AGN, HM_STAR, CV, AGN, AGN, CV};
        ClassificationMetrics m = ClassificationMetrics.of(pairs(t, p));
        assertEquals(0.26666666666666666, m.macroF1(), 1e-12);
        assertEquals(1.0 / 3, m.accuracy(), 1e-12);
    }

    @Test
    void macroF1CountsPredictedOnlyLabels() {
        // A label only predicted contributes F1 = 0: mean over {AGN, CV} of {2/3, 0}.
        SourceClass[] t = {AGN, AGN};
        SourceClass[] p = {AGN, CV};
        ClassificationMetrics m = ClassificationMetrics.of(pairs(t, p));
        assertEquals(1.0 / 3, m.macroF1(), 1e-12);
        assertEquals(0.5, m.balancedAccuracy(), 1e-12);
    }

    @Test
    void mccAsSklearnDocs() {
        // matthews_corrcoef([+1,+1,+1,-1], [+1,-1,+1,+1]) == -0.333...
        SourceClass[] t = {AGN, AGN, AGN, CV};
        SourceClass[] p = {AGN, CV, AGN, AGN};
        assertEquals(-1.0 / 3, ClassificationMetrics.of(pairs(t, p)).mcc(), 1e-12);
    }

    @Test
    void mccIsZeroWhenEverythingIsOneClass() {
        SourceClass[] t = {AGN, AGN};
        assertEquals(0.0, ClassificationMetrics.of(pairs(t, t)).mcc());
    }

    @Test
    void rocAucAsSklearnDocs() {
        // roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) == 0.75
        assertEquals(0.75, RocAuc.binary(new double[] {0.1, 0.4, 0.35, 0.8},
                new boolean[] {false, false, true, true}), 1e-12);
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // A positive and a negative tied at 0.5 count 1/2: (0.5 + 1 + 2) / 4.
        assertEquals(0.875, RocAuc.binary(new double[] {0.5, 0.5, 0.2, 0.8},
                new boolean[] {false, true, false, true}), 1e-12);
        assertEquals(0.5, RocAuc.binary(new double[] {0.3, 0.3}, new boolean[] {true, false}), 1e-12);
        assertTrue(Double.isNaN(RocAuc.binary(new double[] {0.3, 0.4}, new boolean[] {true, true})));
    }

    @Test
    void predictionRejectsWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelledPrediction("x", AGN, AGN, new double[3], 1.0));
        assertTrue(e.getMessage().contains("probabilities must have 8"), e.getMessage());
    }

    @Test
    void undefinedCtPassesNoCut() {
        double[] p = {1, 0, 0, 0, 0, 0, 0, 0};
        List<LabelledPrediction> s = List.of(new LabelledPrediction("a", AGN, AGN, p, Double.NaN),
                new LabelledPrediction("b", CV, CV, p, 3.0));
        ConfidenceCut cut = ConfidenceCut.apply(s, 0.0);
        assertEquals(1, cut.kept());
        assertEquals(0.5, cut.completeness(), 1e-12);
        assertEquals(0.5, cut.balancedCompleteness(), 1e-12);
    }

    @Test
    void csvWriterRoundTripsExactly() throws Exception {
        double[] p = {0.1, 0.2, 0.3, 0.05, 0.05, 0.1, 0.1, 0.1};
        double[] e = {0.01, 0.02, 0.03, Double.NaN, 0.005, 0.01, 0.01, 1.0 / 3};
        List<LabelledPrediction> s = List.of(new LabelledPrediction("x, \"quoted\"", HM_STAR, CV, p, e, 0.1 + 0.2),
                new LabelledPrediction("y", AGN, AGN, p, e, Double.NaN));
        java.io.StringWriter w = new java.io.StringWriter();
        LabelledPredictionTable.writeCsv(s, w);
        List<LabelledPrediction> back = LabelledPredictionTable.read(
                org.muwclass.core.io.CsvTable.read(new java.io.StringReader(w.toString())),
                LabelledPredictionTable.LOO_CLASSES);
        assertEquals(s, back);
    }

    @Test
    void sweepRejectsBadStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CtSweep.of(List.of(), 0, 1, 0));
        assertTrue(e.getMessage().contains("step > 0"), e.getMessage());
    }
}
