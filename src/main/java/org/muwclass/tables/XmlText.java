package org.muwclass.tables;

/**
 * Escaping of text for hand-written XML (VOSI documents, VOTable INFO elements): one rule for element text and
 * attribute values alike, so callers need not know which they are writing.
 */
public final class XmlText {

    /** What a character XML cannot carry becomes: U+FFFD, the Unicode replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /**
     * The text with {@code & < > "} escaped and every character XML 1.0 does not allow (controls other than tab, line
     * feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) replaced by U+FFFD, so that no value can break
     * the document (the rule of {@code service.dali.XmlChars} for UWS documents). Null gives the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else {
                        b.append(allowed(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@code <tag>escaped text</tag>}, or the empty string when the text is null or blank. */
    public static String element(String tag, String text) {
        return text == null || text.isBlank() ? "" : "<" + tag + ">" + escape(text) + "</" + tag + ">";
    }

    /** Whether a lone UTF-16 unit is a character XML 1.0 allows (a surrogate reaching here is unpaired). */
    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
