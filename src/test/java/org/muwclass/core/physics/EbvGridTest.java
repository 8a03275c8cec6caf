package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EbvGridTest {

    @Test
    void placesATargetBetweenItsTwoNodes() {
        EbvGrid grid = new EbvGrid(0.25);
        EbvGrid.Placement p = grid.place(4.3);
        assertEquals(17, p.lowerNode());
        assertEquals(0.2, p.upperWeight(), 1e-12);
        assertEquals(4.25, grid.nodeEbv(17), 1e-12);
        assertEquals(new EbvGrid.Placement(5, 0.0), grid.place(1.25), "on a node: all weight there");
        assertEquals(new EbvGrid.Placement(0, 0.0), grid.place(0.0));
        assertEquals(new EbvGrid.Placement(3, 0.0), new EbvGrid(0.1).place(0.3), "0.3 / 0.1 rounds below 3");
    }

    @Test
    void everyNodeHasItsOwnPaperBinAsSeedKey() {
        for (double step : new double[] {0.025, 0.03, 0.1, 0.25, 1.0}) {
            EbvGrid grid = new EbvGrid(step);
            for (int k = 1; k < 400; k++) {
                assertTrue(grid.nodeKey(k) > grid.nodeKey(k - 1), "step " + step + " node " + k);
            }
        }
        assertEquals(50, new EbvGrid(0.25).nodeKey(5), "E(B-V) 1.25 is in the paper's bin 50");
    }

    @Test
    void upperValuesAreSpreadEvenlyAndAddUpToFloorNW() {
        double w = 0.37;
        int upper = 0;
        for (long v = 0; v < 1000; v++) {
            if (EbvGrid.atUpper(v, w)) {
                upper++;
            }
            assertEquals(EbvGrid.upperValues(v + 1, w), upper, "after value " + v);
        }
        assertEquals(370, upper);
        // evenly spread: any 20 consecutive values hold 7 or 8 upper ones (20 w = 7.4)
        for (long from = 0; from + 20 <= 1000; from++) {
            long n = EbvGrid.upperValues(from + 20, w) - EbvGrid.upperValues(from, w);
            assertTrue(n == 7 || n == 8, "values " + from + ".." + (from + 19) + ": " + n);
        }
        assertFalse(EbvGrid.atUpper(0, 0.0));
        assertEquals(0, EbvGrid.upperValues(1000, 0.0));
    }

    @Test
    void badStepsAndValuesNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EbvGrid(0.01));
        assertTrue(e.getMessage().contains("0.025 to 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EbvGrid(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new EbvGrid(0.25).place(-0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
    }
}
