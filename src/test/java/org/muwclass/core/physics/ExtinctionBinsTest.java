package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtinctionBinsTest {

    @Test
    void binsAreQuarterTenthMagWide() {
        assertEquals(0, ExtinctionBins.binOf(0.0));
        assertEquals(0, ExtinctionBins.binOf(0.0249));
        assertEquals(1, ExtinctionBins.binOf(0.025));
        assertEquals(3, ExtinctionBins.binOf(0.075));
        assertEquals(2000, ExtinctionBins.binOf(50.0));
    }

    @Test
    void groupsMembersAndAveragesThem() {
        List<ExtinctionBins.Bin> bins = ExtinctionBins.group(new double[] {0.01, 0.3, 0.02, 0.31});
        assertEquals(2, bins.size());
        assertArrayEquals(new int[] {0, 2}, bins.get(0).members());
        assertEquals(0.015, bins.get(0).meanEbv(), 1e-15);
        assertEquals(12, bins.get(1).index());
        assertEquals(0.305, bins.get(1).meanEbv(), 1e-15);
    }

    @Test
    void rejectsMissingValuesNamingTheSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtinctionBins.group(new double[] {0.1, Double.NaN}));
        assertEquals(true, e.getMessage().startsWith("source 1"));
    }
}
