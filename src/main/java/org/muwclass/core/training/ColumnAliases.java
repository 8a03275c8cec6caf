package org.muwclass.core.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muwclass.core.model.MwBand;

/**
 * The one table of accepted column names. Each logical column has a canonical name (as in the published TD.csv) and a
 * few aliases (CSC master / MUWCLASS intermediate names, Gaia archive names). Names match case-insensitively after
 * trimming; when several aliases of one column are present, the earliest in the list wins.
 *
 * <p>{@code Class} is accepted for the label only after {@code True_Class}: in TD.csv, {@code Class} is the published
 * <em>prediction</em>, while the upstream code's own training file used {@code Class} for the label.
 */
public final class ColumnAliases {

    public static final String NAME = "CSCv2_name";
    public static final String RA = "CSCv2_RA";
    public static final String DEC = "CSCv2_DEC";
    public static final String POS_ERR = "CSCv2_PU";
    public static final String SIGNIFICANCE = "CSCv2_S/N";
    public static final String P_INTRA = "P_intra";
    public static final String P_INTER = "P_inter";
    public static final String TRUE_CLASS = "True_Class";
    public static final String EBV = "ebv";

    private static final Map<String, List<String>> ALIASES = build();

    private ColumnAliases() {
    }

    private static Map<String, List<String>> build() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(NAME, List.of(NAME, "name", "source_name"));
        m.put(RA, List.of(RA, "ra", "ra_deg", "RAJ2000"));
        m.put(DEC, List.of(DEC, "dec", "dec_deg", "DEJ2000"));
        m.put(POS_ERR, List.of(POS_ERR, "err_ellipse_r0", "PU"));
        m.put(SIGNIFICANCE, List.of(SIGNIFICANCE, "significance"));
        for (String b : new String[] {"s", "m", "h"}) {
            m.put(fluxColumn(b), List.of(fluxColumn(b), "flux_aper90_ave_" + b));
            m.put(fluxErrColumn(b), List.of(fluxErrColumn(b), "e_flux_aper90_ave_" + b));
        }
        m.put(P_INTRA, List.of(P_INTRA, "kp_prob_b_max", "var_intra_prob"));
        m.put(P_INTER, List.of(P_INTER, "var_inter_prob"));
        Map<MwBand, String> gaia = Map.of(MwBand.G, "phot_g_mean_mag", MwBand.BP, "phot_bp_mean_mag",
                MwBand.RP, "phot_rp_mean_mag");
        for (MwBand b : MwBand.values()) {
            List<String> names = new ArrayList<>(List.of(magColumn(b), b.label() + "_mag"));
            if (gaia.containsKey(b)) {
                names.add(gaia.get(b));
            }
            m.put(magColumn(b), List.copyOf(names));
            m.put(magErrColumn(b), List.of(magErrColumn(b), "e_" + b.label() + "_mag"));
        }
        m.put(TRUE_CLASS, List.of(TRUE_CLASS, "true_class", "label", "Class"));
        m.put(EBV, List.of(EBV, "E(B-V)", "E_BV", "EBV"));
        return Collections.unmodifiableMap(m);
    }

    /** Canonical flux column of a CSC band letter, e.g. {@code "Fs"}. */
    public static String fluxColumn(String bandCode) {
        return "F" + bandCode;
    }

    /** Canonical flux error column, e.g. {@code "e_Fs"}. */
    public static String fluxErrColumn(String bandCode) {
        return "e_F" + bandCode;
    }

    /** Canonical magnitude column, e.g. {@code "Gmag"}. */
    public static String magColumn(MwBand band) {
        return band.label() + "mag";
    }

    /** Canonical magnitude error column, e.g. {@code "e_Gmag"}. */
    public static String magErrColumn(MwBand band) {
        return "e_" + band.label() + "mag";
    }

    /** Accepted names of a canonical column, canonical first. */
    public static List<String> namesFor(String canonical) {
        List<String> names = ALIASES.get(canonical);
        if (names == null) {
            throw new IllegalArgumentException("No logical column named " + canonical);
        }
        return names;
    }

    /** All canonical column names, in a fixed order. */
    public static List<String> canonicalNames() {
        return List.copyOf(ALIASES.keySet());
    }

    /**
     * Maps each canonical column to its position in a table with the given column names.
     *
     * @return canonical name to 0-based column index; canonical columns the table lacks are absent
     */
    public static Map<String, Integer> resolve(List<String> columnNames) {
        Map<String, Integer> byLower = new LinkedHashMap<>();
        for (int i = 0; i < columnNames.size(); i++) {
            String n = columnNames.get(i);
            if (n != null) {
                byLower.putIfAbsent(n.trim().toLowerCase(Locale.ROOT), i);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ALIASES.entrySet()) {
            for (String alias : e.getValue()) {
                Integer idx = byLower.get(alias.toLowerCase(Locale.ROOT));
                if (idx != null) {
                    out.put(e.getKey(), idx);
                    break;
                }
            }
        }
        return out;
    }
}
