package org.muwclass.core.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What to do with a target row whose s, m and h fluxes and errors are all blank (no X-ray measurement at all). */
public enum NoXrayPolicy {
    /** Refuse the table, naming the row (default: the authors drop such sources; fill values are not a source). */
    REFUSE,
    /** Return the row unclassified, flagged, next to the classified ones. */
    FLAG;

    /** The parameter value, e.g. {@code refuse}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for an unknown value, naming the allowed ones
     */
    public static NoXrayPolicy fromValue(String value) {
        for (NoXrayPolicy p : values()) {
            if (p.value().equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + allowed());
    }

    /** The allowed values, comma-separated. */
    public static String allowed() {
        return Arrays.stream(values()).map(NoXrayPolicy::value).collect(Collectors.joining(", "));
    }
}
