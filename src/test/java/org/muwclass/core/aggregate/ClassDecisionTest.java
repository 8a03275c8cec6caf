package org.muwclass.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;

class ClassDecisionTest {

    @Test
    void ctRecomputedFromPublishedProbabilitiesMatchesTheCtColumn() {
        CsvTable loo = CsvTable.readResource("/muwclass/reference/LOO_classes.csv");
        assertEquals(2941, loo.rowCount());
        int confident = 0;
        for (int r = 0; r < loo.rowCount(); r++) {
            double[] p = new double[SourceClass.count()];
            double[] e = new double[SourceClass.count()];
            for (SourceClass c : SourceClass.values()) {
                p[c.ordinal()] = loo.number(r, "P_" + c.label());
                e[c.ordinal()] = loo.number(r, "e_P_" + c.label());
            }
            ClassDecision d = ClassDecision.of(p, e);
            double ct = loo.number(r, "CT");
            assertEquals(ct, d.ct(), 1e-9 * Math.max(1, Math.abs(ct)), "row " + (r + 1));
            assertEquals(loo.text(r, "Class").orElseThrow(), d.predicted().label(), "row " + (r + 1));
            assertEquals(loo.number(r, "Class_prob"), d.classProb(), 0.0);
            assertEquals(loo.number(r, "Class_prob_e"), d.classProbErr(), 0.0);
            confident += d.confident(ClassDecision.CONFIDENT_CT) ? 1 : 0;
        }
        assertEquals(2382, confident, "docs/algorithm.md §1.3: CT >= 2 for 2382 rows");
    }

    @Test
    void zeroDenominatorUsesTheEpsilonAndTiesGiveZero() {
        double[] p = {0.9, 0.1, 0, 0, 0, 0, 0, 0};
        double[] e = new double[8];
        assertEquals((0.9 - 0.1) / 1e-5, ClassDecision.of(p, e).ct(), 1e-6);
        double[] tie = {0.5, 0.5, 0, 0, 0, 0, 0, 0};
        ClassDecision d = ClassDecision.of(tie, new double[] {0.1, 0.1, 0, 0, 0, 0, 0, 0});
        assertEquals(SourceClass.AGN, d.predicted());
        assertEquals(0.0, d.ct());
    }
}
