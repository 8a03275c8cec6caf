package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import uk.ac.starlink.table.StarTable;

/**
 * {@code muwclass classify --no-xray} and {@code --training-overlap}: the same options, messages and flag columns as
 * the UWS job's NO_XRAY and TRAINING_OVERLAP, in every output format.
 */
class ClassifyFlagsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        return new Main(new LocalPipeline(), console, false).run(args);
    }

    /** TD rows 1 and 3 (training sources) around row 2 with its X-ray columns blank. */
    private static Path input(Path dir) throws Exception {
        List<String> td = Files.readAllLines(Path.of(ClassifyFlagsTest.class.getResource("/muwclass/TD.csv")
                .toURI()), StandardCharsets.UTF_8);
        List<String> header = List.of(td.get(0).split(",", -1));
        String[] blank = td.get(2).split(",", -1);
        for (String c : List.of("Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh")) {
            blank[header.indexOf(c)] = "";
        }
        return Files.write(dir.resolve("in.csv"), List.of(td.get(0), td.get(1), String.join(",", blank), td.get(3)),
                StandardCharsets.UTF_8);
    }

    private String[] args(Path input, Path output, String... more) {
        List<String> a = new ArrayList<>(List.of("classify", "--input", input.toString(), "--output",
                output.toString(), "--draws", "2", "--trees", "5", "--ebv", "none", "--seed", "5", "--threads", "1"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static List<Object> column(StarTable t, String name) throws Exception {
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (t.getColumnInfo(c).getName().equals(name)) {
                List<Object> v = new ArrayList<>();
                for (long r = 0; r < t.getRowCount(); r++) {
                    Object cell = t.getCell(r, c);
                    v.add(cell instanceof String s && s.isEmpty() ? null : cell);
                }
                return v;
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void aRowWithoutXrayFluxIsRefusedNamingTheRowAndTheOption(@TempDir Path dir) throws Exception {
        assertNotEquals(0, run(args(input(dir), dir.resolve("o.vot"))));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("option '--input': Row 2 ('2CXO J000230.7+004959'): no X-ray flux; Fs, e_Fs, Fm,"
                + " e_Fm, Fh, e_Fh are all empty, and a source needs a flux in at least one band (or NO_XRAY=flag,"
                + " --no-xray flag in the CLI, to return such rows unclassified)"), message);
    }

    @Test
    void badValuesNameTheCliOption(@TempDir Path dir) throws Exception {
        assertNotEquals(0, run(args(input(dir), dir.resolve("o.vot"), "--no-xray", "drop")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("option '--no-xray' of 'classify': 'drop' is not"
                + " allowed; expected one of refuse, flag"), err.toString(StandardCharsets.UTF_8));
        assertNotEquals(0, run(args(input(dir), dir.resolve("o.vot"), "--training-overlap", "exclude")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("option '--training-overlap' of 'classify':"
                + " 'exclude' is not allowed; expected one of loo, keep"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void flaggedRowsAndTrainingSourcesAppearInEveryFormat(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        for (TableFormat format : List.of(TableFormat.VOTABLE, TableFormat.FITS, TableFormat.CSV)) {
            Path o = dir.resolve("o." + format.formatName());
            assertEquals(0, run(args(in, o, "--no-xray", "flag", "--output-format", format.formatName())),
                    err.toString(StandardCharsets.UTF_8));
            StarTable t = TableFiles.read(o, format);
            assertEquals(3, t.getRowCount(), format.formatName());
            assertEquals(Arrays.asList("training_source_loo", "no_xray", "training_source_loo"),
                    column(t, "input_flag"), format.formatName());
            assertEquals(Arrays.asList("AGN", null, "AGN"), column(t, "training_class"), format.formatName());
            assertEquals(Arrays.asList("2CXO J000009.3+135618", null, "2CXO J000622.6-000424"),
                    column(t, "training_name"), format.formatName());
            assertEquals("2CXO J000230.7+004959", column(t, "name").get(1), format.formatName());
        }
        // the provenance of every format counts the row set aside
        List<String> csv = Files.readAllLines(dir.resolve("o.csv"));
        assertTrue(csv.contains("# warnings.no_xray_unclassified: 1"), csv.toString());
        assertTrue(csv.contains("# no_xray: flag"), csv.toString());
        String fitsHeader = new String(Files.readAllBytes(dir.resolve("o.fits")), StandardCharsets.US_ASCII);
        assertTrue(fitsHeader.contains(String.format("%-80s", "HIERARCH WARNINGS_NO_XRAY_UNCLASSIFIED = '1'")),
                "FITS card");
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertTrue(stdout.contains("classified 2 sources:"), stdout);
        assertTrue(stdout.contains("2 are training sources (input_flag training_source_loo, with training_name and"
                + " training_class)"), stdout);
        assertTrue(stdout.contains("1 rows without X-ray flux returned unclassified (input_flag no_xray)"), stdout);

        out.reset();
        Path kept = dir.resolve("kept.vot");
        assertEquals(0, run(args(in, kept, "--no-xray", "flag", "--training-overlap", "keep")),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(Arrays.asList("training_source", "no_xray", "training_source"),
                column(TableFiles.read(kept, TableFormat.VOTABLE), "input_flag"));
        String xml = Files.readString(kept);
        assertTrue(xml.contains("<INFO name=\"training_overlap\" value=\"keep\"/>"), "recorded");
        assertTrue(xml.contains("<INFO name=\"warnings.no_xray_unclassified\" value=\"1\"/>"), "counted");
    }
}
