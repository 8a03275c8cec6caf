package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.XrayBand;

class XrayAbsorptionTest {

    private final XrayAbsorption abs = XrayAbsorption.loadDefault();

    @Test
    void specCheckValuesForGammaTwo() {
        // docs/algorithm.md §6.2 table
        assertEquals(0.639219, abs.transmission(XrayBand.SOFT, 1e21), 1e-5);
        assertEquals(0.915326, abs.transmission(XrayBand.MEDIUM, 1e21), 1e-5);
        assertEquals(0.987264, abs.transmission(XrayBand.HARD, 1e21), 1e-5);
        assertEquals(0.041556, abs.transmission(XrayBand.SOFT, 1e22), 1e-5);
        assertEquals(0.431574, abs.transmission(XrayBand.MEDIUM, 1e22), 1e-5);
        assertEquals(0.884763, abs.transmission(XrayBand.HARD, 1e22), 1e-5);
    }

    @Test
    void reproducesUpstreamLookupTables() {
        int[] nhRows = {0, 1, 3, 7, 10, 25, 64, 100, 250, 500};
        for (XrayBand band : XrayBand.narrow()) {
            CsvTable t = CsvTable.readResource("/muwclass/physics/abs_Fcsc_" + band.code() + ".csv");
            List<String> cols = t.columns();
            for (int row : nhRows) {
                double nh21 = t.number(row, "nH");
                for (int c = 1; c < cols.size(); c += 7) {
                    double gamma = Double.parseDouble(cols.get(c));
                    double expected = t.number(row, cols.get(c));
                    double got = abs.transmission(band, nh21 * 1e21, gamma);
                    double tol = Math.max(1e-12 * Math.abs(expected), 1e-300);
                    assertEquals(expected, got, tol, () -> band + " nH21=" + nh21 + " Gamma=" + gamma);
                }
            }
        }
    }

    @Test
    void unabsorbedIsOneToTrapezoidAccuracy() {
        for (XrayBand band : XrayBand.values()) {
            assertEquals(1.0, abs.transmission(band, 0.0), 1e-5);
        }
    }

    @Test
    void concurrentCallsAgreeWithAFreshInstance() {
        XrayAbsorption fresh = XrayAbsorption.fromResource(XrayAbsorption.DEFAULT_RESOURCE);
        double[] got = java.util.stream.IntStream.range(0, 400).parallel()
                .mapToDouble(i -> abs.transmission(XrayBand.narrow()[i % 3], (i % 50) * 1e21)).toArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(fresh.transmission(XrayBand.narrow()[i % 3], (i % 50) * 1e21), got[i], 0.0);
        }
    }

    @Test
    void rejectsNegativeColumn() {
        assertThrows(IllegalArgumentException.class, () -> abs.transmission(XrayBand.SOFT, -1.0));
    }
}
