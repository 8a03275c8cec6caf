package org.muwclass.core.model;

/** Chandra Source Catalog energy bands. */
public enum XrayBand {
    SOFT("s", 0.5, 1.2),
    MEDIUM("m", 1.2, 2.0),
    HARD("h", 2.0, 7.0),
    BROAD("b", 0.5, 7.0);

    private final String code;
    private final double eMinKeV;
    private final double eMaxKeV;

    XrayBand(String code, double eMinKeV, double eMaxKeV) {
        this.code = code;
        this.eMinKeV = eMinKeV;
        this.eMaxKeV = eMaxKeV;
    }

    /** CSC band letter: s, m, h or b. */
    public String code() {
        return code;
    }

    /** Lower band edge, keV. */
    public double eMinKeV() {
        return eMinKeV;
    }

    /** Upper band edge, keV. */
    public double eMaxKeV() {
        return eMaxKeV;
    }

    /** The three disjoint bands whose sum is the broad band. */
    public static XrayBand[] narrow() {
        return new XrayBand[] {SOFT, MEDIUM, HARD};
    }
}
