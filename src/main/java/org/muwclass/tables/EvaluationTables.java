package org.muwclass.tables;

import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.eval.ClassificationMetrics;
import org.muwclass.core.eval.ConfidenceCut;
import org.muwclass.core.eval.ConfusionMatrix;
import org.muwclass.core.eval.CtSweep;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.pipeline.FeatureImportance;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/**
 * A cross-validation's results as tables (the CLI's {@code *.vot} files and the evaluate job's results): metrics,
 * confusion matrices, the CT sweep, feature importances. Every fraction is dimensionless in 0..1; NaN where
 * undefined (a class absent from the subset).
 */
public final class EvaluationTables {

    /** The subset name of all sources in {@link #metrics} and the confusion tables. */
    public static final String ALL = "all";
    /** The class name of a subset's overall row in {@link #metrics}. */
    public static final String OVERALL = "overall";

    private EvaluationTables() {
    }

    /** The subset name of the CT cut, e.g. "CT>=2". */
    public static String confidentSubset(double threshold) {
        return "CT>=" + (threshold == Math.rint(threshold) ? Long.toString((long) threshold)
                : Double.toString(threshold));
    }

    /**
     * Per subset (all sources; CT at or above the threshold) an overall row and one row per class: sources, accuracy,
     * balanced accuracy, F1 (macro F1 overall), MCC, recall, precision, ROC AUC (macro overall), completeness and
     * balanced completeness of the cut (1 for all sources).
     */
    public static StarTable metrics(Evaluation ev) {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            text("subset", "all sources, or those at or above the CT threshold"),
            text("class", "a class, or 'overall'"),
            count("n_true", "sources of this true class (overall: all sources) in the subset"),
            fraction("accuracy", "correct / sources (overall only)"),
            fraction("balanced_accuracy", "mean recall over the true classes present (overall only)"),
            fraction("f1", "F1 of the class; overall: macro F1"),
            fraction("mcc", "multiclass Matthews correlation coefficient (overall only)"),
            fraction("recall", "recall of the class (overall: NaN)"),
            fraction("precision", "precision of the class (overall: NaN)"),
            fraction("roc_auc", "one-vs-rest ROC AUC; overall: macro mean of the defined ones"),
            fraction("completeness", "sources kept by the CT cut / sources (by true class); all sources: 1"),
            fraction("balanced_completeness", "mean completeness over the true classes present (overall only)"),
        });
        addSubset(t, ALL, ev.all(), null);
        ConfidenceCut cut = ev.confident();
        addSubset(t, confidentSubset(cut.threshold()), cut.metrics(), cut);
        t.setName("metrics");
        return t;
    }

    private static void addSubset(RowListStarTable t, String subset, ClassificationMetrics m, ConfidenceCut cut) {
        double nan = Double.NaN;
        t.addRow(new Object[] {subset, OVERALL, m.n(), m.accuracy(), m.balancedAccuracy(), m.macroF1(), m.mcc(), nan,
            nan, m.macroRocAuc(), cut == null ? 1.0 : cut.completeness(),
            cut == null ? 1.0 : cut.balancedCompleteness()});
        ConfusionMatrix cm = m.confusion();
        for (SourceClass c : SourceClass.values()) {
            t.addRow(new Object[] {subset, c.label(), (int) cm.trueTotal(c), nan, nan, m.f1(c), nan, m.recall(c),
                m.precision(c), m.rocAuc(c), cut == null ? 1.0 : cut.completeness(c), nan});
        }
    }

    /**
     * The row-normalised (recall) or column-normalised (precision) confusion matrix, for all sources and for the CT
     * cut: one row per subset and true class, one column per predicted class.
     */
    public static StarTable confusion(Evaluation ev, boolean recall) {
        List<ColumnInfo> cols = new ArrayList<>();
        cols.add(text("subset", "all sources, or those at or above the CT threshold"));
        cols.add(text("true_class", "the true class"));
        cols.add(count("n_true", "sources of this true class in the subset"));
        for (SourceClass p : SourceClass.values()) {
            cols.add(fraction(p.label(), recall ? "fraction of this true class predicted " + p.label()
                    : "fraction of the sources predicted " + p.label() + " that are of this true class"));
        }
        RowListStarTable t = new RowListStarTable(cols.toArray(new ColumnInfo[0]));
        addMatrix(t, ALL, ev.all().confusion(), recall);
        addMatrix(t, confidentSubset(ev.confident().threshold()), ev.confident().metrics().confusion(), recall);
        t.setName(recall ? "confusion_recall" : "confusion_precision");
        return t;
    }

    private static void addMatrix(RowListStarTable t, String subset, ConfusionMatrix cm, boolean recall) {
        double[][] m = recall ? cm.recallMatrix() : cm.precisionMatrix();
        for (SourceClass c : SourceClass.values()) {
            Object[] row = new Object[3 + SourceClass.count()];
            row[0] = subset;
            row[1] = c.label();
            row[2] = (int) cm.trueTotal(c);
            for (int j = 0; j < SourceClass.count(); j++) {
                row[3 + j] = m[c.ordinal()][j];
            }
            t.addRow(row);
        }
    }

    /** Metrics and completeness at each CT threshold of the sweep. */
    public static StarTable ctSweep(CtSweep sweep) {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            number("ct_threshold", "CT at or above which a source is kept (dimensionless)"),
            count("kept", "sources kept"),
            fraction("completeness", "kept / sources"),
            fraction("balanced_completeness", "mean over the true classes of kept / sources"),
            fraction("accuracy", "accuracy of the kept sources"),
            fraction("balanced_accuracy", "balanced accuracy of the kept sources"),
            fraction("macro_f1", "macro F1 of the kept sources"),
            fraction("mcc", "MCC of the kept sources"),
        });
        for (ConfidenceCut c : sweep.cuts()) {
            ClassificationMetrics m = c.metrics();
            t.addRow(new Object[] {c.threshold(), c.kept(), c.completeness(), c.balancedCompleteness(), m.accuracy(),
                m.balancedAccuracy(), m.macroF1(), m.mcc()});
        }
        t.setName("ct_sweep");
        return t;
    }

    /** Mean and standard deviation over draws of each feature's importance (the last row is the noise feature). */
    public static StarTable featureImportance(FeatureImportance.Result r) {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            text("feature", "feature name; 'Random' is pure noise: features not above it carry no information"),
            fraction("importance", "mean decrease in impurity, mean over draws (each draw's sum is 1)"),
            fraction("importance_std", "sample standard deviation over draws (NaN for one draw)"),
        });
        for (int i = 0; i < r.names().size(); i++) {
            t.addRow(new Object[] {r.names().get(i), r.mean()[i], r.std()[i]});
        }
        t.setName("feature_importance");
        return t;
    }

    private static ColumnInfo text(String name, String description) {
        return new ColumnInfo(name, String.class, description);
    }

    private static ColumnInfo count(String name, String description) {
        return new ColumnInfo(name, Integer.class, description);
    }

    private static ColumnInfo number(String name, String description) {
        return new ColumnInfo(name, Double.class, description);
    }

    private static ColumnInfo fraction(String name, String description) {
        return new ColumnInfo(name, Double.class, description);
    }
}
