package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.model.SourceClass;
import uk.ac.starlink.table.StarTable;

/** The evaluation tables on four hand-made predictions whose metrics are worked out by hand. */
class EvaluationTablesTest {

    private static LabelledPrediction p(SourceClass truth, SourceClass predicted, double ct) {
        return new LabelledPrediction("s", truth, predicted, new double[SourceClass.count()], ct);
    }

    private static final Evaluation EV = Evaluation.of(List.of(
            p(SourceClass.AGN, SourceClass.AGN, 3), p(SourceClass.AGN, SourceClass.AGN, 1),
            p(SourceClass.AGN, SourceClass.YSO, 5), p(SourceClass.YSO, SourceClass.YSO, 2.5)), 2, 3, 1);

    private static double d(StarTable t, long row, int col) throws Exception {
        return ((Number) t.getCell(row, col)).doubleValue();
    }

    @Test
    void metricsPerSubsetOverallAndPerClass() throws Exception {
        StarTable t = EvaluationTables.metrics(EV);
        assertEquals(2 * (1 + SourceClass.count()), t.getRowCount());
        // row 0: all sources, overall: 3 of 4 right; recalls AGN 2/3, YSO 1
        assertEquals("all", t.getCell(0, 0));
        assertEquals("overall", t.getCell(0, 1));
        assertEquals(4, ((Number) t.getCell(0, 2)).intValue());
        assertEquals(0.75, d(t, 0, 3), 1e-12, "accuracy");
        assertEquals(5.0 / 6, d(t, 0, 4), 1e-12, "balanced accuracy");
        assertEquals(1.0, d(t, 0, 10), 1e-12, "completeness of all sources");
        // row 1: AGN: 3 true, recall 2/3, precision 2/2
        assertEquals("AGN", t.getCell(1, 1));
        assertEquals(3, ((Number) t.getCell(1, 2)).intValue());
        assertEquals(2.0 / 3, d(t, 1, 7), 1e-12, "recall");
        assertEquals(1.0, d(t, 1, 8), 1e-12, "precision");
        // CT >= 2 keeps CT 3, 5 and 2.5: 2 of 3 right; completeness 3/4, balanced (2/3 + 1) / 2
        int cut = 1 + SourceClass.count();
        assertEquals("CT>=2", t.getCell(cut, 0));
        assertEquals(3, ((Number) t.getCell(cut, 2)).intValue());
        assertEquals(2.0 / 3, d(t, cut, 3), 1e-12, "accuracy at the cut");
        assertEquals(0.75, d(t, cut, 10), 1e-12, "completeness");
        assertEquals(5.0 / 6, d(t, cut, 11), 1e-12, "balanced completeness");
        assertEquals(2.0 / 3, d(t, cut + 1, 10), 1e-12, "AGN completeness at the cut");
    }

    @Test
    void confusionMatricesAreNormalisedByTrueAndPredictedClass() throws Exception {
        int agn = 3 + SourceClass.AGN.ordinal();
        int yso = 3 + SourceClass.YSO.ordinal();
        StarTable recall = EvaluationTables.confusion(EV, true);
        assertEquals("AGN", recall.getCell(0, 1));
        assertEquals(2.0 / 3, d(recall, 0, agn), 1e-12);
        assertEquals(1.0 / 3, d(recall, 0, yso), 1e-12);
        StarTable precision = EvaluationTables.confusion(EV, false);
        assertEquals(1.0, d(precision, 0, agn), 1e-12, "both predicted AGN are AGN");
        assertEquals(0.5, d(precision, 0, yso), 1e-12, "one of the two predicted YSO is an AGN");
        assertEquals("YSO", precision.getColumnInfo(yso).getName());
    }

    @Test
    void ctSweepKeepsFewerSourcesAsTheCutRises() throws Exception {
        StarTable t = EvaluationTables.ctSweep(EV.sweep());
        assertEquals(4, t.getRowCount(), "CT 0, 1, 2, 3");
        int[] kept = new int[4];
        for (int r = 0; r < 4; r++) {
            kept[r] = ((Number) t.getCell(r, 1)).intValue();
        }
        assertEquals(List.of(4, 4, 3, 2), java.util.Arrays.stream(kept).boxed().toList());
        assertEquals(3.0, d(t, 3, 0), 0);
    }
}
