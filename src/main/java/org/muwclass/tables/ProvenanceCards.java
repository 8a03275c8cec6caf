package org.muwclass.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.ac.starlink.fits.CardImage;

/**
 * Facts as FITS header cards: {@code KEY = 'value'} when the key has at most 8 characters, else the ESO
 * {@code HIERARCH KEY = 'value'} convention (read by astropy, fitsio and STIL); a fact whose card would pass 80
 * characters (a SHA-256 under a long key, a query) goes into HISTORY lines {@code key = value}, split every 72
 * characters. Keys are upper-cased; characters other than letters, digits, '_' and '-' become '_'.
 */
final class ProvenanceCards {

    static final int CARD = 80;
    /** Text characters after "HISTORY ". */
    static final int HISTORY_TEXT = 72;

    private ProvenanceCards() {
    }

    static List<CardImage> cards(Map<String, String> facts) {
        List<CardImage> cards = new ArrayList<>();
        if (facts.isEmpty()) {
            return cards;
        }
        cards.add(card("COMMENT MUWCLASS provenance: the cards below and the HISTORY lines 'key = value'"));
        List<String> history = new ArrayList<>();
        for (Map.Entry<String, String> e : facts.entrySet()) {
            String key = key(e.getKey());
            String value = e.getValue() == null ? "" : oneLine(e.getValue());
            String quoted = "'" + value.replace("'", "''") + "'";
            String text = key.length() <= 8 ? String.format(Locale.ROOT, "%-8s= %s", key, quoted)
                    : "HIERARCH " + key + " = " + quoted;
            if (text.length() <= CARD && ascii(value)) {
                cards.add(card(text));
            } else {
                history.add(e.getKey() + " = " + value);
            }
        }
        for (String h : history) {
            for (int i = 0; i < h.length(); i += HISTORY_TEXT) {
                cards.add(card("HISTORY " + h.substring(i, Math.min(h.length(), i + HISTORY_TEXT))));
            }
        }
        return cards;
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "_");
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static CardImage card(String text) {
        // FITS headers are printable ASCII; anything else in a HISTORY line becomes '?'
        StringBuilder b = new StringBuilder(CARD);
        for (int i = 0; i < text.length() && i < CARD; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        while (b.length() < CARD) {
            b.append(' ');
        }
        return new CardImage(b);
    }
}
