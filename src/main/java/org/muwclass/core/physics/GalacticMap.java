package org.muwclass.core.physics;

/** An all-sky map in Galactic coordinates, interpolated at any (l, b). Implementations are immutable. */
interface GalacticMap {

    /**
     * The interpolated map value at Galactic (l, b).
     *
     * @param lDeg Galactic longitude, deg
     * @param bDeg Galactic latitude, deg, -90..90
     */
    double interpolate(double lDeg, double bDeg);

    /** Format and resolution, e.g. "HEALPix NSIDE 64 RING", for provenance. */
    String format();

    /** Pixel size, arcmin. */
    double resolutionArcmin();
}
