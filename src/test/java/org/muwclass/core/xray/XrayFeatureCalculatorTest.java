package org.muwclass.core.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.XrayBand;

class XrayFeatureCalculatorTest {

    private static final String DEMO = "/muwclass/demo/";

    static List<XraySourceFeatures> field(String name) {
        return XrayFeatureCalculator.fromPerObservation(CsvTable.readResource(DEMO + name + "/" + name + "_per.csv"));
    }

    static void assertNumber(double expected, double actual, double relTol, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NULL, got " + actual);
            return;
        }
        assertEquals(expected, actual, relTol * Math.abs(expected) + 1e-300, what);
    }

    private static void assertMatchesUpstreamAverages(String fieldName) {
        CsvTable ave = CsvTable.readResource(DEMO + fieldName + "/" + fieldName + "_ave.csv");
        List<XraySourceFeatures> got = field(fieldName);
        assertEquals(ave.rowCount(), got.size(), "number of sources");
        for (int i = 0; i < ave.rowCount(); i++) {
            XraySourceFeatures s = got.get(i);
            String id = fieldName + " row " + (i + 1) + " " + s.master().name();
            assertEquals((int) ave.number(i, "usrid"), s.master().usrid(), id);
            assertEquals(ave.cell(i, "name").trim(), s.master().name(), id);
            assertNumber(ave.number(i, "ra"), s.master().raDeg(), 1e-12, id + " ra");
            assertNumber(ave.number(i, "dec"), s.master().decDeg(), 1e-12, id + " dec");
            for (XrayBand b : XrayBand.values()) {
                assertNumber(ave.number(i, "flux_aper90_ave_" + b.code()), s.flux(b), 1e-12, id + " F" + b.code());
                assertNumber(ave.number(i, "e_flux_aper90_ave_" + b.code()), s.fluxErr(b), 1e-12,
                        id + " e_F" + b.code());
            }
            assertEquals((int) ave.number(i, "flux_flag"), s.fluxFlag(), id + " flux_flag");
            assertEquals((int) ave.number(i, "dof"), s.dof(), id + " dof");
            assertNumber(ave.number(i, "chisqr"), s.chiSquare(), 1e-9, id + " chisqr");
            assertNumber(ave.number(i, "var_inter_prob"), s.pInter(), 0, id + " var_inter_prob");
            assertNumber(ave.number(i, "kp_prob_b_max"), s.pIntra(), 0, id + " kp_prob_b_max");
            assertNumber(ave.number(i, "significance_max"), s.significanceMax(), 0, id + " significance_max");
            assertNumber(ave.number(i, "flux_significance_b_max"), s.fluxSignificanceBMax(), 0,
                    id + " flux_significance_b_max");
        }
    }

    @Test
    void reproducesNgc3532Averages() {
        assertMatchesUpstreamAverages("NGC3532");
    }

    @Test
    void reproducesIc2395AveragesWithDuplicatedNames() {
        assertMatchesUpstreamAverages("IC2395");
        List<XraySourceFeatures> got = field("IC2395");
        // the demo's cone search is duplicated: usrids 1 and 2 are the same CSC source and must not be merged
        assertEquals(got.get(0).master().name(), got.get(1).master().name());
        assertEquals(1, got.get(0).master().usrid());
        assertEquals(2, got.get(1).master().usrid());
        assertEquals(got.get(0).flux(XrayBand.BROAD), got.get(1).flux(XrayBand.BROAD), 0.0);
    }

    @Test
    void reproducesClassificationTableColumns() {
        CsvTable cls = CsvTable.readResource(DEMO + "NGC3532/NGC3532_class.csv");
        Map<String, XraySourceFeatures> byName = new HashMap<>();
        for (XraySourceFeatures s : field("NGC3532")) {
            byName.put(s.master().name(), s);
        }
        assertEquals(cls.rowCount(), byName.size());
        for (int i = 0; i < cls.rowCount(); i++) {
            String name = cls.cell(i, "name");
            XraySourceFeatures s = byName.get(name);
            assertNumber(cls.number(i, "F_b"), s.flux(XrayBand.BROAD), 1e-12, name + " F_b");
            assertNumber(cls.number(i, "HR_hms"), s.hardnessHms(), 1e-12, name + " HR_hms");
            assertNumber(cls.number(i, "P_inter"), s.pInter(), 0, name + " P_inter");
            assertNumber(cls.number(i, "P_intra"), s.pIntra(), 0, name + " P_intra");
            assertNumber(cls.number(i, "significance"), s.master().significance(), 0, name + " significance");
            assertEquals(cls.text(i, "CSC_flags").orElse(""), s.cscFlags(), name + " CSC_flags");
            assertEquals(0, s.removeCode(), name);
        }
    }
}
