package org.muwclass.core.physics;

import org.muwclass.core.model.MwBand;

/**
 * Galactic reddening relations used by MUWCLASS (docs/algorithm.md §6.1 and §6.3).
 *
 * <ul>
 *   <li>NH = 2.21e21 cm^-2 x A_V with A_V = 3.1 E(B-V), i.e. NH = 6.851e21 E(B-V);</li>
 *   <li>A_band = Fitzpatrick (1999) with R_V = 3.1 at the band's effective wavelength.</li>
 * </ul>
 */
public final class Reddening {

    /** Total-to-selective extinction ratio A_V / E(B-V). */
    public static final double R_V = 3.1;

    /** NH per unit A_V, cm^-2 mag^-1. */
    public static final double NH_PER_AV = 2.21e21;

    /** NH per unit E(B-V), cm^-2 mag^-1: {@link #NH_PER_AV} x {@link #R_V} = 6.851e21. */
    public static final double NH_PER_EBV = NH_PER_AV * R_V;

    private static final Fitzpatrick99 F99 = new Fitzpatrick99(R_V);

    private Reddening() {
    }

    /** Hydrogen column, cm^-2, from E(B-V), mag. */
    public static double nhFromEbv(double ebvMag) {
        return NH_PER_EBV * ebvMag;
    }

    /** E(B-V), mag, from a hydrogen column in cm^-2 (inverse of {@link #nhFromEbv}). */
    public static double ebvFromNh(double nhCm2) {
        return nhCm2 / NH_PER_EBV;
    }

    /** Extinction A_band, mag, for E(B-V) in mag: F99 (R_V = 3.1) at the band's effective wavelength. */
    public static double extinctionMag(MwBand band, double ebvMag) {
        return F99.extinctionMag(band.lambdaEffAngstrom(), R_V * ebvMag);
    }

    /** A_band / E(B-V) recomputed from F99 (compare {@link MwBand#extinctionPerEbv()}). */
    public static double extinctionPerEbv(MwBand band) {
        return extinctionMag(band, 1.0);
    }

    /** Fitzpatrick (1999) extinction at a wavelength in Angstrom for a given A_V, mag (R_V = 3.1). */
    public static double fitzpatrick99(double wavelengthAngstrom, double aV) {
        return F99.extinctionMag(wavelengthAngstrom, aV);
    }
}
