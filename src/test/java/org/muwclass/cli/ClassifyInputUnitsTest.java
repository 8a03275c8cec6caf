package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/** {@code muwclass classify} reads the declared units of its input: W/m2 fluxes give the erg/s/cm2 answer. */
class ClassifyInputUnitsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        return new Main(new LocalPipeline(), console, false).run(args);
    }

    /** Two sources; fluxes are written as {@code value + exponent} so one table can be in erg or W units. */
    private static String votable(String unit, int exponent) {
        String f = "<FIELD name=\"%s\" datatype=\"double\" unit=\"" + unit + "\"/>";
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\""
                + " xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
                + "<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\"/><FIELD name=\"dec\" datatype=\"double\""
                + " unit=\"deg\"/>");
        for (String c : new String[] {"Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh"}) {
            doc.append(String.format(f, c));
        }
        doc.append("<FIELD name=\"Gmag\" datatype=\"double\" unit=\"mag\"/><FIELD name=\"e_Gmag\""
                + " datatype=\"double\" unit=\"mag\"/><DATA><TABLEDATA>");
        String[][] rows = {{"s1", "83.1", "-5.2", "3.1", "0.4", "5.2", "0.6", "9.8", "1.1", "14.2", "0.01"},
            {"s2", "83.2", "-5.3", "0.21", "0.1", "1.3", "0.3", "7.7", "0.9", "", ""}};
        for (String[] r : rows) {
            doc.append("<TR>");
            for (int i = 0; i < r.length; i++) {
                String v = i >= 3 && i <= 8 ? r[i] + "e" + (exponent) : r[i];
                doc.append("<TD>").append(v).append("</TD>");
            }
            doc.append("</TR>");
        }
        return doc.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>").toString();
    }

    private List<ClassifiedSource> classify(Path dir, String name, String doc) throws Exception {
        Path in = dir.resolve(name + ".vot");
        Files.writeString(in, doc);
        Path out = dir.resolve(name + "_class.vot");
        assertEquals(0, run("classify", "--input", in.toString(), "--output", out.toString(), "--draws", "2",
                "--trees", "5", "--ebv", "none", "--seed", "3", "--threads", "1"), err.toString(StandardCharsets.UTF_8));
        return ClassificationTable.read(TableFiles.read(out, TableFormat.VOTABLE));
    }

    @Test
    void wattsPerSquareMetreGiveTheSameClassificationAsErgPerSecondPerSquareCentimetre(@TempDir Path dir)
            throws Exception {
        List<ClassifiedSource> erg = classify(dir, "erg", votable("erg/s/cm2", -14));
        List<ClassifiedSource> watt = classify(dir, "watt", votable("W.m-2", -17));
        List<ClassifiedSource> misread = classify(dir, "misread", votable("erg/s/cm2", -17));
        assertEquals(2, erg.size());
        assertEquals(erg, watt, "W/m2 x 1e3 = erg/s/cm2, exactly");
        assertNotEquals(erg.get(0), misread.get(0), "the same numbers read as erg/s/cm2 are another source");
    }

    @Test
    void photonFluxesAreRefusedNamingColumnAndUnit(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("photons.vot");
        Files.writeString(in, votable("ph/cm2/s", -6));
        int code = run("classify", "--input", in.toString(), "--output", dir.resolve("o.vot").toString(),
                "--draws", "2", "--trees", "5", "--ebv", "none");
        String message = err.toString(StandardCharsets.UTF_8);
        assertNotEquals(0, code);
        assertTrue(message.contains("Column 'Fs' has unit 'ph/cm2/s': photon or count fluxes cannot be converted"
                + " to energy fluxes without a spectral model; accepted: erg/s/cm2"), message);
    }
}
