package org.muwclass.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.model.XrayBand;
import org.muwclass.core.physics.DustMap;

class FieldFeatureExtractorTest {

    private static final String DIR = "/muwclass/demo/NGC3532/NGC3532";

    private static FieldFeatures ngc3532() {
        Map<MwCatalog, CsvTable> cps = new EnumMap<>(MwCatalog.class);
        for (MwCatalog c : MwCatalog.values()) {
            cps.put(c, CsvTable.readResource(DIR + "_" + c.suffix() + ".csv"));
        }
        return FieldFeatureExtractor.extract(CsvTable.readResource(DIR + "_per.csv"), cps);
    }

    private static void assertValue(double expected, double actual, double relTol, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NULL, got " + actual);
        } else {
            assertEquals(expected, actual, relTol * Math.abs(expected), what);
        }
    }

    @Test
    void ngc3532EndToEnd() throws IOException {
        FieldFeatures f = ngc3532();
        CsvTable cls = CsvTable.readResource(DIR + "_class.csv");
        assertEquals(cls.rowCount(), f.usable().size());
        List<SourceMeasurements> ms = f.measurements();
        Map<String, SourceMeasurements> byName = new HashMap<>();
        ms.forEach(m -> byName.put(m.name(), m));
        for (int i = 0; i < cls.rowCount(); i++) {
            String name = cls.cell(i, "name");
            SourceMeasurements m = byName.get(name);
            double fb = m.flux()[0] + m.flux()[1] + m.flux()[2];
            assertValue(cls.number(i, "F_b"), fb, 1e-12, name + " F_b");
            assertValue(cls.number(i, "P_inter"), m.pInter(), 0, name + " P_inter");
            assertValue(cls.number(i, "P_intra"), m.pIntra(), 0, name + " P_intra");
            assertValue(cls.number(i, "G"), m.mag()[MwBand.G.ordinal()], 1e-6, name + " G");
            assertValue(cls.number(i, "PU_X"), m.posErrArcsec(), 0, name + " PU");
            assertValue(cls.number(i, "ra"), m.raDeg(), 1e-12, name + " ra");
            assertTrue(Double.isNaN(m.ebv()));
            assertNull(m.trueClass());
        }

        // the TD-style table carries the same numbers under the training set's column names
        FeatureTable td = f.tdTable();
        CsvTable trainingSet = CsvTable.readResource("/muwclass/TD.csv");
        for (String c : td.columns()) {
            assertTrue(trainingSet.hasColumn(c), "TD.csv has column " + c);
        }
        StringWriter w = new StringWriter();
        td.writeCsv(w);
        CsvTable back = td.toCsvTable();
        assertEquals(ms.size(), back.rowCount());
        for (int i = 0; i < ms.size(); i++) {
            SourceMeasurements m = ms.get(i);
            assertEquals(m.name(), back.cell(i, "CSCv2_name"));
            assertValue(m.flux()[XrayBand.HARD.ordinal()], back.number(i, "Fh"), 0, m.name() + " Fh");
            assertValue(m.mag()[MwBand.W1.ordinal()], back.number(i, "W1mag"), 0, m.name() + " W1");
            assertValue(m.magErr()[MwBand.J.ordinal()], back.number(i, "e_Jmag"), 0, m.name() + " e_J");
            assertValue(m.pInter(), back.number(i, "P_inter"), 0, m.name() + " P_inter");
        }
        assertTrue(w.toString().startsWith(String.join(",", FieldFeatures.TD_COLUMNS) + "\n"));
    }

    @Test
    void dustMapGivesEachSourceItsReddening() {
        FieldFeatures f = ngc3532();
        DustMap dust = DustMap.loadSfdLowRes();
        List<SourceMeasurements> ms = f.measurements(dust);
        SourceMeasurements first = ms.get(0);
        assertEquals(dust.ebv(first.raDeg(), first.decDeg()), first.ebv(), 0.0);
        // NGC 3532 lies in the Galactic plane (b ~ +1.4 deg): E(B-V) of order 0.1-1 mag
        assertTrue(first.ebv() > 0.05 && first.ebv() < 5, "E(B-V) = " + first.ebv());
    }

    @Test
    void missingCounterpartTablesMeanNoMagnitudes() {
        FieldFeatures f = FieldFeatureExtractor.extract(CsvTable.readResource(DIR + "_per.csv"), Map.of());
        assertEquals(373, f.all().size());
        for (SourceMeasurements m : f.measurements()) {
            for (double mag : m.mag()) {
                assertTrue(Double.isNaN(mag));
            }
        }
    }

    @Test
    void badCounterpartTableIsReportedWithItsName() {
        Map<MwCatalog, CsvTable> cps = Map.of(MwCatalog.TWOMASS, CsvTable.readResource(DIR + "_gaia.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldFeatureExtractor.extract(CsvTable.readResource(DIR + "_per.csv"), cps));
        assertTrue(e.getMessage().startsWith("2mass counterpart table") && e.getMessage().contains("_r_2mass"),
                e.getMessage());
    }
}
