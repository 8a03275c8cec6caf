package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kept nodes of a grid that widens with E(B-V): indices, placement between kept nodes, seed keys. */
class SparseEbvGridTest {

    private final EbvGrid base = new EbvGrid(0.1);
    // f = 0.1: base node b >= 10 is at 0.25 x 1.1^(b - 10) mag; 5 mag -> first base node 42 (5.278 mag),
    // 15 mag -> base node 53 (15.06 mag), aligned to the stride-2 nodes 42, 44, ...: 54 (16.57 mag)
    private final SparseEbvGrid grid = new SparseEbvGrid(base,
            List.of(new SparseEbvGrid.Tier(5.0, 2), new SparseEbvGrid.Tier(15.0, 3)));

    @Test
    void keptNodesAreBaseNodesAtTheTiersStrides() {
        assertEquals(42, grid.baseNode(42), "below the first tier every node is kept");
        assertEquals(44, grid.baseNode(43));
        assertEquals(52, grid.baseNode(47));
        assertEquals(54, grid.baseNode(48), "second tier starts on a kept node at or above 15 mag");
        assertEquals(57, grid.baseNode(49));
        assertEquals(60, grid.baseNode(50));
        assertEquals(base.nodeEbv(57), grid.nodeEbv(49));
        assertEquals(base.nodeKey(57), grid.nodeKey(49), "a kept node keeps its seed key");
        assertEquals(0.25 * Math.pow(1.1, 32), grid.nodeEbv(42), 1e-12);
    }

    @Test
    void sourcesArePlacedBetweenKeptNodes() {
        assertEquals(base.place(1.0), grid.place(1.0), "below the first tier: the base grid's placement");
        assertEquals(base.place(5.1), grid.place(5.1));
        assertEquals(new EbvGrid.Placement(43, 0.0), grid.place(base.nodeEbv(44)), "on a kept node");
        EbvGrid.Placement dropped = grid.place(base.nodeEbv(43));
        assertEquals(42, dropped.lowerNode());
        assertEquals(0.1 / 0.21, dropped.upperWeight(), 1e-12, "1.1 - 1 of 1.21 - 1: the dropped node's place");
        EbvGrid.Placement far = grid.place(base.nodeEbv(58));
        assertEquals(49, far.lowerNode());
        assertEquals(0.1 / 0.331, far.upperWeight(), 1e-12, "stride 3 above 15 mag");
        assertEquals(new EbvGrid.Placement(0, 0.0), grid.place(0.0));
    }

    @Test
    void withoutTiersEveryNodeIsKept() {
        SparseEbvGrid full = SparseEbvGrid.full(base);
        for (double e : new double[] {0.0, 0.3, 2.2, 17.0, 48.7}) {
            assertEquals(base.place(e), full.place(e));
        }
        assertEquals(base.nodeEbv(50), full.nodeEbv(50));
        assertEquals("relative step 0.1", full.describe());
        assertEquals("relative step 0.1, every 2. node from 5.28 mag, every 3. node from 16.6 mag", grid.describe());
    }

    @Test
    void badTiersNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparseEbvGrid.Tier(5.0, 17));
        assertEquals("tier stride must be 1..16, got 17", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SparseEbvGrid.Tier(Double.NaN, 2));
        assertEquals("tier start must be a finite E(B-V) > 0 mag, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SparseEbvGrid(base,
                List.of(new SparseEbvGrid.Tier(10.0, 3), new SparseEbvGrid.Tier(20.0, 2))));
        assertEquals("tiers must increase in E(B-V) and not decrease in stride: [Tier[fromMag=10.0, stride=3], "
                + "Tier[fromMag=20.0, stride=2]]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grid.baseNode(-1));
        assertEquals("node index must be >= 0, got -1", e.getMessage());
    }
}
