package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostWeightedProgressTest {

    /** Half the units train no forest (0 s), the other half one forest each (10 s): HESS_dev's kind of plan. */
    private static final double[] UNEQUAL = {0, 0, 0, 0, 0, 10, 10, 10, 10, 10};

    @Test
    void unitsOfUnequalCostCountByTheirEstimatedSeconds() {
        List<Double> heard = new ArrayList<>();
        CostWeightedProgress p = new CostWeightedProgress(UNEQUAL, heard::add);
        for (int u = 0; u < 5; u++) {
            p.unitDone(u, u + 1, 10);
        }
        // half the units, none of the work: a count of units would say 0.5
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0), heard);
        p.unitDone(7, 6, 10);
        assertEquals(0.2, heard.get(5), 1e-12);
        assertEquals(50.0, p.totalSeconds());
    }

    @Test
    void unitsFinishingOutOfOrderAddTheirOwnCost() {
        List<Double> heard = new ArrayList<>();
        CostWeightedProgress p = new CostWeightedProgress(new double[] {1, 3, 6}, heard::add);
        p.unitDone(2, 1, 3);
        p.unitDone(0, 2, 3);
        p.unitDone(1, 3, 3);
        assertEquals(List.of(0.6, 0.7, 1.0), heard);
    }

    @Test
    void aUnitReportedTwiceCountsOnce() {
        List<Double> heard = new ArrayList<>();
        CostWeightedProgress p = new CostWeightedProgress(new double[] {1, 3}, heard::add);
        p.unitDone(1, 1, 2);
        p.unitDone(1, 1, 2);
        assertEquals(List.of(0.75, 0.75), heard);
    }

    @Test
    void unitsAllEstimatedAtZeroCountByNumber() {
        List<Double> heard = new ArrayList<>();
        CostWeightedProgress p = new CostWeightedProgress(new double[] {0, 0, 0, 0}, heard::add);
        p.unitDone(3, 1, 4);
        p.unitDone(0, 2, 4);
        assertEquals(List.of(0.25, 0.5), heard);
    }

    @Test
    void fractionsWithoutAUnitPassThrough() {
        List<Double> heard = new ArrayList<>();
        new CostWeightedProgress(UNEQUAL, heard::add).progress(0.3);
        assertEquals(List.of(0.3), heard);
    }

    @Test
    void refusesNegativeCostsAndAnotherRunsUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CostWeightedProgress(new double[] {1, -0.5}, ProgressListener.NONE));
        assertEquals("A unit's estimated cost must be finite and >= 0 s, not -0.5", e.getMessage());
        CostWeightedProgress p = new CostWeightedProgress(new double[] {1, 2}, ProgressListener.NONE);
        e = assertThrows(IllegalArgumentException.class, () -> p.unitDone(0, 1, 3));
        assertEquals("Progress of 3 units reported to a listener of 2", e.getMessage());
    }

    @Test
    void theDefaultListenerHearsTheFractionOfUnits() {
        List<Double> heard = new ArrayList<>();
        ProgressListener plain = heard::add;
        plain.unitDone(7, 3, 4);
        assertEquals(List.of(0.75), heard);
    }
}
