package org.muwclass.classification;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.muwclass.core.pipeline.EbvPolicy;

/**
 * Where each source's E(B-V) comes from: the option value of CLI {@code --ebv} and UWS {@code EBV}. Most values are a
 * core {@link EbvPolicy}; {@link #NH_COLUMN} and {@link #NH_MAP} first fill every source's E(B-V) from a hydrogen
 * column (N_H / {@link org.muwclass.core.physics.Reddening#NH_PER_EBV}) and then use it as the table's value.
 */
public enum EbvSource {
    /** The table's ebv where given, else the dust map. The default (the paper's convention). */
    TABLE_ELSE_DUST_MAP("table-else-dust-map", EbvPolicy.TABLE_ELSE_DUST_MAP),
    /** The table's ebv column; a source without a value is an error. */
    TABLE("table", EbvPolicy.TABLE),
    /** 0.86 x SFD from the configured dust map at the source position. */
    DUST_MAP("dust-map", EbvPolicy.DUST_MAP),
    /** The dust map's value / 3.1 (read as if it were A_V; an option, not the paper's convention). */
    DUST_MAP_AV("dust-map-av", EbvPolicy.DUST_MAP_AV),
    /** The table's value where given, else {@link #DUST_MAP_AV}. */
    TABLE_ELSE_DUST_MAP_AV("table-else-dust-map-av", EbvPolicy.TABLE_ELSE_DUST_MAP_AV),
    /** HI4PI N_H at the source position / 6.851e21 (the core's HI policy). */
    HI_MAP("hi-map", EbvPolicy.HI_MAP),
    /** The table's value where given, else {@link #HI_MAP}. */
    TABLE_ELSE_HI_MAP("table-else-hi-map", EbvPolicy.TABLE_ELSE_HI_MAP),
    /** The input's N_H column (cm^-2; names {@link NhColumn#NAMES}) / 6.851e21 for every source. */
    NH_COLUMN("nh-column", EbvPolicy.TABLE),
    /** HI4PI N_H / 6.851e21 for every source, the table's ebv ignored (the UWS name; same values as hi-map). */
    NH_MAP("nh-map", EbvPolicy.TABLE),
    /** No reddening: E(B-V) = 0 for every source. */
    NONE("none", EbvPolicy.NONE);

    /** The default of both front doors. */
    public static final EbvSource DEFAULT = TABLE_ELSE_DUST_MAP;

    private final String optionName;
    private final EbvPolicy policy;

    EbvSource(String optionName, EbvPolicy policy) {
        this.optionName = optionName;
        this.policy = policy;
    }

    /** The option value, e.g. "nh-column". */
    public String optionName() {
        return optionName;
    }

    /** The core policy that resolves E(B-V) once the hydrogen-column values, if any, are filled in. */
    public EbvPolicy policy() {
        return policy;
    }

    /** Whether a source's table value (where given) is used rather than a map. */
    public boolean usesTableValue() {
        return policy.prefersTable() && this != NH_COLUMN && this != NH_MAP;
    }

    /** All option names, comma-separated, for messages and help. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(EbvSource::optionName).collect(Collectors.joining(", "));
    }

    /**
     * The source with option name {@code name} (case-insensitive, blanks ignored).
     *
     * @throws OptionException naming EBV, the value and the accepted ones
     */
    public static EbvSource fromName(String name) throws OptionException {
        String v = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (EbvSource s : values()) {
            if (s.optionName.equals(v)) {
                return s;
            }
        }
        throw new OptionException("EBV", name, "one of " + allowedNames());
    }
}
