package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.eval.ClassificationMetrics;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.eval.LabelledPredictionTable;
import org.muwclass.core.io.CsvTable;

/** {@code muwclass evaluate} with a real (small) cross-validation on the shipped training set. */
class EvaluateCommandTest {

    @Test
    void kFoldOnTheTrainingSetThenRescoreItsPredictions(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        Main main = new Main(new LocalPipeline(), console, false);
        Path cvDir = dir.resolve("cv");
        int rc = main.run(new String[] {"evaluate", "--output-dir", cvDir.toString(), "--folds", "3", "--draws", "2",
            "--trees", "5", "--ebv", "none", "--reddening", "none", "--threads", "2", "--sweep-max", "3",
            "--sweep-step", "1"});
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cross-validation: 100%"), "progress on stderr");

        List<LabelledPrediction> preds = LabelledPredictionTable.read(
                CsvTable.read(cvDir.resolve(EvaluateCommand.PREDICTIONS_FILE)), LabelledPredictionTable.LOO_CLASSES);
        assertEquals(2941, preds.size());
        ClassificationMetrics m = ClassificationMetrics.of(preds);
        // Far fewer trees and draws than the paper (88.6% with LOOCV), so only a loose sanity bound.
        assertTrue(m.accuracy() > 0.80 && m.accuracy() < 0.95, "accuracy " + m.accuracy());
        String report = Files.readString(cvDir.resolve("report.txt"));
        assertTrue(report.contains("protocol:") && report.contains("k-fold 3"), report);
        assertTrue(report.contains("training_set_sha256:"), report);

        // The written predictions give back exactly the same metrics when scored on their own.
        out.reset();
        rc = main.run(new String[] {"evaluate", "--predictions", cvDir.resolve("predictions.csv").toString(),
            "--output-dir", dir.resolve("rescored").toString(), "--sweep-max", "3", "--sweep-step", "1"});
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        String rescored = Files.readString(dir.resolve("rescored").resolve("report.txt"));
        String firstTable = report.substring(report.indexOf("Overall metrics"), report.indexOf("Per-class"));
        assertEquals(firstTable, rescored.substring(rescored.indexOf("Overall metrics"),
                rescored.indexOf("Per-class")));
    }
}
