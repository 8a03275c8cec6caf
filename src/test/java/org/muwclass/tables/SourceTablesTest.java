package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.CsvColumnTable;
import org.muwclass.core.training.InputWarnings;
import org.muwclass.core.training.InvalidTableException;
import org.muwclass.core.training.NoXrayPolicy;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingSetReader;
import uk.ac.starlink.table.ArrayColumn;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.ColumnStarTable;

class SourceTablesTest {

    @TempDir
    Path dir;

    private static final String HEADER = "CSCv2_name,CSCv2_RA,CSCv2_DEC,Fs,e_Fs,Fm,e_Fm,Fh,e_Fh,Gmag,e_Gmag,True_Class";
    private static final String ROW1 = "a,10.0,-5.0,1e-14,1e-15,2e-14,2e-15,3e-14,3e-15,18.0,0.01,AGN";
    private static final String ROW2 = "b,11.0,-6.0,2e-14,1e-15,,,3e-14,3e-15,,,HM-STAR";

    private static CsvColumnTable csv(String... lines) throws IOException {
        return new CsvColumnTable(CsvTable.read(new StringReader(String.join("\n", lines))));
    }

    /** A VOTable with the two rows above, fluxes written in {@code unit} with the given values. */
    private Path votable(String unit, String[] fs, String[] fm) throws IOException {
        String field = "<FIELD name=\"%s\" datatype=\"double\" unit=\"" + unit + "\"/>";
        String doc = "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE><TABLE>"
                + "<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\"/>"
                + "<FIELD name=\"dec\" datatype=\"double\" unit=\"deg\"/>"
                + String.format(field, "Fs") + String.format(field, "e_Fs")
                + String.format(field, "Fm") + String.format(field, "e_Fm")
                + "<FIELD name=\"Fh\" datatype=\"double\" unit=\"erg/s/cm2\"/>"
                + "<FIELD name=\"e_Fh\" datatype=\"double\" unit=\"erg.s-1.cm-2\"/>"
                + "<FIELD name=\"Gmag\" datatype=\"double\" unit=\"mag\"/>"
                + "<FIELD name=\"e_Gmag\" datatype=\"double\" unit=\"mag\"/>"
                + "<DATA><TABLEDATA>"
                + "<TR><TD>a</TD><TD>10.0</TD><TD>-5.0</TD><TD>" + fs[0] + "</TD><TD>" + fs[1] + "</TD><TD>" + fm[0]
                + "</TD><TD>" + fm[1] + "</TD><TD>3e-14</TD><TD>3e-15</TD><TD>18.0</TD><TD>0.01</TD></TR>"
                + "<TR><TD>b</TD><TD>11.0</TD><TD>-6.0</TD><TD>" + fs[2] + "</TD><TD>" + fs[3]
                + "</TD><TD></TD><TD></TD><TD>3e-14</TD><TD>3e-15</TD><TD></TD><TD></TD></TR>"
                + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        Path p = dir.resolve(unit.replace('/', '_') + ".vot");
        Files.writeString(p, doc);
        return p;
    }

    private static List<SourceMeasurements> expected() throws IOException {
        return SourceTableReader.read(csv(HEADER.replace(",True_Class", ""), ROW1.replace(",AGN", ""),
                ROW2.replace(",HM-STAR", "")), false);
    }

