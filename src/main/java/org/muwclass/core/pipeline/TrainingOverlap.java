package org.muwclass.core.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How targets that are training sources ({@link org.muwclass.core.training.TrainingMatches}) are classified. */
public enum TrainingOverlap {
    /** By forests trained without the training rows they match (default: a faithful, leave-one-out answer). */
    LOO,
    /** By the same forests as every other target, trained on themselves too (the paper's field runs). */
    KEEP;

    /** The option value, {@code loo} or {@code keep}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for an unknown value, naming the allowed ones
     */
    public static TrainingOverlap fromValue(String value) {
        for (TrainingOverlap o : values()) {
            if (o.value().equalsIgnoreCase(value.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + allowed());
    }

    /** The allowed values, comma-separated. */
    public static String allowed() {
        return Arrays.stream(values()).map(TrainingOverlap::value).collect(Collectors.joining(", "));
    }
}
