package org.muwclass.core.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.muwclass.core.model.SourceClass;

/**
 * Overall and per-class scores of a set of labelled predictions, with scikit-learn semantics (docs/algorithm.md §10.2).
 * All values are fractions in [0, 1] (MCC in [−1, 1]); NaN means undefined for this set.
 *
 * @param n                number of sources
 * @param accuracy         fraction predicted correctly
 * @param balancedAccuracy mean recall over the true classes present
 * @param macroF1          mean F1 over the union of true and predicted classes (F1 = 0 where undefined)
 * @param mcc              multiclass Matthews correlation coefficient (0 when the denominator is 0, as sklearn)
 * @param macroRocAuc      mean of the defined one-vs-rest AUCs
 * @param rocAuc           one-vs-rest AUC per class (NaN when the class is absent or is every source)
 * @param confusion        the raw confusion counts
 */
public record ClassificationMetrics(int n, double accuracy, double balancedAccuracy, double macroF1, double mcc,
        double macroRocAuc, Map<SourceClass, Double> rocAuc, ConfusionMatrix confusion) {

    public ClassificationMetrics {
        rocAuc = Collections.unmodifiableMap(new EnumMap<>(rocAuc));
    }

    /** Computes every metric over {@code sources}. */
    public static ClassificationMetrics of(List<LabelledPrediction> sources) {
        ConfusionMatrix cm = ConfusionMatrix.of(sources);
        long total = cm.total();
        double accuracy = total == 0 ? Double.NaN : (double) cm.correct() / total;

        double recallSum = 0;
        int trueClasses = 0;
        double f1Sum = 0;
        int labels = 0;
        for (SourceClass c : SourceClass.values()) {
            boolean inTrue = cm.trueTotal(c) > 0;
            if (inTrue) {
                recallSum += cm.recall(c);
                trueClasses++;
            }
            if (inTrue || cm.predictedTotal(c) > 0) {
                f1Sum += cm.f1(c);
                labels++;
            }
        }
        double balanced = trueClasses == 0 ? Double.NaN : recallSum / trueClasses;
        double macroF1 = labels == 0 ? Double.NaN : f1Sum / labels;

        Map<SourceClass, Double> auc = new EnumMap<>(SourceClass.class);
        double aucSum = 0;
        int aucCount = 0;
        double[] perClass = RocAuc.perClass(sources);
        for (SourceClass c : SourceClass.values()) {
            double a = perClass[c.ordinal()];
            auc.put(c, a);
            if (!Double.isNaN(a)) {
                aucSum += a;
                aucCount++;
            }
        }
        double macroAuc = aucCount == 0 ? Double.NaN : aucSum / aucCount;
        return new ClassificationMetrics(sources.size(), accuracy, balanced, macroF1, mcc(cm), macroAuc, auc, cm);
    }

    /** sklearn's multiclass MCC: (c·s − Σ p_k t_k) / √((s² − Σ p_k²)(s² − Σ t_k²)); 0 if the denominator is 0. */
    static double mcc(ConfusionMatrix cm) {
        double s = cm.total();
        double c = cm.correct();
        double pt = 0;
        double pp = 0;
        double tt = 0;
        for (SourceClass k : SourceClass.values()) {
            double p = cm.predictedTotal(k);
            double t = cm.trueTotal(k);
            pt += p * t;
            pp += p * p;
            tt += t * t;
        }
        double denom = Math.sqrt((s * s - pp) * (s * s - tt));
        return denom == 0 ? 0.0 : (c * s - pt) / denom;
    }

    /** Recall of one class; NaN if no source has that true class. */
    public double recall(SourceClass c) {
        return confusion.recall(c);
    }

    /** Precision of one class; NaN if nothing is predicted as that class. */
    public double precision(SourceClass c) {
        return confusion.precision(c);
    }

    /** F1 of one class (0 when undefined, as sklearn). */
    public double f1(SourceClass c) {
        return confusion.f1(c);
    }

    /** One-vs-rest AUC of one class. */
    public double rocAuc(SourceClass c) {
        return rocAuc.get(c);
    }
}
