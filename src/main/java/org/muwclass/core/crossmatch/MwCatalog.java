package org.muwclass.core.crossmatch;

/** The multiwavelength catalogues MUWCLASS matches against (docs/algorithm.md §3.1), with their column suffixes. */
public enum MwCatalog {
    /** Gaia EDR3 (VizieR I/350). */
    GAIA("gaia"),
    /** 2MASS point sources (II/246). */
    TWOMASS("2mass"),
    /** CatWISE2020 (II/365). */
    CATWISE("catwise"),
    /** unWISE (II/363). */
    UNWISE("unwise"),
    /** AllWISE (II/328). */
    ALLWISE("allwise");

    private final String suffix;

    MwCatalog(String suffix) {
        this.suffix = suffix;
    }

    /** Column suffix and file-name part, e.g. {@code "2mass"} for {@code Jmag_2mass} and {@code *_2mass.csv}. */
    public String suffix() {
        return suffix;
    }

    /** The column name for a catalogue column, e.g. {@code column("Jmag")} = {@code "Jmag_2mass"}. */
    public String column(String base) {
        return base + "_" + suffix;
    }

    /**
     * @throws IllegalArgumentException listing the allowed names
     */
    public static MwCatalog fromSuffix(String s) {
        for (MwCatalog c : values()) {
            if (c.suffix.equalsIgnoreCase(s == null ? "" : s.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown catalogue '" + s + "'; allowed: gaia, 2mass, catwise, unwise, "
                + "allwise");
    }
}
