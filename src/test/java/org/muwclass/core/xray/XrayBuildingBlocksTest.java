package org.muwclass.core.xray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;

class XrayBuildingBlocksTest {

    @Test
    void fillMatchesUpstreamValues() {
        // NGC3532_ave.csv row 1, soft band never measured
        FechnerFlux f = FechnerFlux.fill();
        assertEquals(7.978845608028655e-18, f.mean(), 1e-30);
        assertEquals(6.028102749890869e-18, f.sigma(), 1e-30);
    }

    @Test
    void fechnerMomentsOfAsymmetricLimits() {
        FechnerFlux f = FechnerFlux.fromLimits(2.0, 1.0, 4.0); // e_lo = 1, e_hi = 2
        assertEquals(2.0 + Math.sqrt(2 / Math.PI), f.mean(), 1e-15);
        assertEquals(Math.sqrt((1 - 2 / Math.PI) + 2.0), f.sigma(), 1e-15);
        assertTrue(!FechnerFlux.fromLimits(2.0, Double.NaN, 4.0).isPresent());
    }

    @Test
    void inverseVarianceMean() {
        FechnerFlux m = FechnerFlux.inverseVarianceMean(List.of(new FechnerFlux(1, 1), new FechnerFlux(3, 2),
                FechnerFlux.NULL));
        assertEquals((1 + 3 / 4.0) / (1 + 1 / 4.0), m.mean(), 1e-15);
        assertEquals(Math.sqrt(1 / 1.25), m.sigma(), 1e-15);
    }

    @Test
    void chiSquareCdfMatchesTabulatedQuantiles() {
        assertEquals(0.95, ChiSquare.cdf(3.841458820694124, 1), 1e-13);
        assertEquals(0.95, ChiSquare.cdf(18.307038053275146, 10), 1e-13);
        assertEquals(0.01, ChiSquare.cdf(0.0201006717070029, 2), 1e-13);
        assertEquals(1 - Math.exp(-2.5), ChiSquare.cdf(5.0, 2), 1e-14);
        assertEquals(0.0, ChiSquare.cdf(0.0, 3));
        assertTrue(Double.isNaN(ChiSquare.cdf(1.0, 0)));
    }

    private static CsvTable csv(String text) {
        try {
            return CsvTable.read(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final String HEADER = "name,ra,dec,err_ellipse_r0,significance,conf_flag,extent_flag,pileup_flag,"
            + "sat_src_flag,streak_src_flag,obsid,region_id,obi,instrument,theta,pileup_warning,sat_src_flag.1,"
            + "streak_src_flag.1,kp_prob_b,flux_significance_b,flux_aper90_s.1,flux_aper90_lolim_s.1,"
            + "flux_aper90_hilim_s.1,flux_aper90_m.1,flux_aper90_lolim_m.1,flux_aper90_hilim_m.1,flux_aper90_h.1,"
            + "flux_aper90_lolim_h.1,flux_aper90_hilim_h.1,usrid\n";

    private static String row(String name, String obsReg, String instrument, String theta, String pileup,
                              String sat, int usrid) {
        return " " + name + ", 11 05 07.45,-58 51 05.47,0.77,2.81,FALSE,FALSE,False,False,False," + obsReg + ","
                + instrument + "," + theta + "," + pileup + "," + sat + ",False,0.5,3.0,"
                + "1e-15,5e-16,2e-15,1e-15,5e-16,2e-15,1e-15,5e-16,2e-15," + usrid + "\n";
    }

    @Test
    void detectionCodesFollowTheSpec() {
        CsvTable t = csv(HEADER
                + row("2CXO A", "1,1,0", "ACIS", "3.0", "0.1", "False", 1)
                + row("2CXO A", "2,1,0", " HRC", "3.0", "", "False", 1)
                + row("2CXO A", "3,1,0", "ACIS", "", "0.5", " TRUE", 1)
                + row("2CXO B", "1,1,0", "ACIS", "11", "0.1", "False", 2));
        int[] codes = DetectionFilter.codes(PerObservationReader.read(t));
        assertArrayEquals(new int[] {DetectionFilter.SHARED_REGION, DetectionFilter.HRC,
            DetectionFilter.OFF_AXIS + DetectionFilter.SATURATED + DetectionFilter.PILEUP,
            DetectionFilter.OFF_AXIS + DetectionFilter.SHARED_REGION}, codes);
        assertTrue(XrayFeatureCalculator.fromPerObservation(t).isEmpty());
    }

    @Test
    void sexagesimalPositions() {
        CsvTable t = csv(HEADER + row("2CXO A", "1,1,0", "ACIS", "3.0", "0.1", "False", 1));
        MasterSource m = PerObservationReader.read(t).get(0).master();
        assertEquals(15 * (11 + 5 / 60.0 + 7.45 / 3600), m.raDeg(), 1e-12);
        assertEquals(-(58 + 51 / 60.0 + 5.47 / 3600), m.decDeg(), 1e-12);
        assertEquals("2CXO A", m.name());
    }

    @Test
    void withoutUsridDetectionsAreGroupedByName() {
        String header = HEADER.replace(",usrid\n", "\n");
        String rows = (row("2CXO A", "1,1,0", "ACIS", "3.0", "0.1", "False", 0)
                + row("2CXO B", "1,2,0", "ACIS", "3.0", "0.1", "False", 0)
                + row("2CXO A", "2,1,0", "ACIS", "3.0", "0.1", "False", 0)).replace(",0\n", "\n");
        List<XraySourceFeatures> s = XrayFeatureCalculator.fromPerObservation(csv(header + rows));
        assertEquals(2, s.size());
        assertEquals("2CXO A", s.get(0).master().name());
        assertEquals(1, s.get(0).dof());
        assertEquals(0.0, s.get(0).chiSquare(), 0.0); // identical fluxes
        assertEquals(0.0, s.get(0).pInter(), 0.0);
        assertEquals(2, s.get(1).master().usrid());
    }

    @Test
    void missingColumnIsNamed() {
        CsvTable t = csv(HEADER.replace("kp_prob_b,", "kp_prob_x,") + row("2CXO A", "1,1,0", "ACIS", "3", "0", "False", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XrayFeatureCalculator.fromPerObservation(t));
        assertTrue(e.getMessage().contains("'kp_prob_b'"), e.getMessage());
    }

    @Test
    void nonNumericCellNamesColumnAndRow() {
        CsvTable t = csv(HEADER + row("2CXO A", "1,1,0", "ACIS", "3", "0", "False", 1)
                + row("2CXO A", "2,1,0", "ACIS", "abc", "0", "False", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XrayFeatureCalculator.fromPerObservation(t));
        assertTrue(e.getMessage().contains("'theta'") && e.getMessage().contains("row 2"), e.getMessage());
        CsvTable bad = csv(HEADER + row("2CXO A", "1,1,0", "ACIS", "3", "0", "maybe", 1));
        e = assertThrows(IllegalArgumentException.class, () -> XrayFeatureCalculator.fromPerObservation(bad));
        assertTrue(e.getMessage().contains("'sat_src_flag.1'") && e.getMessage().contains("row 1"), e.getMessage());
    }
}
