package org.muwclass.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.MwBand;

class SourceTableReaderTest {

    private static final String HEADER = "name,ra,dec,Fs,e_Fs,Fm,e_Fm,Fh,e_Fh,Jmag,e_Jmag,ebv";
    private static final String ROW1 = "a,10.0,-5.0,1e-14,1e-15,2e-14,2e-15,3e-14,3e-15,15.0,0.1,0.5";
    private static final String ROW2 = "b,11.0,-6.0,2e-14,1e-15,,,3e-14,3e-15,16.0,,0.2";

    /** A CSV table with declared units, as a VOTable or FITS file would give. */
    private record WithUnits(ColumnTable csv, Map<String, String> units) implements ColumnTable {
        @Override
        public List<String> columnNames() {
            return csv.columnNames();
        }

        @Override
        public Optional<String> unit(String column) {
            return Optional.ofNullable(units.get(column));
        }

        @Override
        public int rowCount() {
            return csv.rowCount();
        }

        @Override
        public Object cell(int row, int column) {
            return csv.cell(row, column);
        }
    }

    private static ColumnTable csv(String... lines) {
        try {
            return new CsvColumnTable(CsvTable.read(new StringReader(String.join("\n", lines))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ColumnTable units(ColumnTable t, String... columnUnit) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columnUnit.length; i += 2) {
            m.put(columnUnit[i], columnUnit[i + 1]);
        }
        return new WithUnits(t, m);
    }

    private static String refusal(ColumnTable t) {
        return assertThrows(InvalidTableException.class, () -> SourceTableReader.readTargets(t, NoXrayPolicy.REFUSE))
                .getMessage();
    }

    private static String refusal(String row2) {
        return refusal(csv(HEADER, ROW1, row2));
    }

    @Test
    void implausibleValuesNameRowColumnValueAndRange() {
        assertEquals("Column 'Fs', row 2: 2.0E-6 is out of range; allowed > 0 and < 1e-6 erg/s/cm2",
                refusal(ROW2.replace("2e-14,1e-15", "2e-6,1e-15")));
        assertEquals("Column 'Fh', row 2: -3.0E-14 is out of range; allowed > 0 and < 1e-6 erg/s/cm2",
                refusal(ROW2.replace("3e-14,3e-15", "-3e-14,3e-15")));
        assertEquals("Column 'Jmag', row 2: 40.0 is out of range; allowed -10..35 mag (Vega)",
                refusal(ROW2.replace("16.0,", "40.0,")));
        assertEquals("Column 'e_Jmag', row 2: 11.0 is out of range; allowed 0..10 mag",
                refusal(ROW2.replace("16.0,,", "16.0,11,")));
        assertEquals("Column 'ebv', row 2: 120.0 is out of range; allowed 0..100 mag",
                refusal(ROW2.replace(",0.2", ",120")));
        assertEquals("Column 'ebv', row 2: -0.1 is out of range; allowed 0..100 mag",
                refusal(ROW2.replace(",0.2", ",-0.1")));
        assertEquals("Column 'ra', row 2: 400.0 is out of range; allowed 0..360 deg (decimal degrees)",
                refusal(ROW2.replace("11.0,", "400,")));
        assertEquals("Column 'dec', row 2: -91.0 is out of range; allowed -90..90 deg (decimal degrees)",
                refusal(ROW2.replace("-6.0,", "-91,")));
    }

    @Test
    void convertedValueOutOfRangeNamesTheDeclaredUnit() {
        ColumnTable t = units(csv(HEADER, ROW1, ROW2.replace("2e-14,1e-15", "2e-9,1e-15")), "Fs", "W.m-2");
        assertEquals("Column 'Fs', row 2: 2.0E-6 (converted from W.m-2) is out of range; allowed > 0 and"
                + " < 1e-6 erg/s/cm2", refusal(t));
    }

    @Test
    void rowWithoutAnyXrayFluxIsRefusedByDefault() {
        assertEquals("Row 2 ('b'): no X-ray flux; Fs, e_Fs, Fm, e_Fm, Fh, e_Fh are all empty, and a source needs a"
                + " flux in at least one band (or NO_XRAY=flag, --no-xray flag in the CLI, to return such rows"
                + " unclassified)",
                refusal("b,11.0,-6.0,,,,,,,16.0,0.1,0.2"));
        assertThrows(InvalidTableException.class, () -> SourceTableReader.read(csv(HEADER, ROW1,
                "b,11.0,-6.0,,,,,,,16.0,0.1,0.2"), false));
    }

    @Test
    void rowWithoutAnyXrayFluxIsReturnedUnclassifiedOnRequest() {
        TargetTable t = SourceTableReader.readTargets(csv(HEADER, ROW1, "b,11.0,-6.0,,,,,,,16.0,0.1,0.2", ROW2),
                NoXrayPolicy.FLAG);
        assertEquals(List.of("a", "b"), t.sources().stream().map(s -> s.name()).toList());
        assertEquals(1, t.withoutXray().size());
        assertEquals("b", t.withoutXray().get(0).source().name());
        assertEquals(1, t.withoutXray().get(0).row());
        assertTrue(Double.isNaN(t.withoutXray().get(0).source().flux()[0]));
        assertEquals(1, t.warnings().count(InputWarnings.Kind.NO_XRAY_UNCLASSIFIED));
        assertEquals(0, t.inputRow(0));
        assertEquals(2, t.inputRow(1));
    }

    @Test
    void warningsAreCountedAndGoIntoTheProvenance() {
        TargetTable t = SourceTableReader.readTargets(units(csv(HEADER, ROW1, ROW2), "Fs", "W/m2", "e_Fs", "W/m2",
                "Fm", "erg/s/cm2", "Jmag", "mag"), NoXrayPolicy.REFUSE);
        InputWarnings w = t.warnings();
        assertEquals(1, w.count(InputWarnings.Kind.MAGNITUDE_WITHOUT_ERROR)); // row 2: Jmag 16.0 without error
        assertEquals(1, w.count(InputWarnings.Kind.UNDETECTED_BAND_FILLED)); // row 2: m band blank
        assertEquals(2, w.count(InputWarnings.Kind.COLUMN_UNIT_CONVERTED)); // Fs and e_Fs; Fm is already erg/s/cm2
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("warnings.magnitude_without_error", "1");
        expected.put("warnings.undetected_band_filled", "1");
        expected.put("warnings.column_unit_converted", "2");
        assertEquals(expected, w.asProvenance());
        assertEquals(1e-11, t.sources().get(0).flux()[0]);
        assertEquals(1e-12, t.sources().get(0).fluxErr()[0]);
        assertEquals(2e-14, t.sources().get(0).flux()[1]);
        assertEquals(15.0, t.sources().get(0).mag()[MwBand.J.ordinal()]);
    }

    @Test
    void unconvertibleUnitsAreRefusedWhenTheTableIsRead() {
        assertEquals("Column 'Fm' has unit 'photon.s-1.cm-2': photon or count fluxes cannot be converted to"
                + " energy fluxes without a spectral model; accepted: " + InputUnits.FLUX_UNITS,
                refusal(units(csv(HEADER, ROW1, ROW2), "Fm", "photon.s-1.cm-2")));
        assertEquals("Column 'Jmag' has unit 'mag(AB)': AB magnitudes are not converted (the training set is in"
                + " Vega magnitudes); accepted: mag (Vega) or no unit",
                refusal(units(csv(HEADER, ROW1, ROW2), "Jmag", "mag(AB)")));
        assertEquals("Column 'ebv' has unit 'Jy': E(B-V) is a colour excess in mag; accepted: mag (Vega) or no"
                + " unit", refusal(units(csv(HEADER, ROW1, ROW2), "ebv", "Jy")));
        assertEquals("Column 'ra' has unit 'h': not an angle unit; accepted: deg (also accepted: deg, arcmin,"
                + " arcsec, mas, rad)", refusal(units(csv(HEADER, ROW1, ROW2), "ra", "h")));
    }

    @Test
    void positionsInRadiansAndErrorsInMasAreConverted() {
        TargetTable t = SourceTableReader.readTargets(units(csv("name,ra,dec,pu,Fs,e_Fs,Fm,e_Fm,Fh,e_Fh",
                "a,0.5,-0.1,500,1e-14,1e-15,2e-14,2e-15,3e-14,3e-15"), "ra", "rad", "dec", "rad",
                "pu", "mas"), NoXrayPolicy.REFUSE);
        assertEquals(0.5 * 180 / Math.PI, t.sources().get(0).raDeg(), 1e-12);
        assertEquals(-0.1 * 180 / Math.PI, t.sources().get(0).decDeg(), 1e-12);
        assertEquals(0.5, t.sources().get(0).posErrArcsec(), 1e-12);
    }

    @Test
    void visualExtinctionWithoutEbvIsRefusedByName() {
        assertEquals("Column 'A_V' looks like the visual extinction A_V, which is not E(B-V); give E(B-V) in mag"
                + " in a column named ebv, E(B-V), E_BV, EBV (E(B-V) = A_V / 3.1), or rename the column if it is"
                + " not an extinction", refusal(csv(HEADER.replace(",ebv", ",A_V"), ROW1, ROW2)));
    }
}
