package org.muwclass.core.report;

import java.util.Locale;
import java.util.Map;
import org.muwclass.core.eval.ClassificationMetrics;
import org.muwclass.core.eval.ConfidenceCut;
import org.muwclass.core.eval.ConfusionMatrix;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.model.SourceClass;

/** Renders an {@link Evaluation} as a plain-text report: metrics table, per-class scores, confusion matrices, CT sweep. */
public final class TextReport {

    private TextReport() {
    }

    /**
     * The report text.
     *
     * @param provenance key/value lines printed in the header in iteration order (seed, draws, algorithm, …)
     */
    public static String render(Evaluation ev, Map<String, String> provenance) {
        StringBuilder sb = new StringBuilder();
        ConfidenceCut cut = ev.confident();
        String cutName = "CT>=" + ClassCountsPlot.trim(cut.threshold());
        sb.append("MUWCLASS evaluation report\n");
        sb.append("==========================\n");
        provenance.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-22s %s%n", k + ":", v)));
        sb.append(String.format(Locale.ROOT, "%-22s %d%n", "sources:", ev.sources().size()));
        sb.append('\n');

        sb.append("Overall metrics (percent; AUC as a fraction)\n");
        sb.append(String.format(Locale.ROOT, "%-8s %6s %9s %9s %9s %9s %9s %13s %13s%n", "subset", "n", "Accuracy",
                "BalAcc", "MacroF1", "MCC", "MacroAUC", "Completeness", "BalComplete"));
        metricsRow(sb, "all", ev.all(), 1.0, 1.0);
        metricsRow(sb, cutName, cut.metrics(), cut.completeness(), cut.balancedCompleteness());
        sb.append('\n');

        sb.append("Per-class scores (percent)\n");
        header(sb, "", 34);
        perClassRow(sb, "recall (all)", ev.all()::recall, 100);
        perClassRow(sb, "precision (all)", ev.all()::precision, 100);
        perClassRow(sb, "ROC AUC (all, fraction)", ev.all()::rocAuc, 1);
        perClassRow(sb, "recall (" + cutName + ")", cut.metrics()::recall, 100);
        perClassRow(sb, "precision (" + cutName + ")", cut.metrics()::precision, 100);
        perClassRow(sb, "completeness (" + cutName + ", true)", cut::completeness, 100);
        sb.append('\n');

        matrices(sb, "all sources", ev.all().confusion());
        matrices(sb, cutName, cut.metrics().confusion());

        sb.append("Metrics versus CT threshold (percent)\n");
        sb.append(String.format(Locale.ROOT, "%6s %6s %9s %9s %9s %9s %13s %13s%n", "CT>=", "n", "Accuracy", "BalAcc",
                "MacroF1", "MCC", "Completeness", "BalComplete"));
        for (ConfidenceCut c : ev.sweep().cuts()) {
            ClassificationMetrics m = c.metrics();
            sb.append(String.format(Locale.ROOT, "%6.2f %6d %9s %9s %9s %9s %13s %13s%n", c.threshold(), c.kept(),
                    pct(m.accuracy()), pct(m.balancedAccuracy()), pct(m.macroF1()), pct(m.mcc()),
                    pct(c.completeness()), pct(c.balancedCompleteness())));
        }
        return sb.toString();
    }

    private static void metricsRow(StringBuilder sb, String name, ClassificationMetrics m, double compl,
            double balCompl) {
        sb.append(String.format(Locale.ROOT, "%-8s %6d %9s %9s %9s %9s %9s %13s %13s%n", name, m.n(),
                pct(m.accuracy()), pct(m.balancedAccuracy()), pct(m.macroF1()), pct(m.mcc()), frac(m.macroRocAuc()),
                pct(compl), pct(balCompl)));
    }

    private static void header(StringBuilder sb, String corner, int width) {
        sb.append(String.format(Locale.ROOT, "%-" + width + "s", corner));
        for (SourceClass c : SourceClass.values()) {
            sb.append(String.format(Locale.ROOT, " %8s", c.label()));
        }
        sb.append('\n');
    }

    private static void perClassRow(StringBuilder sb, String name, java.util.function.ToDoubleFunction<SourceClass> f,
            double scale) {
        sb.append(String.format(Locale.ROOT, "%-34s", name));
        for (SourceClass c : SourceClass.values()) {
            double v = f.applyAsDouble(c);
            sb.append(String.format(Locale.ROOT, " %8s", Double.isNaN(v) ? "-"
                    : String.format(Locale.ROOT, scale == 1 ? "%.4f" : "%.1f", v * scale)));
        }
        sb.append('\n');
    }

    private static void matrices(StringBuilder sb, String subset, ConfusionMatrix cm) {
        sb.append("Confusion counts, ").append(subset).append(" (rows true, columns predicted)\n");
        header(sb, "", 10);
        long[][] n = cm.counts();
        for (SourceClass t : SourceClass.values()) {
            sb.append(String.format(Locale.ROOT, "%-10s", t.label()));
            for (long v : n[t.ordinal()]) {
                sb.append(String.format(Locale.ROOT, " %8d", v));
            }
            sb.append('\n');
        }
        sb.append('\n');
        matrix(sb, "Recall matrix (percent of true class), " + subset, cm.recallMatrix());
        matrix(sb, "Precision matrix (percent of predicted class), " + subset, cm.precisionMatrix());
    }

    private static void matrix(StringBuilder sb, String title, double[][] m) {
        sb.append(title).append('\n');
        header(sb, "", 10);
        for (SourceClass t : SourceClass.values()) {
            sb.append(String.format(Locale.ROOT, "%-10s", t.label()));
            for (double v : m[t.ordinal()]) {
                sb.append(String.format(Locale.ROOT, " %8s", pct(v)));
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String frac(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
