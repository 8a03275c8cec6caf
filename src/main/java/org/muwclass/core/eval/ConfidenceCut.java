package org.muwclass.core.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.muwclass.core.model.SourceClass;

/**
 * The sources that pass CT ≥ threshold, with their metrics and the completeness of the cut (docs/algorithm.md §10.2).
 *
 * @param threshold                CT threshold (σ units); sources with CT ≥ threshold are kept
 * @param total                    number of sources before the cut
 * @param kept                     number of sources after the cut
 * @param completeness             kept / total
 * @param balancedCompleteness     mean over the TRUE classes present of kept(class) / total(class) (the paper's
 *                                 definition; grouping by predicted class gives a different number)
 * @param completenessByTrueClass  kept(class) / total(class) by true class (NaN for absent classes)
 * @param metrics                  metrics over the kept sources
 */
public record ConfidenceCut(double threshold, int total, int kept, double completeness, double balancedCompleteness,
        Map<SourceClass, Double> completenessByTrueClass, ClassificationMetrics metrics) {

    public ConfidenceCut {
        completenessByTrueClass = Collections.unmodifiableMap(new EnumMap<>(completenessByTrueClass));
    }

    /** Applies the cut CT ≥ {@code threshold} to {@code sources}. */
    public static ConfidenceCut apply(List<LabelledPrediction> sources, double threshold) {
        List<LabelledPrediction> kept = sources.stream().filter(p -> p.confident(threshold)).toList();
        int[] all = new int[SourceClass.count()];
        int[] in = new int[SourceClass.count()];
        for (LabelledPrediction p : sources) {
            all[p.trueClass().ordinal()]++;
        }
        for (LabelledPrediction p : kept) {
            in[p.trueClass().ordinal()]++;
        }
        Map<SourceClass, Double> byClass = new EnumMap<>(SourceClass.class);
        double sum = 0;
        int present = 0;
        for (SourceClass c : SourceClass.values()) {
            int a = all[c.ordinal()];
            double frac = a == 0 ? Double.NaN : (double) in[c.ordinal()] / a;
            byClass.put(c, frac);
            if (a > 0) {
                sum += frac;
                present++;
            }
        }
        double completeness = sources.isEmpty() ? Double.NaN : (double) kept.size() / sources.size();
        double balanced = present == 0 ? Double.NaN : sum / present;
        return new ConfidenceCut(threshold, sources.size(), kept.size(), completeness, balanced, byClass,
                ClassificationMetrics.of(kept));
    }

    /** Completeness of one true class. */
    public double completeness(SourceClass trueClass) {
        return completenessByTrueClass.get(trueClass);
    }
}
