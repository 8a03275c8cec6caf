package org.muwclass.core.eval;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.muwclass.core.model.SourceClass;

/**
 * One-vs-rest ROC AUC from class probabilities, equal to sklearn's {@code roc_auc_score}: the trapezoidal area under
 * the ROC curve, where tied scores form one step. That area equals the Mann-Whitney statistic with mid-ranks for
 * ties, which is how it is computed here.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * AUC of "{@code positive} versus the rest" using {@code P_positive} as the score.
     *
     * @return the AUC in [0, 1], or NaN when the sources contain only positives or only negatives (sklearn raises an
     *         error there)
     */
    public static double oneVsRest(Collection<LabelledPrediction> sources, SourceClass positive) {
        int n = sources.size();
        double[] scores = new double[n];
        boolean[] isPositive = new boolean[n];
        int i = 0;
        for (LabelledPrediction p : sources) {
            scores[i] = p.probability(positive);
            isPositive[i] = p.trueClass() == positive;
            i++;
        }
        return binary(scores, isPositive);
    }

    /** Binary AUC of {@code scores} for the labels {@code positive}; NaN when one label is absent. */
    public static double binary(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        long nPos = 0;
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0; // 1-based mid-rank of the tie group
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    nPos++;
                    rankSumPos += midRank;
                }
            }
            i = j + 1;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    /** Per-class one-vs-rest AUCs in {@link SourceClass} order (NaN where undefined). */
    public static double[] perClass(List<LabelledPrediction> sources) {
        double[] auc = new double[SourceClass.count()];
        for (SourceClass c : SourceClass.values()) {
            auc[c.ordinal()] = oneVsRest(sources, c);
        }
        return auc;
    }
}
