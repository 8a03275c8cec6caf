package org.muwclass.tables;

/**
 * The one rule for text in XML the service writes (VOSI and UWS documents, VOTable INFO elements, error messages
 * that echo request values): the characters XML 1.0 can carry are tab, line feed, carriage return,
 * U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF (as surrogate pairs). Anything else (other control characters,
 * lone surrogates, U+FFFE/U+FFFF) makes a document not well-formed for every client that reads it, so it becomes
 * U+FFFD, the Unicode replacement character.
 */
public final class XmlText {

    /** What a character XML cannot carry becomes: U+FFFD, the Unicode replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** Index (UTF-16 unit) of the first character XML cannot carry, or -1; -1 for null. */
    public static int firstIllegal(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (pairAt(s, i)) {
                i++;
            } else if (!allowed(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code s} with every character XML cannot carry replaced by U+FFFD, nothing escaped (for writers that escape
     * themselves, e.g. JAXB); null stays null, and a string with nothing to replace is returned as it is.
     */
    public static String clean(String s) {
        int first = firstIllegal(s);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            if (pairAt(s, i)) {
                b.append(s, i, i + 2);
                i++;
            } else {
                char c = s.charAt(i);
                b.append(allowed(c) ? c : REPLACEMENT);
            }
        }
        return b.toString();
    }

    /**
     * For hand-written XML: the text with {@code & < > "} escaped and every character XML cannot carry replaced by
     * U+FFFD ({@link #clean}), so that no value can break the document; one rule for element text and attribute
     * values alike. Null gives the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String clean = clean(text);
        StringBuilder b = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code <tag>escaped text</tag>}, or the empty string when the text is null or blank. */
    public static String element(String tag, String text) {
        return text == null || text.isBlank() ? "" : "<" + tag + ">" + escape(text) + "</" + tag + ">";
    }

    /** Whether a surrogate pair (one character above U+FFFF) starts at {@code i}. */
    private static boolean pairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** Whether a lone UTF-16 unit is a character XML 1.0 allows (a surrogate reaching here is unpaired). */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
