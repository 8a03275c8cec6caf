package org.muwclass.service.tap.web;

/** XML text escaping for the hand-written VOSI documents. */
final class Xml {

    private Xml() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** {@code <tag>text</tag>}, or nothing when the text is blank. */
    static String elem(String tag, String text) {
        return text == null || text.isBlank() ? "" : "<" + tag + ">" + esc(text) + "</" + tag + ">";
    }
}
