package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.model.SourceClass;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;

/** The same provenance in every output format, read back from the file. */
class ProvenanceInEveryFormatTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static final List<ClassifiedSource> SOURCES = List.of(new ClassifiedSource("2CXO J000009.3+135618",
            0.0388, 13.9383, new double[] {0.9222, 0.010465, 0.005645, 0.00022, 0.028675, 0.00352, 0.00089, 0.028385},
            null, null, null, null, SourceClass.AGN, 5.30748, 0.050565));

    private static Map<String, String> provenance() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("noise_model", "poisson-gehrels");
        extra.put("ebv_map", "healpix-nside64 sha256=" + SHA);
        return new RunProvenance("0.1.0-test", "RandomForest(trees=100)", 42, 1000, SHA, "cd34",
                Instant.parse("2026-11-25T17:00:00Z"), Instant.parse("2026-11-25T17:05:00Z"), extra).entries();
    }

    private static Path write(Path dir, TableFormat format) throws IOException {
        Path file = dir.resolve("out." + format.extension());
        TableFiles.write(ClassificationTable.of(SOURCES), format, provenance(), file);
        return file;
    }

    private static String param(StarTable t, String name) {
        for (DescribedValue v : t.getParameters()) {
            if (v.getInfo().getName().equalsIgnoreCase(name)) {
                return v.getValue() instanceof String[] lines ? String.join("\n", lines)
                        : String.valueOf(v.getValue());
            }
        }
        return null;
    }

    @Test
    void fitsHeaderCardsAndHistory(@TempDir Path dir) throws IOException {
        Path file = write(dir, TableFormat.FITS);
        String header = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        assertTrue(header.contains(String.format("%-80s", "SEED    = '42'")), "short key card");
        assertTrue(header.contains(String.format("%-80s", "HIERARCH NOISE_MODEL = 'poisson-gehrels'")), "HIERARCH");
        String history = "training_set_sha256 = " + SHA;
        assertTrue(header.contains(String.format("%-80s", "HISTORY " + history.substring(0, 72))
                + String.format("%-80s", "HISTORY " + history.substring(72))), "too long for a card: HISTORY lines");
        StarTable back = TableFiles.read(file, TableFormat.FITS);
        assertEquals("42", param(back, "SEED"));
        assertEquals("1000", param(back, "MC_DRAWS"));
        assertEquals("poisson-gehrels", param(back, "HIERARCH NOISE_MODEL"), "STIL keeps the HIERARCH prefix");
        assertTrue(param(back, "HISTORY").replace("\n", "").contains(history), param(back, "HISTORY"));
        assertEquals(SOURCES, ClassificationTable.read(back).subList(0, 1));
    }

    @Test
    void csvCommentHeaderIsSkippedOnReading(@TempDir Path dir) throws IOException {
        Path file = write(dir, TableFormat.CSV);
        List<String> lines = Files.readAllLines(file);
        assertEquals("# service_version: 0.1.0-test", lines.get(0));
        assertTrue(lines.contains("# seed: 42"));
        assertTrue(lines.contains("# noise_model: poisson-gehrels"));
        assertTrue(lines.contains("# training_set_sha256: " + SHA));
        assertTrue(lines.get(provenance().size()).startsWith("name,ra,dec,"), "names after the comments");
        StarTable back = TableFiles.read(file, TableFormat.CSV);
        assertEquals(1, back.getRowCount());
        assertEquals("2CXO J000009.3+135618", ClassificationTable.read(back).get(0).name());
    }

    @Test
    void uploadsSkipTheCommentHeaderToo(@TempDir Path dir) throws IOException {
        Path file = write(dir, TableFormat.CSV);
        StarTable back = TableFiles.readUpload(file, TableFormat.CSV, ReadLimits.NONE, "INPUT");
        assertEquals(1, back.getRowCount());
        assertEquals("name", back.getColumnInfo(0).getName());
        Path noHeader = dir.resolve("plain.csv");
        Files.writeString(noHeader, "a,b\n1,#2\n");
        StarTable plain = TableFiles.read(noHeader, TableFormat.CSV);
        assertEquals("a", plain.getColumnInfo(0).getName(), "only leading '#' lines are comments");
        assertEquals(1, plain.getRowCount());
    }

    @Test
    void tsvToo(@TempDir Path dir) throws IOException {
        Path file = write(dir, TableFormat.TSV);
        assertTrue(Files.readAllLines(file).contains("# seed: 42"));
        StarTable back = TableFiles.read(file, TableFormat.TSV);
        assertEquals(5.30748, ClassificationTable.read(back).get(0).ct(), 1e-6);
    }

    @Test
    void ecsvMeta(@TempDir Path dir) throws IOException {
        Path file = write(dir, TableFormat.ECSV);
        String text = Files.readString(file);
        assertTrue(text.contains("# meta:\n"), text.substring(0, 200));
        StarTable back = TableFiles.read(file, TableFormat.ECSV);
        assertEquals("42", param(back, "seed"));
        assertEquals("poisson-gehrels", param(back, "noise_model"));
        assertEquals(SHA, param(back, "training_set_sha256"));
    }

    @Test
    void noFactsMeansPlainStilOutput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.csv");
        TableFiles.write(ClassificationTable.of(SOURCES), TableFormat.CSV, Map.of(), file);
        assertTrue(Files.readString(file).startsWith("name,ra,dec,"));
    }
}
