package org.muwclass.classification;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reading one option's value: the number and yes/no rules every option parser of this package shares. */
final class OptionValues {

    private OptionValues() {
    }

    /** An integer in [min, max], or {@code dflt} when absent. */
    static int intValue(Function<String, Optional<String>> values, String name, int dflt, int min, int max)
            throws OptionException {
        Optional<String> v = values.apply(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException(name, v.get(), "an integer from " + min + " to " + max);
    }

    /** A finite number in [min, max], or {@code dflt} when absent; {@code allowed} is the refusal's wording. */
    static double number(Function<String, Optional<String>> values, String name, double dflt, String allowed,
                         double min, double max) throws OptionException {
        Optional<String> v = values.apply(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v.get().trim());
            if (d >= min && d <= max && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException(name, v.get(), allowed);
    }

    /** yes/true/1 or no/false/0 (case ignored); false when absent. */
    static boolean yesNo(Function<String, Optional<String>> values, String name) throws OptionException {
        Optional<String> v = values.apply(name);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get().trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> throw new OptionException(name, v.get(), "yes or no");
        };
    }
}
