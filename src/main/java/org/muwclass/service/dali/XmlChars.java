package org.muwclass.service.dali;

/**
 * The characters an XML 1.0 document can carry: tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and
 * U+10000-U+10FFFF (as surrogate pairs). Anything else (control characters, lone surrogates, U+FFFE/U+FFFF) makes
 * a UWS document not well-formed for every client that reads it.
 */
public final class XmlChars {

    private XmlChars() {
    }

    /** Index of the first character XML cannot carry, or -1. */
    public static int firstIllegal(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (!legal(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} with every character XML cannot carry replaced by U+FFFD; null stays null. */
    public static String clean(String s) {
        int first = firstIllegal(s);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(legal(c) ? c : '\uFFFD');
            }
        }
        return b.toString();
    }

    private static boolean legal(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
