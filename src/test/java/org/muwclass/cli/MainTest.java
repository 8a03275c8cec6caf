package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.classification.ClassificationOutput;
import org.muwclass.core.eval.LabelledPredictionTable;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.RunProvenance;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(PipelineBridge bridge, String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        return new Main(bridge, console, false).run(args);
    }

    private int run(String... args) {
        return run(new UnwiredPipeline(), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path loo() throws Exception {
        return Path.of(MainTest.class.getResource("/muwclass/reference/LOO_classes.csv").toURI());
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertEquals(Main.USAGE, run());
        assertTrue(err().contains("usage: muwclass COMMAND"), err());
        assertTrue(err().contains("classify") && err().contains("evaluate") && err().contains("features"));
    }

    @Test
    void unknownCommandListsTheAllowedOnes() {
        assertEquals(Main.USAGE, run("clasify"));
        assertTrue(err().contains("unknown command 'clasify'; allowed: classify, evaluate, features, help"), err());
    }

    @Test
    void helpShowsOptionsWithDefaults() {
        assertEquals(0, run("help", "evaluate"));
        assertTrue(out().contains("--folds K"), out());
        assertTrue(out().contains("[default: 10]"), out());
        assertTrue(out().contains("--output-dir DIR") && out().contains("(required)"), out());
        out.reset();
        assertEquals(0, run("classify", "--help"));
        assertTrue(out().contains("usage: muwclass classify"), out());
    }

    @Test
    void unknownOptionNamesItAndTheAllowedOnes() {
        assertEquals(Main.USAGE, run("classify", "--inptu", "a.vot", "--output", "b.vot"));
        assertTrue(err().contains("unknown option '--inptu' for 'classify'; allowed: --input, --input-format,"),
                err());
        assertTrue(err().contains("Run 'muwclass help classify'"), err());
    }

    @Test
    void missingRequiredOptions() {
        assertEquals(Main.USAGE, run("classify"));
        assertTrue(err().contains("missing required options --input, --output for 'classify'"), err());
    }

    @Test
    void missingValue() {
        assertEquals(Main.USAGE, run("classify", "--input", "--output", "b.vot"));
        assertTrue(err().contains("option '--input' needs a value: --input FILE"), err());
    }

    @Test
    void badIntegerNamesOptionValueAndRange() {
        assertEquals(Main.USAGE, run("classify", "--input", "a.vot", "--output", "b.vot", "--draws", "many"));
        assertTrue(err().contains("option '--draws' of 'classify': 'many' is not allowed; expected an integer from "
                + "1 to 100000"), err());
        err.reset();
        assertEquals(Main.USAGE, run("classify", "--input", "a.vot", "--output", "b.vot", "--draws=0"));
        assertTrue(err().contains("'0' is not allowed; expected an integer from 1 to 100000"), err());
    }

    @Test
    void badFormatListsFormats() {
        assertEquals(Main.USAGE, run("classify", "--input", "a.txt", "--output", "b.vot"));
        assertTrue(err().contains("cannot tell the format of 'a.txt'"), err());
        err.reset();
        assertEquals(Main.USAGE,
                run("classify", "--input", "a.vot", "--output", "b.vot", "--output-format", "parquet"));
        assertTrue(err().contains("option '--output-format' of 'classify': 'parquet' is not allowed; expected one "
                + "of votable, votable-tabledata, csv, tsv, fits, ecsv"), err());
    }

    @Test
    void conflictingOptions(@TempDir Path dir) throws Exception {
        assertEquals(Main.USAGE, run("evaluate", "--output-dir", dir.toString(), "--loo", "--folds", "5"));
        assertTrue(err().contains("'--loo' and '--folds' exclude each other"), err());
        err.reset();
        assertEquals(Main.USAGE, run("evaluate", "--output-dir", dir.toString(), "--predictions",
                loo().toString(), "--draws", "5"));
        assertTrue(err().contains("option '--draws' cannot be combined with '--predictions'"), err());
        err.reset();
        assertEquals(Main.USAGE, run("evaluate", "--output-dir", dir.toString(), "--sweep-step", "-1"));
        assertTrue(err().contains("option '--sweep-step' of 'evaluate': '-1' is not allowed; expected a number in "
                + "0.001..1000"), err());
        err.reset();
        assertEquals(Main.USAGE, run("evaluate", "--output-dir", dir.toString(), "--loo", "--loo"));
        assertTrue(err().contains("option '--loo' is given more than once"), err());
    }

    @Test
    void missingInputFileIsAFailureNotAStackTrace(@TempDir Path dir) {
        assertEquals(Main.FAILURE, run("evaluate", "--output-dir", dir.toString(), "--predictions",
                dir.resolve("nope.csv").toString()));
        assertTrue(err().contains("muwclass evaluate: error: no such file: "), err());
        assertTrue(!err().contains("\tat "), "no stack trace");
    }

    @Test
    void unwiredPipelineSaysSo(@TempDir Path dir) {
        assertEquals(Main.FAILURE, run("evaluate", "--output-dir", dir.toString(), "--folds", "3"));
        assertTrue(err().contains("cross-validation is not available in this build yet"), err());
    }

    @Test
    void evaluatePredictionsReproducesThePaper(@TempDir Path dir) throws Exception {
        assertEquals(0, run("evaluate", "--predictions", loo().toString(), "--output-dir", dir.toString(),
                "--sweep-max", "4", "--sweep-step", "1"), err());
        assertTrue(out().contains("2941 sources: accuracy 88.61%, balanced accuracy 70.23%, macro F1 68.12%, "
                + "MCC 82.92%, macro AUC 0.9772"), out());
        assertTrue(out().contains("CT >= 2: 2382 sources, accuracy 97.02%, completeness 80.99%, balanced "
                + "completeness 56.88%"), out());
        String report = Files.readString(dir.resolve("report.txt"));
        assertTrue(report.contains("input_sha256:"), report);
        assertTrue(Files.size(dir.resolve("metrics_vs_ct.png")) > 1000);
        assertTrue(err().contains("muwclass: reading "), "progress on stderr: " + err());
    }

    @Test
    void evaluatePredictionsFromVotable(@TempDir Path dir) throws Exception {
        // The label, prediction, CT and P_ columns of LOO_classes.csv as a VOTable, read through STIL.
        var preds = LabelledPredictionTable.read(CsvTable.read(loo()), LabelledPredictionTable.LOO_CLASSES);
        Path csv = dir.resolve("withlabels.csv");
        StringBuilder sb = new StringBuilder("name,true_Class,Class,CT");
        for (SourceClass c : SourceClass.values()) {
            sb.append(",P_").append(c.label());
        }
        sb.append('\n');
        for (var p : preds) {
            sb.append(p.name()).append(',').append(p.trueClass().label()).append(',').append(p.predicted().label())
                    .append(',').append(p.ct());
            for (double v : p.probabilities()) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        Files.writeString(csv, sb);
        Path vot = dir.resolve("withlabels.vot");
        TableFiles.write(TableFiles.read(csv, TableFormat.CSV), TableFormat.VOTABLE, Map.of(), vot);
        assertEquals(0, run("evaluate", "--predictions", vot.toString(), "--output-dir",
                dir.resolve("out").toString(), "--sweep-max", "2", "--sweep-step", "1"), err());
        assertTrue(out().contains("2941 sources: accuracy 88.61%"), out());
        assertTrue(out().contains("CT >= 2: 2382 sources"), out());
    }

    @Test
    void classifyWritesTheTableWithProvenance(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "name\nA\n");
        Path output = dir.resolve("out.vot");
        PipelineBridge fake = new UnwiredPipeline() {
            @Override
            public ClassificationOutput classify(ClassifyCommand.Settings s, Console console) {
                console.progress("classification", 1, 1);
                ClassifiedSource src = new ClassifiedSource("A", 10, 20, new double[] {0.9, 0.1, 0, 0, 0, 0, 0, 0},
                        new double[8], null, null, null, SourceClass.AGN, 3.5, 0.1);
                return new ClassificationOutput(List.of(src), new RunProvenance("test", "fake", s.seed(), s.draws(),
                        "t", "i", Instant.EPOCH, Instant.EPOCH, Map.of()));
            }
        };
        Path plots = dir.resolve("plots");
        assertEquals(0, run(fake, "classify", "--input", input.toString(), "--output", output.toString(), "--seed",
                "7", "--draws", "3", "--plots", plots.toString()), err());
        assertTrue(out().contains("classified 1 sources: AGN 1 CV 0"), out());
        assertTrue(out().contains("1 with CT >= 2"), out());
        java.awt.image.BufferedImage counts = javax.imageio.ImageIO.read(
                plots.resolve(ClassificationFigures.CLASS_COUNTS).toFile());
        assertEquals(org.muwclass.core.report.ClassCountsPlot.WIDTH, counts.getWidth());
        assertTrue(javax.imageio.ImageIO.read(plots.resolve(ClassificationFigures.PROBABILITIES).toFile()) != null);
        assertTrue(err().contains("classification: 1/1 (100%)"), err());
        NodeList infos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(output.toFile())
                .getElementsByTagName("INFO");
        Map<String, String> got = new java.util.HashMap<>();
        for (int i = 0; i < infos.getLength(); i++) {
            Element e = (Element) infos.item(i);
            got.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        assertEquals("7", got.get("seed"));
        assertEquals("3", got.get("mc_draws"));
        assertEquals(SourceClass.AGN,
                ClassificationTable.read(TableFiles.read(output, TableFormat.VOTABLE)).get(0).predicted());
    }

    @Test
    void classifyRefusesToOverwriteItsInput() {
        assertEquals(Main.USAGE, run("classify", "--input", "same.vot", "--output", "same.vot"));
        assertTrue(err().contains("name the same file"), err());
    }

    @Test
    void featuresNeedsExistingFiles(@TempDir Path dir) {
        assertEquals(Main.USAGE, run("features", "--per", dir.resolve("x_per.csv").toString(), "--output", "o.vot"));
        assertTrue(err().contains("option '--per' of 'features': '" + dir.resolve("x_per.csv")
                + "' is not allowed; expected an existing CSV file"), err());
    }
}
