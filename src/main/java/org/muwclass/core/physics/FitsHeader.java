package org.muwclass.core.physics;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The keyword values of one FITS header (2880-byte blocks of 80-character cards), enough to read the sky maps: no
 * CONTINUE cards, first occurrence wins. Immutable.
 */
final class FitsHeader {

    static final int BLOCK = 2880;
    private static final int CARD = 80;

    private final Map<String, String> keys;
    private final int dataStart;
    private final String what;

    private FitsHeader(Map<String, String> keys, int dataStart, String what) {
        this.keys = keys;
        this.dataStart = dataStart;
        this.what = what;
    }

    /** Reads the header that starts at byte {@code start}; {@code what} names the file in messages. */
    static FitsHeader read(byte[] fits, int start, String what) {
        int pos = start;
        Map<String, String> keys = new HashMap<>();
        while (pos + CARD <= fits.length) {
            String card = new String(fits, pos, CARD, StandardCharsets.US_ASCII);
            pos += CARD;
            String key = card.substring(0, 8).trim();
            if ("END".equals(key)) {
                return new FitsHeader(keys, start + (int) padded(pos - start), what);
            }
            if (card.charAt(8) == '=') {
                keys.putIfAbsent(key, value(card.substring(10)));
            }
        }
        throw new IllegalArgumentException(what + ": FITS header without END");
    }

    /** Byte offset of this HDU's data. */
    int dataStart() {
        return dataStart;
    }

    /** Byte offset of the next HDU's header. */
    int nextHeader() {
        return dataStart + (int) padded(dataBytes());
    }

    /** Bytes of this HDU's data (without padding). */
    long dataBytes() {
        int naxis = integer("NAXIS");
        if (naxis == 0) {
            return 0;
        }
        long n = Math.abs(integer("BITPIX")) / 8;
        for (int i = 1; i <= naxis; i++) {
            n *= integer("NAXIS" + i);
        }
        return n;
    }

    /** A keyword's value (quotes removed, upper case for strings kept as written), or null. */
    String text(String key) {
        return keys.get(key);
    }

    /** A string keyword upper-cased, or {@code dflt}. */
    String upper(String key, String dflt) {
        String v = keys.get(key);
        return v == null ? dflt : v.toUpperCase(Locale.ROOT);
    }

    int integer(String key) {
        String v = required(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": FITS keyword " + key + " = '" + v + "' is not an integer");
        }
    }

    double real(String key, double dflt) {
        String v = keys.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.replace('D', 'E'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": FITS keyword " + key + " = '" + v + "' is not a number");
        }
    }

    double real(String key) {
        required(key);
        return real(key, Double.NaN);
    }

    boolean has(String key) {
        return keys.containsKey(key);
    }

    private String required(String key) {
        String v = keys.get(key);
        if (v == null) {
            throw new IllegalArgumentException(what + ": FITS keyword " + key + " is missing");
        }
        return v;
    }

    static long padded(long bytes) {
        return (bytes + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static String value(String raw) {
        String s = raw.trim();
        if (s.startsWith("'")) {
            int end = s.indexOf('\'', 1);
            return (end < 0 ? s.substring(1) : s.substring(1, end)).trim();
        }
        int slash = s.indexOf('/');
        return (slash < 0 ? s : s.substring(0, slash)).trim();
    }
}
