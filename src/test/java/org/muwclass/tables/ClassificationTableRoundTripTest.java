package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.muwclass.core.model.SourceClass;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.ac.starlink.table.StarTable;

class ClassificationTableRoundTripTest {

    private static final List<ClassifiedSource> SOURCES = List.of(
            new ClassifiedSource("2CXO J000009.3+135618", 0.0388, 13.9383,
                    new double[] {0.9222, 0.010465, 0.005645, 0.00022, 0.028675, 0.00352, 0.00089, 0.028385},
                    new double[] {0.11488, 0.01833, 0.01385, 0.00147, 0.03867, 0.00851, 0.00354, 0.05353},
                    new double[] {0.97, 0, 0, 0, 0.01, 0, 0, 0}, new double[] {0.58, 0, 0, 0, 0, 0, 0, 0},
                    new double[] {1, 0.07, 0.05, 0, 0.14, 0.03, 0.01, 0.2027}, SourceClass.AGN, 5.30748,
                    0.050565, "dust-map"),
            new ClassifiedSource("src & <two>", Double.NaN, -45.5,
                    new double[] {0.1, 0.1, 0.4, 0.1, 0.1, 0.1, 0.05, 0.05}, null, null, null, null,
                    SourceClass.HM_STAR, 0.5, Double.NaN));

    private static RunProvenance provenance() {
        return new RunProvenance("0.1.0-test", "RandomForest(trees=100)", 42, 1000, "ab12", "cd34",
                Instant.parse("2026-11-25T17:00:00Z"), Instant.parse("2026-11-25T17:05:00Z"),
                Map.of("note", "quotes \" & <angle>"));
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE", "VOTABLE_TABLEDATA", "FITS"})
    void roundTripsThroughStil(TableFormat format, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("out." + (format == TableFormat.FITS ? "fits" : "vot"));
        TableFiles.write(ClassificationTable.of(SOURCES), format, provenance().entries(), file);
        StarTable back = TableFiles.read(file, format);
        assertEquals(2, back.getRowCount());
        List<ClassifiedSource> read = ClassificationTable.read(back);
        assertEquals(SOURCES.get(0), read.get(0));
        ClassifiedSource second = read.get(1);
        assertEquals("src & <two>", second.name());
        assertTrue(Double.isNaN(second.raDeg()), "null RA stays null");
        assertEquals(SourceClass.HM_STAR, second.predicted());
        assertArrayEquals(SOURCES.get(1).mean(), second.mean(), 0.0);
        assertTrue(Double.isNaN(second.std()[0]));
    }

    @ParameterizedTest
    @EnumSource(value = TableFormat.class, names = {"VOTABLE", "VOTABLE_TABLEDATA"})
    void votableCarriesProvenanceInfos(TableFormat format, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.vot");
        TableFiles.write(ClassificationTable.of(SOURCES), format, provenance().entries(), file);
        NodeList infos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("INFO");
        Map<String, String> got = new HashMap<>();
        for (int i = 0; i < infos.getLength(); i++) {
            Element e = (Element) infos.item(i);
            got.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        assertEquals("42", got.get("seed"));
        assertEquals("1000", got.get("mc_draws"));
        assertEquals("ab12", got.get("training_set_sha256"));
        assertEquals("cd34", got.get("input_sha256"));
        assertEquals("RandomForest(trees=100)", got.get("algorithm"));
        assertEquals("0.1.0-test", got.get("service_version"));
        assertEquals("2026-11-25T17:00:00Z", got.get("started_utc"));
        assertEquals("quotes \" & <angle>", got.get("note"));
        String xml = Files.readString(file);
        assertTrue(xml.contains(format == TableFormat.VOTABLE ? "<BINARY2>" : "<TABLEDATA>"), "data encoding");
        assertTrue(xml.contains("name=\"P_HM-STAR\""));
        assertTrue(xml.contains("unit=\"mag\""));
    }

    @Test
    void csvRoundTripKeepsValues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.csv");
        TableFiles.write(ClassificationTable.of(SOURCES), TableFormat.CSV, provenance().entries(), file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# service_version: 0.1.0-test\n# algorithm: RandomForest(trees=100)\n"),
                text.substring(0, 80));
        assertTrue(text.contains("\n# note: quotes \" & <angle>\nname,ra,dec,P_AGN,"), "comment header, then names");
        assertTrue(text.contains(",0.9222,0.010465,"), "full precision written");
        // STIL's CSV reader guesses float columns from the text, so values come back to float precision only.
        List<ClassifiedSource> read = ClassificationTable.read(TableFiles.read(file, TableFormat.CSV));
        assertEquals(SOURCES.get(0).name(), read.get(0).name());
        assertArrayEquals(SOURCES.get(0).mean(), read.get(0).mean(), 1e-7);
        assertEquals(5.30748, read.get(0).ct(), 1e-6);
    }

    @Test
    void ecsvRoundTripKeepsValuesAndUnits(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.ecsv");
        TableFiles.write(ClassificationTable.of(SOURCES), TableFormat.ECSV, provenance().entries(), file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# %ECSV 1.0\n"), text.substring(0, 40));
        assertTrue(text.contains("#   name: P_AGN\n#   datatype: float64\n"), "typed columns in the YAML header");
        List<ClassifiedSource> read = ClassificationTable.read(TableFiles.read(file, TableFormat.ECSV));
        assertEquals(SOURCES.get(0).name(), read.get(0).name());
        assertArrayEquals(SOURCES.get(0).mean(), read.get(0).mean(), 0.0, "doubles stay doubles");
        assertEquals(TableFormat.ECSV, TableFormat.fromExtension(file).orElseThrow());
    }

    @Test
    void formatNamesAndExtensions() {
        assertEquals(TableFormat.VOTABLE_TABLEDATA, TableFormat.fromName("VOTable-TableData"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableFormat.fromName("xls"));
        assertEquals("unknown table format 'xls'; allowed: votable, votable-tabledata, csv, tsv, fits, ecsv",
                e.getMessage());
        assertEquals(TableFormat.FITS, TableFormat.fromExtension(Path.of("a/b.FITS")).orElseThrow());
        assertEquals(TableFormat.VOTABLE, TableFormat.fromExtension(Path.of("x.vot")).orElseThrow());
        assertTrue(TableFormat.fromExtension(Path.of("x.txt")).isEmpty());
    }

    @Test
    void readingTheWrongFormatSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "a,b\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> TableFiles.read(file, TableFormat.FITS));
        assertTrue(e.getMessage().contains("is not a readable fits table"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> TableFiles.read(dir.resolve("missing.vot"), TableFormat.VOTABLE));
    }
}
