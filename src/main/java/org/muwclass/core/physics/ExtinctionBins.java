package org.muwclass.core.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grouping of sources by Galactic reddening for classification (paper's GCS run, docs/algorithm.md §6.1): sources whose
 * E(B-V) falls in the same 0.025 mag bin are classified together with one training set reddened by the bin's mean.
 *
 * <p>Rule: bin k holds E(B-V) in [0.025 k, 0.025 (k+1)) mag, i.e. k = floor(E(B-V) / 0.025). The bin's model is
 * reddened with the arithmetic mean E(B-V) of its member sources (not the bin centre). The upstream binning code is
 * not published; this follows the paper's text.
 */
public final class ExtinctionBins {

    /** Bin width, mag of E(B-V). */
    public static final double WIDTH_MAG = 0.025;

    private ExtinctionBins() {
    }

    /** One occupied bin. */
    public record Bin(int index, int[] members, double meanEbv) {

        /** Lower edge, mag. */
        public double lowerEdge() {
            return index * WIDTH_MAG;
        }

        /** Upper edge (exclusive), mag. */
        public double upperEdge() {
            return (index + 1) * WIDTH_MAG;
        }
    }

    /**
     * Bin index of an E(B-V) value.
     *
     * @throws IllegalArgumentException if {@code ebv} is NaN, infinite or negative
     */
    public static int binOf(double ebv) {
        if (!(ebv >= 0) || Double.isInfinite(ebv)) {
            throw new IllegalArgumentException("E(B-V) must be a finite value >= 0 mag, got " + ebv);
        }
        // the small tolerance keeps values printed as exact multiples of 0.025 in the bin they start
        return (int) Math.floor(ebv / WIDTH_MAG + 1e-9);
    }

    /**
     * Groups source indices by bin.
     *
     * @param ebv E(B-V) per source, mag
     * @return occupied bins in increasing E(B-V), each with the member indices (increasing) and their mean E(B-V)
     * @throws IllegalArgumentException naming the source index when a value is NaN or negative
     */
    public static List<Bin> group(double[] ebv) {
        Map<Integer, List<Integer>> byBin = new TreeMap<>();
        for (int i = 0; i < ebv.length; i++) {
            int k;
            try {
                k = binOf(ebv[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source " + i + ": " + e.getMessage());
            }
            byBin.computeIfAbsent(k, key -> new ArrayList<>()).add(i);
        }
        List<Bin> out = new ArrayList<>(byBin.size());
        for (Map.Entry<Integer, List<Integer>> e : byBin.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            double sum = 0;
            for (int m : members) {
                sum += ebv[m];
            }
            out.add(new Bin(e.getKey(), members, sum / members.length));
        }
        return out;
    }
}
