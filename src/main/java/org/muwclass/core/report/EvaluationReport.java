package org.muwclass.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muwclass.core.eval.ConfidenceCut;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.report.ConfusionMatrixPlot.Kind;

/** Writes the full set of evaluation outputs (text report and figures) into one directory. */
public final class EvaluationReport {

    /** File names written by {@link #write}. */
    public static final String REPORT = "report.txt";
    public static final String RECALL_ALL = "confusion_recall_all.png";
    public static final String PRECISION_ALL = "confusion_precision_all.png";
    public static final String RECALL_CONFIDENT = "confusion_recall_confident.png";
    public static final String PRECISION_CONFIDENT = "confusion_precision_confident.png";
    public static final String METRICS_VS_CT = "metrics_vs_ct.png";
    public static final String CLASS_COUNTS = "class_counts.png";
    public static final String PROBABILITIES = "probabilities.png";

    /** Sources drawn in the probability figure. */
    public static final int EXAMPLE_SOURCES = 4;

    private EvaluationReport() {
    }

    /**
     * Writes {@value #REPORT} and the PNG figures into {@code dir} (created if needed).
     *
     * @param provenance header lines for the text report
     * @return the files written, in the order above
     */
    public static List<Path> write(Evaluation ev, Map<String, String> provenance, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> out = new ArrayList<>();
            Path report = dir.resolve(REPORT);
            Files.writeString(report, TextReport.render(ev, provenance), StandardCharsets.UTF_8);
            out.add(report);
            ConfidenceCut cut = ev.confident();
            String cutText = "CT ≥ " + ClassCountsPlot.trim(cut.threshold()) + " (n=" + cut.kept() + ")";
            String allText = "all (n=" + ev.all().n() + ")";
            out.add(plot(dir, RECALL_ALL, p -> ConfusionMatrixPlot.write(ev.all().confusion(), Kind.RECALL, allText, p)));
            out.add(plot(dir, PRECISION_ALL,
                    p -> ConfusionMatrixPlot.write(ev.all().confusion(), Kind.PRECISION, allText, p)));
            out.add(plot(dir, RECALL_CONFIDENT,
                    p -> ConfusionMatrixPlot.write(cut.metrics().confusion(), Kind.RECALL, cutText, p)));
            out.add(plot(dir, PRECISION_CONFIDENT,
                    p -> ConfusionMatrixPlot.write(cut.metrics().confusion(), Kind.PRECISION, cutText, p)));
            out.add(plot(dir, METRICS_VS_CT, p -> MetricsVsCtPlot.write(ev.sweep(), cut.threshold(), p)));
            long[][] counts = ClassCountsPlot.count(ev.sources(), LabelledPrediction::predicted,
                    LabelledPrediction::ct, cut.threshold());
            out.add(plot(dir, CLASS_COUNTS,
                    p -> ClassCountsPlot.write(counts[0], counts[1], cut.threshold(), "predicted class", p)));
            out.add(plot(dir, PROBABILITIES, p -> ProbabilityPlot.write(examples(ev.sources(), EXAMPLE_SOURCES), p)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write evaluation report into " + dir, e);
        }
    }

    /**
     * A deterministic spread of example sources: evenly spaced in CT rank from the least to the most confident.
     */
    public static List<ProbabilityProfile> examples(List<LabelledPrediction> sources, int count) {
        List<LabelledPrediction> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparingDouble(LabelledPrediction::ct).thenComparing(LabelledPrediction::name));
        int n = Math.min(count, sorted.size());
        List<ProbabilityProfile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = n == 1 ? 0 : (int) Math.round((double) i * (sorted.size() - 1) / (n - 1));
            LabelledPrediction p = sorted.get(idx);
            String note = String.format(Locale.ROOT, "true %s, predicted %s, CT=%.2f", p.trueClass().label(),
                    p.predicted().label(), p.ct());
            out.add(new ProbabilityProfile(p.name().isEmpty() ? "source " + (idx + 1) : p.name(), p.probabilities(),
                    p.probabilityErrors(), note));
        }
        return out;
    }

    private interface PngWriter {
        void write(Path png);
    }

    private static Path plot(Path dir, String name, PngWriter w) {
        Path p = dir.resolve(name);
        w.write(p);
        return p;
    }
}
