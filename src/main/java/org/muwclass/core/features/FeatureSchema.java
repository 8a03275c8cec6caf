package org.muwclass.core.features;

import java.util.List;
import java.util.Objects;

/**
 * Names and order of the model's input features. It travels with every trained model so a model is only ever applied
 * to rows laid out the same way.
 *
 * @param id    short identifier of the feature definition
 * @param names feature names, in column order
 */
public record FeatureSchema(String id, List<String> names) {

    /**
     * The 29 features of Yang et al. (2022) (docs/algorithm.md §4 step 6), in a fixed order. X-ray: Fs, Fm, Fh =
     * log10(F_band/Fb), Fb = log10(Fs+Fm+Fh) (erg/s/cm2); hardness ratios; variability probabilities. MW: G...W2 =
     * log10(F_band/Fb) (not magnitudes); then 12 colours in mag.
     */
    public static final FeatureSchema MUWCLASS = new FeatureSchema("muwclass-yang2022-29", List.of(
            "Fs", "Fm", "Fh", "Fb", "HR_hm", "HR_ms", "HR_hms", "P_inter", "P_intra",
            "G", "BP", "RP", "J", "H", "K", "W1", "W2",
            "G-BP", "G-RP", "G-J", "G-H", "G-K", "BP-RP", "J-H", "J-K", "H-K", "W1-W2", "W1-W3", "W2-W3"));

    public FeatureSchema {
        Objects.requireNonNull(id, "id");
        names = List.copyOf(names);
        if (names.size() != names.stream().distinct().count()) {
            throw new IllegalArgumentException("Feature names must be unique: " + names);
        }
    }

    /** Number of features. */
    public int size() {
        return names.size();
    }

    /** Column of a feature, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /**
     * @throws IllegalArgumentException when {@code other} lays out features differently
     */
    public void requireSame(FeatureSchema other) {
        if (!equals(other)) {
            throw new IllegalArgumentException("Feature schema mismatch: model has " + id + " " + names
                    + ", data has " + other.id() + " " + other.names());
        }
    }
}
