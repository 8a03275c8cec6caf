package org.muwclass.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.eval.LabelledPredictionTable;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.report.ConfusionMatrixPlot.Kind;

class EvaluationReportTest {

    private static Evaluation ev;

    @BeforeAll
    static void evaluate() {
        List<LabelledPrediction> loo = LabelledPredictionTable.read(
                CsvTable.readResource("/muwclass/reference/LOO_classes.csv"), LabelledPredictionTable.LOO_CLASSES);
        ev = Evaluation.of(loo, 2.0, 6.0, 0.5);
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    @Test
    void writesReportAndValidPngs(@TempDir Path dir) throws IOException {
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("algorithm", "published LOOCV");
        List<Path> files = EvaluationReport.write(ev, prov, dir);
        assertEquals(8, files.size());
        Map<String, int[]> sizes = Map.of(
                EvaluationReport.RECALL_ALL, new int[] {ConfusionMatrixPlot.WIDTH, ConfusionMatrixPlot.HEIGHT},
                EvaluationReport.PRECISION_CONFIDENT, new int[] {ConfusionMatrixPlot.WIDTH, ConfusionMatrixPlot.HEIGHT},
                EvaluationReport.METRICS_VS_CT, new int[] {MetricsVsCtPlot.WIDTH, MetricsVsCtPlot.HEIGHT},
                EvaluationReport.CLASS_COUNTS, new int[] {ClassCountsPlot.WIDTH, ClassCountsPlot.HEIGHT},
                EvaluationReport.PROBABILITIES, new int[] {ProbabilityPlot.WIDTH, ProbabilityPlot.HEIGHT});
        for (Path f : files) {
            if (!f.toString().endsWith(".png")) {
                continue;
            }
            BufferedImage img = ImageIO.read(f.toFile());
            assertTrue(img != null, f + " is a readable image");
            int[] wh = sizes.get(f.getFileName().toString());
            if (wh != null) {
                assertEquals(wh[0], img.getWidth(), f + " width");
                assertEquals(wh[1], img.getHeight(), f + " height");
            }
            assertTrue(distinctColours(img) >= 6, f + " has several colours: " + distinctColours(img));
        }
        String text = Files.readString(dir.resolve(EvaluationReport.REPORT));
        assertTrue(text.contains("published LOOCV"));
        for (String v : List.of("88.61", "70.23", "68.12", "82.92", "97.02", "79.01", "79.49", "95.03", "80.99",
                "56.88", "0.9772", "1286", "2382")) {
            assertTrue(text.contains(v), "report contains " + v);
        }
    }

    @Test
    void heatMapShadesByValue() {
        BufferedImage img = ConfusionMatrixPlot.render(ev.all().confusion(), Kind.RECALL, "all");
        // Cell corners (away from the printed numbers): AGN→AGN is 92.5%, AGN→CV is 0.4%, CV→CV 54.5%.
        Color agnAgn = new Color(img.getRGB(120 + 3, 60 + 3));
        Color agnCv = new Color(img.getRGB(120 + 64 + 3, 60 + 3));
        Color cvCv = new Color(img.getRGB(120 + 64 + 3, 60 + 64 + 3));
        assertTrue(agnAgn.getRed() < cvCv.getRed() && cvCv.getRed() < agnCv.getRed(),
                "darker cell for higher recall: " + agnAgn + " " + cvCv + " " + agnCv);
        assertTrue(agnAgn.getBlue() > agnAgn.getRed(), "blue colour map");
    }

    @Test
    void examplesSpanTheCtRange() {
        List<ProbabilityProfile> ex = EvaluationReport.examples(ev.sources(), 4);
        assertEquals(4, ex.size());
        assertTrue(ex.get(0).note().contains("CT=0.00"), ex.get(0).note());
        assertTrue(ex.get(3).note().compareTo(ex.get(0).note()) != 0);
    }

    @Test
    void probabilityPlotRejectsTooManySources() {
        List<ProbabilityProfile> many = java.util.Collections.nCopies(11,
                new ProbabilityProfile("x", new double[8], new double[8], ""));
        assertThrows(IllegalArgumentException.class, () -> ProbabilityPlot.render(many));
    }
}
