package org.muwclass.core.training;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the reader did to an input table without refusing it, counted per kind, so a result can say it.
 *
 * @param counts number of occurrences per kind; kinds that did not occur are absent
 */
public record InputWarnings(Map<Kind, Integer> counts) {

    /** A kind of silent repair or conversion. */
    public enum Kind {
        /** A magnitude given with a blank error: the Monte-Carlo draws treat it as missing (the authors' rule). */
        MAGNITUDE_WITHOUT_ERROR("magnitude_without_error"),
        /** An X-ray band with blank flux and error: the CSC "not detected" fill of docs/algorithm.md §2.4 is used. */
        UNDETECTED_BAND_FILLED("undetected_band_filled"),
        /** A column whose declared unit was converted (counted once per column, not per cell). */
        COLUMN_UNIT_CONVERTED("column_unit_converted"),
        /** A row without any X-ray flux returned unclassified (NO_XRAY=flag). */
        NO_XRAY_UNCLASSIFIED("no_xray_unclassified");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The provenance key suffix, e.g. {@code magnitude_without_error}. */
        public String key() {
            return key;
        }
    }

    public InputWarnings {
        EnumMap<Kind, Integer> copy = new EnumMap<>(Kind.class);
        counts.forEach((k, v) -> {
            if (v < 0) {
                throw new IllegalArgumentException("negative count " + v + " for " + k);
            }
            if (v > 0) {
                copy.put(k, v);
            }
        });
        counts = java.util.Collections.unmodifiableMap(copy);
    }

    /** No warnings. */
    public static InputWarnings none() {
        return new InputWarnings(Map.of());
    }

    /** How often {@code kind} occurred. */
    public int count(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Provenance entries {@code warnings.<kind>=<count>}, in kind order, for the kinds that occurred. */
    public Map<String, String> asProvenance() {
        Map<String, String> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put("warnings." + k.key(), Integer.toString(v)));
        return m;
    }

    /** Mutable counter used while reading. */
    static final class Counter {
        private final EnumMap<Kind, Integer> counts = new EnumMap<>(Kind.class);

        void add(Kind kind, int n) {
            counts.merge(kind, n, Integer::sum);
        }

        InputWarnings snapshot() {
            return new InputWarnings(counts);
        }
    }
}
