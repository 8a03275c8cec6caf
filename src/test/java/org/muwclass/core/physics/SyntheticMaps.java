package org.muwclass.core.physics;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small dust-map FITS files for tests of the configured-map settings. */
public final class SyntheticMaps {

    private SyntheticMaps() {
    }

    /** A FITS file with an empty primary HDU and a 12-pixel RING HEALPix table (NSIDE 1, Galactic) of one value. */
    public static byte[] constantHealpix(float value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 0")));
        out.writeBytes(header(List.of("XTENSION= 'BINTABLE'", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 48",
                "NAXIS2  = 1", "PCOUNT  = 0", "GCOUNT  = 1", "TFIELDS = 1", "TFORM1  = '12E'", "ORDERING= 'RING'",
                "COORDSYS= 'G'", "NSIDE   = 1")));
        ByteBuffer data = ByteBuffer.allocate(2880);
        for (int i = 0; i < 12; i++) {
            data.putFloat(value);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    private static byte[] header(List<String> cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            sb.append(String.format("%-80s", c));
        }
        sb.append(String.format("%-80s", "END"));
        sb.append(" ".repeat(2880 - sb.length() % 2880));
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
