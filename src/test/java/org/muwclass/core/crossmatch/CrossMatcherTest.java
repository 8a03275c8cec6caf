package org.muwclass.core.crossmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.MwBand;

class CrossMatcherTest {

    private static final String DEMO = "/muwclass/demo/";

    static CrossMatcher demoMatcher(String field) {
        Map<MwCatalog, CounterpartTable> t = new EnumMap<>(MwCatalog.class);
        for (MwCatalog c : MwCatalog.values()) {
            t.put(c, CounterpartTable.of(c,
                    CsvTable.readResource(DEMO + field + "/" + field + "_" + c.suffix() + ".csv")));
        }
        return new CrossMatcher(t);
    }

    private static void assertMag(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NULL, got " + actual);
        } else {
            // class table prints float32-converted or 6-decimal values
            assertEquals(expected, actual, 1e-5, what);
        }
    }

    /**
     * NGC3532_class.csv was written by the later pipeline that replaces 2MASS/AllWISE by the Gaia archive's
     * precomputed best neighbours (docs/algorithm.md §1.7 and §3.4). Those tables are not shipped, and where a Gaia
     * star has no precomputed neighbour the class table shows NULL although the positional match is accepted: 13 J and
     * 39 W1 values. Everything else must agree: every G, every non-NULL J and W1, and cp_counts wherever J and W1
     * agree.
     */
    @Test
    void reproducesNgc3532ClassTableMagnitudes() {
        CsvTable ave = CsvTable.readResource(DEMO + "NGC3532/NGC3532_ave.csv");
        CsvTable cls = CsvTable.readResource(DEMO + "NGC3532/NGC3532_class.csv");
        Map<String, Integer> rowOfName = new java.util.HashMap<>();
        for (int i = 0; i < cls.rowCount(); i++) {
            rowOfName.put(cls.cell(i, "name"), i);
        }
        CrossMatcher m = demoMatcher("NGC3532");
        int precomputedJ = 0;
        int precomputedW1 = 0;
        int countsCompared = 0;
        for (int i = 0; i < ave.rowCount(); i++) {
            MwCounterparts cp = m.match(i + 1, ave.number(i, "err_ellipse_r0"));
            int c = rowOfName.get(ave.cell(i, "name"));
            String id = ave.cell(i, "name");
            assertMag(cls.number(c, "G"), cp.mag(MwBand.G), id + " G");
            boolean jBlanked = Double.isNaN(cls.number(c, "J")) && !Double.isNaN(cp.mag(MwBand.J));
            boolean w1Blanked = Double.isNaN(cls.number(c, "W1")) && !Double.isNaN(cp.mag(MwBand.W1));
            precomputedJ += jBlanked ? 1 : 0;
            precomputedW1 += w1Blanked ? 1 : 0;
            if (!jBlanked) {
                assertMag(cls.number(c, "J"), cp.mag(MwBand.J), id + " J");
            }
            if (!w1Blanked) {
                assertMag(cls.number(c, "W1"), cp.mag(MwBand.W1), id + " W1");
            }
            if (!jBlanked && !w1Blanked) {
                assertEquals((int) cls.number(c, "cp_counts"), cp.magnitudeCount(), id + " cp_counts");
                countsCompared++;
            }
        }
        assertEquals(13, precomputedJ, "J blanked by the precomputed-neighbour step");
        assertEquals(39, precomputedW1, "W1 blanked by the precomputed-neighbour step");
        assertEquals(325, countsCompared);
    }

    @Test
    void ic2395DuplicatedSourcesGetIdenticalCounterparts() {
        CsvTable ave = CsvTable.readResource(DEMO + "IC2395/IC2395_ave.csv");
        CrossMatcher m = demoMatcher("IC2395");
        for (int i = 0; i + 1 < ave.rowCount(); i += 2) {
            assertEquals(ave.cell(i, "name"), ave.cell(i + 1, "name"));
            MwCounterparts a = m.match(i + 1, ave.number(i, "err_ellipse_r0"));
            MwCounterparts b = m.match(i + 2, ave.number(i + 1, "err_ellipse_r0"));
            for (MwBand band : MwBand.values()) {
                assertEquals(a.mag(band), b.mag(band), 0.0, ave.cell(i, "name") + " " + band);
            }
        }
    }

    private static CsvTable csv(String text) {
        try {
            return CsvTable.read(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final String WISE_HEADER = "_rs_allwise,_q,_r_allwise,eeMaj_allwise,W1mag_allwise,"
            + "e_W1mag_allwise,W2mag_allwise,e_W2mag_allwise,W3mag_allwise,e_W3mag_allwise\n";
    private static final String UNWISE_HEADER = "_rs_unwise,_q,_r_unwise,e_XposW1_unwise,e_XposW2_unwise,"
            + "e_YposW1_unwise,e_YposW2_unwise,FW1_unwise,e_FW1_unwise,FW2_unwise,e_FW2_unwise\n";

    @Test
    void flagsPriorityUnwiseMagnitudesAndChanceProbability() {
        // source 1: AllWISE object at 1.0" with eeMaj 0.5 -> PU 1.0, X_PU = sqrt(1 + 1) = 1.414; accepted, W1 NULL
        // source 2: AllWISE object at 2.0" (flag -4), unWISE at 0.5" with a second one at 1.2" (flag +2 -> 2)
        Map<MwCatalog, CounterpartTable> t = new EnumMap<>(MwCatalog.class);
        t.put(MwCatalog.ALLWISE, CounterpartTable.of(MwCatalog.ALLWISE, csv(WISE_HEADER
                + "\"[1.0, 5.0]\",1,1.0,0.5,,,12.0,0.1,9.0,0.2\n"
                + "[2.0],2,2.0,0.5,14.0,0.1,13.0,0.1,10.0,0.3\n")));
        t.put(MwCatalog.UNWISE, CounterpartTable.of(MwCatalog.UNWISE, csv(UNWISE_HEADER
                + "[0.3],1,0.3,0.01,0.01,0.01,0.01,1000,10,500,20\n"
                + "\"[0.5, 1.2]\",2,0.5,0.01,0.02,0.01,0.01,1000,10,500,20\n")));
        CrossMatcher m = new CrossMatcher(t);

        MwCounterparts s1 = m.match(1, 1.0);
        CounterpartMatch a1 = s1.matches().get(MwCatalog.ALLWISE);
        assertEquals(Math.sqrt(2.0), a1.combinedPu(), 1e-12);
        assertEquals(0, a1.cpFlag());
        assertEquals(MwCatalog.ALLWISE, s1.wiseSource());
        assertTrue(Double.isNaN(s1.mag(MwBand.W1)), "AllWISE has priority even with a NULL W1");
        assertEquals(12.0, s1.mag(MwBand.W2), 0.0);
        assertEquals(9.0, s1.mag(MwBand.W3), 0.0);
        assertEquals(1 - Math.exp(-2 / (Math.PI * 100) * Math.PI * 2.0), a1.chanceProbability(), 1e-12);

        MwCounterparts s2 = m.match(2, 1.0);
        assertEquals(-4, s2.matches().get(MwCatalog.ALLWISE).cpFlag());
        CounterpartMatch u2 = s2.matches().get(MwCatalog.UNWISE);
        double pu = 2 * 2.75 * 0.02;
        assertEquals(pu, u2.catalogPu(), 1e-12);
        assertEquals(2, u2.cpFlag());
        assertEquals(MwCatalog.UNWISE, s2.wiseSource());
        assertEquals(22.5 - 2.5 * Math.log10(1000) - 0.004, s2.mag(MwBand.W1), 1e-12);
        assertEquals(2.5 * Math.log10(Math.E) * 10 / 1000, s2.magErr(MwBand.W1), 1e-12);
        assertEquals(22.5 - 2.5 * Math.log10(500) - 0.032, s2.mag(MwBand.W2), 1e-12);
        assertTrue(Double.isNaN(s2.mag(MwBand.W3)), "W3 only from an accepted AllWISE match");
        assertFalse(Double.isNaN(s2.magErr(MwBand.W2)));
    }

    @Test
    void gaiaParallaxWidensEveryCatalogue() {
        String gaia = "_rs_gaia,_q,_r_gaia,e_RA_ICRS_gaia,e_DE_ICRS_gaia,Plx_gaia,e_Plx_gaia,epsi_gaia,Gmag_gaia,"
                + "e_Gmag_gaia,BPmag_gaia,e_BPmag_gaia,RPmag_gaia,e_RPmag_gaia\n"
                + "[9.0],1,9.0,100,200,300,,400,15,0.01,16,0.02,14,0.02\n";
        Map<MwCatalog, CounterpartTable> t = new EnumMap<>(MwCatalog.class);
        t.put(MwCatalog.GAIA, CounterpartTable.of(MwCatalog.GAIA, csv(gaia)));
        t.put(MwCatalog.ALLWISE, CounterpartTable.of(MwCatalog.ALLWISE, csv(WISE_HEADER
                + "[1.0],1,1.0,0.5,14.0,0.1,13.0,0.1,10.0,0.3\n")));
        MwCounterparts s = new CrossMatcher(t).match(1, 0.0);
        double plxTerms = 0.6 * 0.6 + 0.8 * 0.8; // 2*300 mas, NULL e_Plx, 2*400 mas
        assertEquals(Math.sqrt(1.0 + plxTerms), s.matches().get(MwCatalog.ALLWISE).catalogPu(), 1e-12);
        assertEquals(Math.sqrt(0.4 * 0.4 + plxTerms), s.matches().get(MwCatalog.GAIA).catalogPu(), 1e-12);
        assertFalse(s.matches().get(MwCatalog.GAIA).accepted());
        assertTrue(Double.isNaN(s.mag(MwBand.G)));
    }

    @Test
    void badInputNamesColumnAndRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CounterpartTable.of(MwCatalog.ALLWISE, csv(WISE_HEADER.replace("eeMaj_allwise", "eeMaj")
                        + "[1.0],1,1.0,0.5,14.0,0.1,13.0,0.1,10.0,0.3\n")));
        assertTrue(e.getMessage().contains("'eeMaj_allwise'"), e.getMessage());
        CounterpartTable t = CounterpartTable.of(MwCatalog.ALLWISE, csv(WISE_HEADER
                + "[1.0],1,1.0,0.5,14.0,0.1,13.0,0.1,10.0,0.3\n" + "[1.0],2,1.0,0.5,bright,0.1,13.0,0.1,10.0,0.3\n"));
        CrossMatcher m = new CrossMatcher(Map.of(MwCatalog.ALLWISE, t));
        e = assertThrows(IllegalArgumentException.class, () -> m.match(2, 1.0));
        assertTrue(e.getMessage().contains("'W1mag_allwise'") && e.getMessage().contains("row 2"), e.getMessage());
        CounterpartTable bad = CounterpartTable.of(MwCatalog.ALLWISE, csv(WISE_HEADER
                + "1.0,1,1.0,0.5,14.0,0.1,13.0,0.1,10.0,0.3\n"));
        e = assertThrows(IllegalArgumentException.class, () -> new CrossMatcher(Map.of(MwCatalog.ALLWISE, bad))
                .match(1, 1.0));
        assertTrue(e.getMessage().contains("'_rs_allwise'"), e.getMessage());
    }
}
