package org.muwclass.core.model;

/**
 * Optical/infrared bands used by MUWCLASS (Yang et al. 2022, Tables 2-3), with the constants the features and the
 * reddening need.
 */
public enum MwBand {
    //      zero point          lambda_eff  W_eff      depth  k = A/E(B-V)
    G("G", 2.5e-9, 5822.39, 4052.97, 21.5, 2.80189),
    BP("BP", 4.08e-9, 5035.75, 2157.50, 21.5, 3.44165),
    RP("RP", 1.27e-9, 7619.96, 2924.44, 21.0, 1.86006),
    J("J", 3.13e-10, 12350, 1624.32, 18.5, 0.81238),
    H("H", 1.13e-10, 16620, 2509.40, 18.0, 0.50607),
    K("K", 4.28e-11, 21590, 2618.87, 17.0, 0.34711),
    W1("W1", 8.18e-12, 33526, 6626.42, 18.5, 0.19849),
    W2("W2", 2.42e-12, 46028, 10422.66, 17.5, 0.13847),
    W3("W3", 6.52e-14, 115608, 55055.71, 14.5, 0.05281);

    private final String label;
    private final double zeroPointFlux;
    private final double lambdaEffAngstrom;
    private final double widthEffAngstrom;
    private final double surveyLimitMag;
    private final double extinctionPerEbv;

    MwBand(String label, double zeroPointFlux, double lambdaEffAngstrom, double widthEffAngstrom,
           double surveyLimitMag, double extinctionPerEbv) {
        this.label = label;
        this.zeroPointFlux = zeroPointFlux;
        this.lambdaEffAngstrom = lambdaEffAngstrom;
        this.widthEffAngstrom = widthEffAngstrom;
        this.surveyLimitMag = surveyLimitMag;
        this.extinctionPerEbv = extinctionPerEbv;
    }

    /** Short band name as in feature names, e.g. {@code "BP"}. */
    public String label() {
        return label;
    }

    /** Zero-magnitude flux density, erg/s/cm2/Angstrom. */
    public double zeroPointFlux() {
        return zeroPointFlux;
    }

    /** Effective wavelength, Angstrom. */
    public double lambdaEffAngstrom() {
        return lambdaEffAngstrom;
    }

    /** Effective width, Angstrom. */
    public double widthEffAngstrom() {
        return widthEffAngstrom;
    }

    /** Survey depth, mag: magnitudes at or beyond it are treated as missing. */
    public double surveyLimitMag() {
        return surveyLimitMag;
    }

    /**
     * A_band / E(B-V) for Fitzpatrick (1999), R_V = 3.1, at the effective wavelength (the published table value;
     * {@code org.muwclass.core.physics} recomputes it).
     */
    public double extinctionPerEbv() {
        return extinctionPerEbv;
    }

    /** Energy flux in the band, erg/s/cm2, from a Vega magnitude. */
    public double energyFlux(double mag) {
        return zeroPointFlux * Math.pow(10.0, -mag / 2.5) * widthEffAngstrom;
    }
}
