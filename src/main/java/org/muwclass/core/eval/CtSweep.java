package org.muwclass.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Metrics and completeness as functions of the CT threshold (the paper's Fig. 6).
 *
 * @param cuts one cut per threshold, in increasing threshold order
 */
public record CtSweep(List<ConfidenceCut> cuts) {

    public CtSweep {
        cuts = List.copyOf(cuts);
    }

    /**
     * Cuts at thresholds {@code from, from+step, …} up to and including {@code to} (within 1e−9 of a step).
     *
     * @throws IllegalArgumentException when {@code step ≤ 0}, {@code to < from} or there would be more than 10 000 cuts
     */
    public static CtSweep of(List<LabelledPrediction> sources, double from, double to, double step) {
        if (!(step > 0) || !(to >= from)) {
            throw new IllegalArgumentException("CT sweep needs step > 0 and to >= from; got from=" + from + ", to="
                    + to + ", step=" + step);
        }
        long steps = (long) Math.floor((to - from) / step + 1e-9);
        if (steps > 10_000) {
            throw new IllegalArgumentException("CT sweep would have " + (steps + 1) + " thresholds; at most 10001");
        }
        List<ConfidenceCut> cuts = new ArrayList<>();
        for (long i = 0; i <= steps; i++) {
            // Multiply and round rather than accumulate, so thresholds such as 0.3 and 2.0 are exact decimals.
            double t = Math.round((from + i * step) * 1e9) / 1e9;
            cuts.add(ConfidenceCut.apply(sources, t));
        }
        return new CtSweep(cuts);
    }

    /** The thresholds, in order. */
    public double[] thresholds() {
        return cuts.stream().mapToDouble(ConfidenceCut::threshold).toArray();
    }
}
