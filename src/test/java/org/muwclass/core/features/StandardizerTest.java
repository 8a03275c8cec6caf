package org.muwclass.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final double NAN = Double.NaN;

    @Test
    void ignoresMissingValuesAndUsesPopulationStd() {
        double[][] x = {{1, 5, NAN}, {2, 5, NAN}, {NAN, 5, NAN}, {3, 5, NAN}};
        Standardizer s = Standardizer.fit(x);
        assertEquals(2.0, s.means()[0], 1e-15);
        assertEquals(Math.sqrt(2.0 / 3.0), s.scales()[0], 1e-15); // ddof 0 over the 3 present values
        assertEquals(1.0, s.scales()[1], "zero std gives scale 1");
        double[][] t = s.transform(new double[][] {{3, 7, 1}, {NAN, 5, NAN}});
        assertEquals(1 / Math.sqrt(2.0 / 3.0), t[0][0], 1e-12);
        assertEquals(2.0, t[0][1], 1e-15);
        assertTrue(Double.isNaN(t[1][0]));
        assertEquals(0.0, t[1][1]);
    }
}
