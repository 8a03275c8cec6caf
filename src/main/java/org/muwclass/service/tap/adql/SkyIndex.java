package org.muwclass.service.tap.adql;

import cds.healpix.FlatHashIterator;
import cds.healpix.Healpix;
import cds.healpix.HealpixNested;
import cds.healpix.HealpixNestedBMOC;

/**
 * The HEALPix cone index of the embedded database (H2). Every published table with {@code ra} and {@code dec} gets an
 * invisible, generated, indexed column {@value #COLUMN}: the NESTED HEALPix cell of order {@value #ORDER} (cells of
 * about 0.23 deg, 0.052 deg2) holding the position, computed by H2 at insert time. A cone with constant centre and
 * radius is then translated to {@code muw_hpx IN (cells covering the circle) AND <exact distance test>}: the IN list is
 * an index lookup per cell, and the cells cover the cone whatever its position (RA wrap and poles need no special
 * case). Cells come from CDS HEALPix (all cells overlapping the cone, computed with a radius enlarged by a rounding
 * margin, so no row on the boundary is lost).
 */
public final class SkyIndex {

    /** Name of the generated cell column. */
    public static final String COLUMN = "muw_hpx";
    /** HEALPix order (depth) of the cell column. */
    public static final int ORDER = 8;
    /**
     * Cones covering more cells than this (radius over about 7 deg) keep the declination-band prefilter instead: the
     * IN list would be long and the cone holds a large part of the table anyway.
     */
    public static final int MAX_CELLS = 10_000;
    /** H2 function computing the cell column (see {@link SkyGeometry#skyCell}). */
    public static final String H2_FUNCTION = "muw_sky_cell";

    private static final HealpixNested NESTED = Healpix.getNested(ORDER);
    /** Relative and absolute margin on the cone radius (radians) against rounding at the boundary. */
    private static final double MARGIN = 1e-9;

    private SkyIndex() {
    }

    /** The SQL type and generation clause of the cell column (H2). */
    public static String h2ColumnDefinition() {
        return "BIGINT INVISIBLE GENERATED ALWAYS AS (" + H2_FUNCTION + "(ra, dec))";
    }

    /** The cell of a position at {@link #ORDER}, or -1 for a position that is not on the sky (NaN, |dec| > 90). */
    public static long cell(double ra, double dec) {
        if (!(Math.abs(dec) <= 90) || !Double.isFinite(ra)) {
            return -1;
        }
        // a hash computer per call: it keeps state, and HealpixNested.hash shares one between threads
        return NESTED.newHashComputer().hash(Math.toRadians(normalise(ra)), Math.toRadians(dec));
    }

    /**
     * The cells at {@link #ORDER} that overlap the cone, in increasing order, or null when there are more than
     * {@link #MAX_CELLS} or the cone is not a proper one (radius not in (0, 180) deg, centre off the sky).
     */
    public static long[] coveringCells(double ra0, double dec0, double radiusDeg) {
        if (!(radiusDeg >= 0 && radiusDeg < 180) || !(Math.abs(dec0) <= 90) || !Double.isFinite(ra0)) {
            return null;
        }
        double r = Math.toRadians(radiusDeg) * (1 + MARGIN) + MARGIN;
        HealpixNestedBMOC bmoc = NESTED.newConeComputer(r).overlappingCells(Math.toRadians(normalise(ra0)),
                Math.toRadians(dec0));
        long n = bmoc.computeDeepSize();
        if (n > MAX_CELLS) {
            return null;
        }
        long[] cells = new long[(int) n];
        FlatHashIterator it = bmoc.flatHashIterator();
        for (int i = 0; i < n && it.hasNext(); i++) {
            cells[i] = it.next();
        }
        java.util.Arrays.sort(cells);
        return cells;
    }

    private static double normalise(double deg) {
        double v = deg % 360.0;
        return v < 0 ? v + 360.0 : v;
    }
}
