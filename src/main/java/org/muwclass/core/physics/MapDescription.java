package org.muwclass.core.physics;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which sky map a value came from, for provenance.
 *
 * @param name             file or resource name(s), e.g. "SFD_dust_4096_ngp.fits+SFD_dust_4096_sgp.fits"
 * @param format           e.g. "HEALPix NSIDE 64 RING" or "SFD Lambert (ZEA) pair 4096x4096"
 * @param resolutionArcmin pixel size, arcmin (HEALPix: sqrt(4 pi / 12 NSIDE^2); ZEA: the pixel scale at the pole)
 * @param sha256           hex SHA-256 of the file bytes (the two files' bytes in order for a pair)
 * @param scale            factor applied to the map's values (0.86 for SFD E(B-V), 1 for N_H)
 */
public record MapDescription(String name, String format, double resolutionArcmin, String sha256, double scale) {

    /** Provenance entries: {@code prefix}, {@code prefix_format}, ... in a fixed order. */
    public Map<String, String> entries(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(prefix, name);
        m.put(prefix + "_format", format);
        m.put(prefix + "_resolution_arcmin", String.format(java.util.Locale.ROOT, "%.3f", resolutionArcmin));
        m.put(prefix + "_scale", Double.toString(scale));
        m.put(prefix + "_sha256", sha256);
        return m;
    }

    /** Hex SHA-256 of byte arrays in order. */
    static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
