package org.muwclass.core.model;

import java.util.Locale;

/** The eight MUWCLASS source classes, in the pipeline's fixed (alphabetical) order. */
public enum SourceClass {
    AGN("AGN", "active galactic nucleus"),
    CV("CV", "cataclysmic variable"),
    HM_STAR("HM-STAR", "high-mass star"),
    HMXB("HMXB", "high-mass X-ray binary"),
    LM_STAR("LM-STAR", "low-mass star"),
    LMXB("LMXB", "low-mass X-ray binary"),
    NS("NS", "isolated neutron star"),
    YSO("YSO", "young stellar object");

    private final String label;
    private final String description;

    SourceClass(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The label used in the training set and in outputs, e.g. {@code "HM-STAR"}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Column-name suffix, e.g. {@code "hm_star"} for {@code p_hm_star}. */
    public String columnSuffix() {
        return label.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * @throws IllegalArgumentException listing the allowed labels when {@code label} is not one of them
     */
    public static SourceClass fromLabel(String label) {
        String l = label == null ? "" : label.trim();
        for (SourceClass c : values()) {
            if (c.label.equalsIgnoreCase(l) || c.name().equalsIgnoreCase(l)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown class label '" + label
                + "'; allowed: AGN, CV, HM-STAR, HMXB, LM-STAR, LMXB, NS, YSO");
    }

    public static int count() {
        return values().length;
    }
}
