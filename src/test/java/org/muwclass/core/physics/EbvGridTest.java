package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EbvGridTest {

    @Test
    void nodesAreEvenlySpacedByTheBinWidthThenGeometric() {
        EbvGrid grid = new EbvGrid(0.1);
        assertEquals(10, grid.linearNodes());
        assertEquals(0.0, grid.nodeEbv(0));
        assertEquals(0.125, grid.nodeEbv(5), 1e-15);
        assertEquals(0.25, grid.nodeEbv(10), 1e-15);
        assertEquals(0.275, grid.nodeEbv(11), 1e-15);
        assertEquals(0.25 * Math.pow(1.1, 30), grid.nodeEbv(40), 1e-12);
        // 4 to 6 mag, the synthetic Galactic-plane field, lies between 6 nodes
        int below = grid.place(3.987).lowerNode();
        int above = grid.place(6.001).lowerNode() + 1;
        assertEquals(6, above - below + 1);
        // a relative step of 0.15 starts its geometric part at 0.025 ceil(1/0.15) = 0.175 mag
        assertEquals(0.175 * 1.15, new EbvGrid(0.15).nodeEbv(8), 1e-15);
    }

    @Test
    void placesATargetBetweenItsTwoNodes() {
        EbvGrid grid = new EbvGrid(0.1);
        EbvGrid.Placement p = grid.place(0.13);
        assertEquals(5, p.lowerNode());
        assertEquals(0.2, p.upperWeight(), 1e-9);
        EbvGrid.Placement q = grid.place(4.5);
        double low = grid.nodeEbv(q.lowerNode());
        double high = grid.nodeEbv(q.lowerNode() + 1);
        assertTrue(low <= 4.5 && 4.5 < high, low + " " + high);
        assertEquals((4.5 - low) / (high - low), q.upperWeight(), 1e-12);
        assertEquals(new EbvGrid.Placement(5, 0.0), grid.place(0.125), "on a node: all weight there");
        assertEquals(new EbvGrid.Placement(0, 0.0), grid.place(0.0));
        for (int k = 0; k < 80; k++) {
            assertEquals(new EbvGrid.Placement(k, 0.0), grid.place(grid.nodeEbv(k)), "node " + k);
        }
    }

    @Test
    void everyNodeHasItsOwnPaperBinAsSeedKey() {
        for (double f : new double[] {0.01, 0.05, 0.1, 0.15, 0.3, 1.0}) {
            EbvGrid grid = new EbvGrid(f);
            for (int k = 1; grid.nodeEbv(k) < 60; k++) {
                assertTrue(grid.nodeEbv(k) - grid.nodeEbv(k - 1) >= EbvGrid.MIN_SPACING_MAG - 1e-12,
                        "step " + f + " node " + k);
                assertTrue(grid.nodeKey(k) > grid.nodeKey(k - 1), "step " + f + " node " + k);
            }
        }
        assertEquals(12, new EbvGrid(0.1).nodeKey(12), "E(B-V) 0.3025 is in the paper's bin 12");
    }

    @Test
    void badStepsAndValuesNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EbvGrid(0.001));
        assertTrue(e.getMessage().contains("0.01 to 1") && e.getMessage().contains("0.001"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EbvGrid(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new EbvGrid(1.5));
        e = assertThrows(IllegalArgumentException.class, () -> new EbvGrid(0.1).place(-0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
    }
}