    private static void assertSameSources(List<SourceMeasurements> want, List<SourceMeasurements> got) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).name(), got.get(i).name());
            for (int b = 0; b < 3; b++) {
                assertEquals(want.get(i).flux()[b], got.get(i).flux()[b], "flux " + i + "/" + b);
                assertEquals(want.get(i).fluxErr()[b], got.get(i).fluxErr()[b], "error " + i + "/" + b);
            }
        }
    }

    @Test
    void votableInMilliwattsPerSquareMetreIsReadAsErgPerSecondPerSquareCentimetre() throws IOException {
        Path p = votable("mW.m-2", new String[] {"1e-14", "1e-15", "2e-14", "1e-15"}, new String[] {"2e-14", "2e-15"});
        TargetTable t = SourceTables.targets(TableFiles.read(p, TableFormat.VOTABLE), NoXrayPolicy.REFUSE);
        assertSameSources(expected(), t.sources());
        assertEquals(1e-14, t.sources().get(0).flux()[0]);
        assertEquals(0, t.warnings().count(InputWarnings.Kind.COLUMN_UNIT_CONVERTED)); // the same unit
    }

    @Test
    void votableInWattsPerSquareMetreIsConvertedByAThousand() throws IOException {
        Path p = votable("W.m-2", new String[] {"1e-17", "1e-18", "2e-17", "1e-18"}, new String[] {"2e-17", "2e-18"});
        TargetTable t = SourceTables.targets(TableFiles.read(p, TableFormat.VOTABLE), NoXrayPolicy.REFUSE);
        assertSameSources(expected(), t.sources());
        assertEquals(2e-14, t.sources().get(0).flux()[1]);
        assertEquals(2e-15, t.sources().get(0).fluxErr()[1]);
        assertEquals(4, t.warnings().count(InputWarnings.Kind.COLUMN_UNIT_CONVERTED));
        assertEquals("4", t.warnings().asProvenance().get("warnings.column_unit_converted"));
    }

    @Test
    void votableWithAScaleFactorIsConverted() throws IOException {
        Path p = votable("1e-14 erg/s/cm2", new String[] {"1", "0.1", "2", "0.1"}, new String[] {"2", "0.2"});
        assertSameSources(expected(), SourceTables.targets(TableFiles.read(p, TableFormat.VOTABLE)));
    }

    @Test
    void votableInPhotonUnitsIsRefused() throws IOException {
        Path p = votable("ph/cm2/s", new String[] {"1e-5", "1e-6", "2e-5", "1e-6"}, new String[] {"2e-5", "2e-6"});
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> SourceTables.targets(TableFiles.read(p, TableFormat.VOTABLE)));
        assertEquals("Column 'Fs' has unit 'ph/cm2/s': photon or count fluxes cannot be converted to energy fluxes"
                + " without a spectral model; accepted: erg/s/cm2 (also written erg.s-1.cm-2, erg/cm2/s, mW/m2,"
                + " mW.m-2), W/m2 (x 1e3), or any of these with a scale factor such as 1e-14 erg/s/cm2 or"
                + " 10-14erg.s-1.cm-2", e.getMessage());
    }

    @Test
    void starTableGivesTheSameTrainingSetAsCsv() throws IOException {
        ColumnStarTable t = ColumnStarTable.makeTableWithRows(2);
        t.addColumn(ArrayColumn.makeColumn("CSCv2_name", new String[] {"a", "b"}));
        t.addColumn(ArrayColumn.makeColumn("CSCv2_RA", new double[] {10.0, 11.0}));
        t.addColumn(ArrayColumn.makeColumn("CSCv2_DEC", new double[] {-5.0, -6.0}));
        t.addColumn(ArrayColumn.makeColumn("Fs", new double[] {1e-14, 2e-14}));
        t.addColumn(ArrayColumn.makeColumn("e_Fs", new double[] {1e-15, 1e-15}));
        t.addColumn(ArrayColumn.makeColumn("Fm", new double[] {2e-14, Double.NaN}));
        t.addColumn(ArrayColumn.makeColumn("e_Fm", new double[] {2e-15, Double.NaN}));
        t.addColumn(ArrayColumn.makeColumn("Fh", new double[] {3e-14, 3e-14}));
        t.addColumn(ArrayColumn.makeColumn("e_Fh", new double[] {3e-15, 3e-15}));
        t.addColumn(ArrayColumn.makeColumn("Gmag", new float[] {18.0f, Float.NaN}));
        t.addColumn(ArrayColumn.makeColumn("e_Gmag", new double[] {0.01, Double.NaN}));
        t.addColumn(ArrayColumn.makeColumn(new ColumnInfo("True_Class", String.class, null),
                new String[] {"AGN", "HM-STAR"}));
        assertEquals(TrainingSetReader.read(csv(HEADER, ROW1, ROW2), "csv").sha256(),
                SourceTables.training(t, "star").sha256());
    }
}
