package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;

class DustMapTest {

    private static final Map<String, Double> REFERENCE = Map.of(
            "2CXO J000009.3+135618", 0.050565,
            "2CXO J000230.7+004959", 0.025449,
            "2CXO J000622.6-000424", 0.035281,
            "2CXO J111508.9-611527", 3.895447,
            "2CXO J183011.1+011237", 1.718851);

    @Test
    void galacticConversionMatchesSpecExample() {
        double[] lb = SkyFrames.icrsToGalactic(0.0391148, 13.9384931);
        assertEquals(104.4922, lb[0], 1e-4);
        assertEquals(-47.0889, lb[1], 1e-4);
    }

    @Test
    void reproducesAstropyHealpixReferenceValues() {
        CsvTable td = CsvTable.readResource("/muwclass/TD.csv");
        Map<String, double[]> pos = new HashMap<>();
        for (int i = 0; i < td.rowCount(); i++) {
            String name = td.cell(i, "CSCv2_name");
            if (REFERENCE.containsKey(name)) {
                pos.put(name, new double[] {td.number(i, "CSCv2_RA"), td.number(i, "CSCv2_DEC")});
            }
        }
        assertEquals(REFERENCE.size(), pos.size());
        DustMap map = DustMap.loadSfdLowRes();
        for (Map.Entry<String, Double> e : REFERENCE.entrySet()) {
            double[] p = pos.get(e.getKey());
            double got = map.ebv(p[0], p[1]);
            // reference values are printed to 6 decimals
            assertEquals(e.getValue(), got, 5e-7, e.getKey());
        }
    }

    @Test
    void weightsAreConvexAllOverTheSky() {
        HealpixRing ring = new HealpixRing(64);
        long[] pix = new long[4];
        double[] w = new double[4];
        for (double lat = -89.95; lat < 90; lat += 0.731) {
            for (double lon = 0; lon < 360; lon += 1.37) {
                ring.interpolationWeights(Math.toRadians(lon), Math.toRadians(lat), pix, w);
                double sum = 0;
                for (int i = 0; i < 4; i++) {
                    assertTrue(w[i] >= -1e-12 && pix[i] >= 0 && pix[i] < ring.npix(), lon + "," + lat);
                    sum += w[i];
                }
                assertEquals(1.0, sum, 1e-12);
            }
        }
    }

    @Test
    void pixelCentresRoundTrip() {
        HealpixRing ring = new HealpixRing(64);
        for (long p = 0; p < ring.npix(); p += 97) {
            double lon = ring.centreLongitude(p);
            double lat = ring.ringLatitude(ring.ringNumber(p));
            assertEquals(p, ring.pixel(lon, lat));
        }
    }

    @Test
    void hi4piMapGivesPlausibleColumns() {
        double nh = NhMap.loadHi4piLowRes().nhCm2(0.0391148, 13.9384931);
        assertTrue(nh > 1e19 && nh < 1e22, "NH = " + nh);
    }
}
