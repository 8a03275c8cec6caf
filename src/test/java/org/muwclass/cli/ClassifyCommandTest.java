package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.training.TrainingSetReader;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/** {@code muwclass classify} through the real pipeline, kept small (3 sources, 2 draws, 5 trees). */
class ClassifyCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        return new Main(new LocalPipeline(), console, false).run(args);
    }

    @Test
    void classifiesAndIsIndependentOfThreadCount(@TempDir Path dir) throws Exception {
        List<String> td = Files.readAllLines(
                Path.of(getClass().getResource("/muwclass/TD.csv").toURI()), StandardCharsets.UTF_8);
        Path input = dir.resolve("three.csv");
        Files.write(input, td.subList(0, 4), StandardCharsets.UTF_8);
        Path one = dir.resolve("one.vot");
        Path two = dir.resolve("two.vot");
        String[] common = {"--input", input.toString(), "--draws", "2", "--trees", "5", "--ebv", "none", "--seed",
            "11"};
        assertEquals(0, run(concat(new String[] {"classify", "--output", one.toString(), "--threads", "1"}, common)),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(concat(new String[] {"classify", "--output", two.toString(), "--threads", "2"}, common)),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("classification: 100%"), "progress on stderr");

        List<ClassifiedSource> a = ClassificationTable.read(TableFiles.read(one, TableFormat.VOTABLE));
        List<ClassifiedSource> b = ClassificationTable.read(TableFiles.read(two, TableFormat.VOTABLE));
        assertEquals(3, a.size());
        assertEquals(a, b, "same results with 1 and 2 threads");
        for (ClassifiedSource s : a) {
            double sum = 0;
            for (double p : s.mean()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9, "probabilities sum to 1 for " + s.name());
            assertFalse(Double.isNaN(s.std()[0]), "e_P with 2 draws");
            assertFalse(Double.isNaN(s.median()[0]), "quantiles kept");
            assertEquals(0.0, s.ebvMag(), "--ebv none");
        }
        assertEquals("2CXO J000009.3+135618", a.get(0).name());
        String xml = Files.readString(one);
        assertTrue(xml.contains("<INFO name=\"training_set_sha256\" value=\""
                + TrainingSetReader.readDefault().sha256() + "\"/>"), "training checksum");
        assertTrue(xml.contains("<INFO name=\"seed\" value=\"11\"/>"));
        assertTrue(xml.contains("<INFO name=\"mc_draws\" value=\"2\"/>"));
        assertTrue(xml.contains("<INFO name=\"xray_noise\" value=\"shared\"/>"), "default noise model recorded");
        assertArrayEquals(a.get(1).mean(), b.get(1).mean(), 0.0);
    }

    @Test
    void xrayNoiseSwitchIsRecordedDeterministicAndChangesTheDraws(@TempDir Path dir) throws Exception {
        List<String> td = Files.readAllLines(
                Path.of(getClass().getResource("/muwclass/TD.csv").toURI()), StandardCharsets.UTF_8);
        Path input = dir.resolve("three.csv");
        Files.write(input, td.subList(0, 4), StandardCharsets.UTF_8);
        String[] common = {"--input", input.toString(), "--draws", "2", "--trees", "5", "--ebv", "none", "--seed",
            "11"};
        Path shared = dir.resolve("shared.vot");
        Path ind1 = dir.resolve("ind1.vot");
        Path ind2 = dir.resolve("ind2.vot");
        assertEquals(0, run(concat(new String[] {"classify", "--output", shared.toString(), "--threads", "1"},
                common)), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(concat(new String[] {"classify", "--output", ind1.toString(), "--threads", "1",
            "--xray-noise", "independent"}, common)), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(concat(new String[] {"classify", "--output", ind2.toString(), "--threads", "2",
            "--xray-noise", "INDEPENDENT"}, common)), err.toString(StandardCharsets.UTF_8));
        List<ClassifiedSource> s = ClassificationTable.read(TableFiles.read(shared, TableFormat.VOTABLE));
        List<ClassifiedSource> a = ClassificationTable.read(TableFiles.read(ind1, TableFormat.VOTABLE));
        List<ClassifiedSource> b = ClassificationTable.read(TableFiles.read(ind2, TableFormat.VOTABLE));
        assertEquals(a, b, "independent noise: same results with 1 and 2 threads");
        assertFalse(s.equals(a), "the noise model changes the draws");
        assertTrue(Files.readString(ind1).contains("<INFO name=\"xray_noise\" value=\"independent\"/>"));
        assertEquals(Main.USAGE, run(concat(new String[] {"classify", "--output", dir.resolve("x.vot").toString(),
            "--xray-noise", "correlated"}, common)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("correlated"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badInputTableNamesColumn(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("bad.csv");
        Files.writeString(input, "name,ra,dec\nA,10,20\n");
        assertEquals(Main.FAILURE, run("classify", "--input", input.toString(), "--output",
                dir.resolve("o.vot").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "muwclass classify: error: option '--input': Missing required column"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nhColumnAndTheOperatorsDustMapAreOptionsOfTheCliToo(@TempDir Path dir) throws Exception {
        List<String> td = Files.readAllLines(Path.of(getClass().getResource("/muwclass/TD.csv").toURI()));
        Path input = Files.writeString(dir.resolve("nh.csv"), td.get(0) + ",nh\n" + td.get(1) + ",6.851e21\n"
                + td.get(2) + ",1.3702e21\n");
        Path nh = dir.resolve("nh.vot");
        assertEquals(0, run("classify", "--input", input.toString(), "--output", nh.toString(), "--draws", "1",
                "--trees", "3", "--ebv", "nh-column"), err.toString(StandardCharsets.UTF_8));
        List<ClassifiedSource> rows = ClassificationTable.read(TableFiles.read(nh, TableFormat.VOTABLE));
        assertEquals(1.0, rows.get(0).ebvMag(), 1e-12);
        assertEquals(0.2, rows.get(1).ebvMag(), 1e-12);
        assertEquals("nh-column", rows.get(0).ebvOrigin());

        Path map = Files.write(dir.resolve("flat.fits"), org.muwclass.core.physics.SyntheticMaps.constantHealpix(2f));
        Path dusty = dir.resolve("dusty.vot");
        assertEquals(0, run("classify", "--input", input.toString(), "--output", dusty.toString(), "--draws", "1",
                "--trees", "3", "--ebv", "dust-map", "--dust-map", map.toString(), "--dust-map-scale", "0.5"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1.0, ClassificationTable.read(TableFiles.read(dusty, TableFormat.VOTABLE)).get(1).ebvMag(),
                1e-12, "0.5 x the map's 2");
        String xml = Files.readString(dusty);
        assertTrue(xml.contains("<INFO name=\"dust_map\" value=\"flat.fits\"/>"), "map recorded");
        assertTrue(xml.contains("<INFO name=\"dust_map_scale\" value=\"0.5\"/>"), "scale recorded");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
