package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.MwBand;

class ReddeningTest {

    @Test
    void nhConversionUsesGuverOzelTimesRv() {
        assertEquals(6.851e21, Reddening.nhFromEbv(1.0), 1e6);
        assertEquals(1.0, Reddening.ebvFromNh(6.851e21), 1e-12);
    }

    @Test
    void coefficientsMatchPublishedBandTable() {
        for (MwBand band : MwBand.values()) {
            assertEquals(band.extinctionPerEbv(), Reddening.extinctionPerEbv(band), 1e-5, band.label());
        }
    }

    @Test
    void matchesUpstreamExtinctionTable() {
        CsvTable t = CsvTable.readResource("/muwclass/physics/extinction_MWbands.csv");
        for (int row = 0; row < t.rowCount(); row += 13) {
            double ebv = t.number(row, "ebv");
            for (MwBand band : MwBand.values()) {
                double expected = -t.number(row, band.label() + "mag_cor");
                assertEquals(expected, Reddening.extinctionMag(band, ebv), 1e-9 * Math.max(1, expected),
                        band.label() + " at E(B-V)=" + ebv);
            }
        }
    }

    @Test
    void matchesIdlFmUnredCurve() {
        // kbarbary/extinction testdata/fm_unred_3.1.dat: FM_UNRED (IDL astrolib) A(lambda) for A_V = 1, R_V = 3.1
        double[][] lambdaAndA = {{1000.00, 4.95826}, {2195.34, 3.05904}, {3006.78, 1.79285}, {4037.99, 1.41233},
            {5530.52, 0.970241}, {12382.4, 0.260907}, {33745.8, 0.0635371}, {50000.0, 0.0408051}};
        for (double[] p : lambdaAndA) {
            assertEquals(p[1], Reddening.fitzpatrick99(p[0], 1.0), 2e-5 * p[1], "lambda " + p[0]);
        }
    }
}
