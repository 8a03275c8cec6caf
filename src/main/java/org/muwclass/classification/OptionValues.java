package org.muwclass.classification;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.muwclass.core.learn.FastForestLearner;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.sampling.XrayNoiseModel;

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

    /** SEED: a 64-bit whole number, 1 when absent. */
    static long seed(Function<String, Optional<String>> values) throws OptionException {
        Optional<String> v = values.apply("SEED");
        if (v.isEmpty()) {
            return 1L;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new OptionException("SEED", v.get(), "a whole number (64-bit)");
        }
    }

    /** ALGORITHM: a name of the standard learner catalogue at {@code trees} trees (case ignored), fastrf when absent. */
    static String algorithm(Function<String, Optional<String>> values, int trees) throws OptionException {
        Optional<String> v = values.apply("ALGORITHM");
        String algorithm = v.map(a -> a.trim().toLowerCase(Locale.ROOT)).orElse(FastForestLearner.NAME);
        java.util.Collection<String> names = LearnerCatalogue.standard(trees).names();
        if (!names.contains(algorithm)) {
            throw new OptionException("ALGORITHM", v.orElseThrow(), "one of " + String.join(", ", names));
        }
        return algorithm;
    }

    /** XRAY_NOISE: one of the X-ray noise models, {@link XrayNoiseModel#DEFAULT} when absent. */
    static XrayNoiseModel xrayNoise(Function<String, Optional<String>> values) throws OptionException {
        Optional<String> v = values.apply("XRAY_NOISE");
        if (v.isEmpty()) {
            return XrayNoiseModel.DEFAULT;
        }
        try {
            return XrayNoiseModel.parse(v.get());
        } catch (IllegalArgumentException e) {
            throw new OptionException("XRAY_NOISE", v.get(), "one of " + XrayNoiseModel.allowedValues());
        }
    }
}
