package org.muwclass.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;

class TrainingSetReaderTest {

    private static TrainingSet td;

    @BeforeAll
    static void load() {
        td = TrainingSetReader.readDefault();
    }

    @Test
    void publishedTrainingSetHasThePaperClassCounts() {
        assertEquals(2941, td.size());
        Map<SourceClass, Integer> n = td.classCounts();
        // docs/algorithm.md §11.1 / paper Table 1
        assertEquals(1390, n.get(SourceClass.AGN));
        assertEquals(44, n.get(SourceClass.CV));
        assertEquals(118, n.get(SourceClass.HM_STAR));
        assertEquals(26, n.get(SourceClass.HMXB));
        assertEquals(207, n.get(SourceClass.LM_STAR));
        assertEquals(65, n.get(SourceClass.LMXB));
        assertEquals(87, n.get(SourceClass.NS));
        assertEquals(1004, n.get(SourceClass.YSO));
        assertTrue(td.sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void firstRowIsReadFieldByField() {
        SourceMeasurements s = td.sources().get(0);
        assertEquals("2CXO J000009.3+135618", s.name());
        assertEquals(0.0391148, s.raDeg());
        assertEquals(2e-15, s.flux()[0]);
        assertEquals(5e-16, s.fluxErr()[1]);
        assertEquals(0.923, s.pIntra());
        assertTrue(Double.isNaN(s.pInter()));
        assertEquals(18.494, s.mag()[MwBand.G.ordinal()]);
        assertTrue(Double.isNaN(s.mag()[MwBand.J.ordinal()]));
        assertEquals(10.8, s.mag()[MwBand.W3.ordinal()]);
        assertTrue(Double.isNaN(s.ebv()));
    }

    @Test
    void missingValueCountsMatchTheSpec() {
        // docs/algorithm.md §11.2 (missing per band) and §5 (magnitude present but error missing)
        assertEquals(715, countMissing(s -> s.mag()[MwBand.G.ordinal()]));
        assertEquals(1117, countMissing(s -> s.mag()[MwBand.J.ordinal()]));
        assertEquals(1141, countMissing(s -> s.mag()[MwBand.W3.ordinal()]));
        assertEquals(1600, countMissing(SourceMeasurements::pInter));
        assertEquals(219, countMissing(SourceMeasurements::pIntra));
        int[] expectedNoErr = {0, 0, 0, 115, 47, 40, 7, 15, 287};
        for (MwBand b : MwBand.values()) {
            long n = td.sources().stream()
                    .filter(s -> !Double.isNaN(s.mag()[b.ordinal()]) && Double.isNaN(s.magErr()[b.ordinal()]))
                    .count();
            assertEquals(expectedNoErr[b.ordinal()], n, b.label());
        }
    }

    private static long countMissing(java.util.function.ToDoubleFunction<SourceMeasurements> f) {
        return td.sources().stream().filter(s -> Double.isNaN(f.applyAsDouble(s))).count();
    }

    private static final String HEADER = "CSCv2_name,CSCv2_RA,CSCv2_DEC,Fs,e_Fs,Fm,e_Fm,Fh,e_Fh,Gmag,e_Gmag,True_Class";
    private static final String ROW1 = "a,10.0,-5.0,1e-14,1e-15,2e-14,2e-15,3e-14,3e-15,18.0,0.01,AGN";
    private static final String ROW2 = "b,11.0,-6.0,2e-14,1e-15,,,3e-14,3e-15,,,HM-STAR";

    private static TrainingSet csv(String... lines) {
        try {
            return TrainingSetReader.read(
                    new CsvColumnTable(CsvTable.read(new StringReader(String.join("\n", lines)))), "test");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void blankBandGetsTheUndetectedFill() {
        SourceMeasurements b = csv(HEADER, ROW1, ROW2).sources().get(1);
        assertEquals(7.979e-18, b.flux()[1], 1e-21);
        assertEquals(6.028e-18, b.fluxErr()[1], 1e-21);
        assertEquals(SourceClass.HM_STAR, b.trueClass());
    }

    @Test
    void cscMasterAliasesAreAccepted() {
        TrainingSet t = csv("name,ra,dec,flux_aper90_ave_s,e_flux_aper90_ave_s,flux_aper90_ave_m,"
                        + "e_flux_aper90_ave_m,flux_aper90_ave_h,e_flux_aper90_ave_h,phot_g_mean_mag,e_Gmag,true_class",
                "a,10.0,-5.0,1e-14,1e-15,2e-14,2e-15,3e-14,3e-15,18.0,0.01,AGN",
                "b,11.0,-6.0,2e-14,1e-15,,,3e-14,3e-15,,,HM-STAR");
        assertEquals(csv(HEADER, ROW1, ROW2).sha256(), t.sha256());
    }

    @Test
    void checksumChangesWithContent() {
        assertNotEquals(csv(HEADER, ROW1, ROW2).sha256(),
                csv(HEADER, ROW1, ROW2.replace("2e-14", "2.1e-14")).sha256());
    }

    @Test
    void missingRequiredColumnIsNamed() {
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> csv(HEADER.replace(",e_Fm", ",x"), ROW1));
        assertTrue(e.getMessage().contains("'e_Fm'"), e.getMessage());
    }

    @Test
    void badValuesNameColumnAndRow() {
        assertMessage(csv2(ROW2.replace("3e-15", "abc")), "'e_Fh', row 2", "not a number");
        assertMessage(csv2(ROW2.replace("3e-15", "NaN")), "'e_Fh', row 2", "leave the cell empty");
        assertMessage(csv2(ROW2.replace("3e-15", "Infinity")), "'e_Fh', row 2", "not allowed");
        assertExact(csv2(ROW2.replace("3e-15", "-3e-15")),
                "Column 'e_Fh', row 2: -3.0E-15 is out of range; allowed >= 0 erg/s/cm2");
        assertMessage(csv2(ROW2.replace("HM-STAR", "QSO")), "'True_Class', row 2", "unknown class label 'QSO'");
        assertMessage(csv2(ROW2.replace("HM-STAR", "")), "'True_Class', row 2", "allowed: AGN");
        assertExact(csv2(ROW2.replace("2e-14,1e-15", "0,1e-15")),
                "Column 'Fs', row 2: 0.0 is out of range; allowed > 0 and < 1e-6 erg/s/cm2");
        assertMessage(csv2(ROW2.replace("2e-14,1e-15", ",1e-15")), "'Fs', row 2", "give both");
    }

    private static Runnable csv2(String row2) {
        return () -> csv(HEADER, ROW1, row2);
    }

    private static void assertExact(Runnable r, String message) {
        assertEquals(message, assertThrows(InvalidTableException.class, r::run).getMessage());
    }

    private static void assertMessage(Runnable r, String... parts) {
        InvalidTableException e = assertThrows(InvalidTableException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage());
        }
    }

    @Test
    void targetsNeedNoLabel() {
        List<SourceMeasurements> s = SourceTableReader.read(new CsvColumnTable(CsvTable.readResource(
                TrainingSetReader.DEFAULT_RESOURCE)), false);
        assertEquals(2941, s.size());
        assertNull(SourceTableReader.read(tableOf("CSCv2_name,CSCv2_RA,CSCv2_DEC,Fs,e_Fs,Fm,e_Fm,Fh,e_Fh",
                "a,10.0,-5.0,1e-14,1e-15,2e-14,2e-15,3e-14,3e-15"), false).get(0).trueClass());
    }

    private static ColumnTable tableOf(String... lines) {
        try {
            return new CsvColumnTable(CsvTable.read(new StringReader(String.join("\n", lines))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
