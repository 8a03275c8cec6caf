package org.muwclass.core.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.muwclass.core.model.SourceMeasurements;

/**
 * SHA-256 of a source list's content, for provenance. It hashes what the classifier uses (names, positions, fluxes,
 * variability, magnitudes, errors, E(B-V), labels) in a canonical binary form, so the same sources give the same
 * checksum whatever file format or column names they came from.
 */
public final class TrainingSetChecksum {

    private TrainingSetChecksum() {
    }

    /** Lower-case hex SHA-256 of the sources' content, in list order. */
    public static String sha256(List<SourceMeasurements> sources) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        for (SourceMeasurements s : sources) {
            byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
            putLong(md, name.length);
            md.update(name);
            putDouble(md, s.raDeg());
            putDouble(md, s.decDeg());
            putDouble(md, s.posErrArcsec());
            putDouble(md, s.significance());
            putDoubles(md, s.flux());
            putDoubles(md, s.fluxErr());
            putDouble(md, s.pInter());
            putDouble(md, s.pIntra());
            putDoubles(md, s.mag());
            putDoubles(md, s.magErr());
            putDouble(md, s.ebv());
            putLong(md, s.trueClass() == null ? -1 : s.trueClass().ordinal());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void putDoubles(MessageDigest md, double[] v) {
        for (double d : v) {
            putDouble(md, d);
        }
    }

    private static void putDouble(MessageDigest md, double d) {
        // one NaN bit pattern, so "missing" hashes the same whatever produced it
        putLong(md, Double.doubleToLongBits(d));
    }

    private static void putLong(MessageDigest md, long v) {
        for (int i = 7; i >= 0; i--) {
            md.update((byte) (v >>> (8 * i)));
        }
    }
}
