package org.muwclass.service.tap.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The RESPONSEFORMAT values this service writes, with the MIME type it answers with and the aliases it accepts. */
public enum ResponseFormat {
    VOTABLE("application/x-votable+xml", List.of("votable", "votable/b2", "application/x-votable+xml",
            "application/x-votable+xml;serialization=binary2", "text/xml", "application/xml")),
    VOTABLE_TD("application/x-votable+xml;serialization=TABLEDATA", List.of("votable/td",
            "application/x-votable+xml;serialization=tabledata")),
    CSV("text/csv;header=present", List.of("csv", "text/csv", "text/csv;header=present")),
    TSV("text/tab-separated-values", List.of("tsv", "text/tab-separated-values")),
    FITS("application/fits", List.of("fits", "application/fits", "image/fits")),
    /** Astropy's Enhanced CSV: YAML header with datatypes, units, UCDs and descriptions, then space-separated rows. */
    ECSV("text/x-ecsv", List.of("ecsv", "text/x-ecsv"));

    private final String mimeType;
    private final List<String> aliases;

    ResponseFormat(String mimeType, List<String> aliases) {
        this.mimeType = mimeType;
        this.aliases = aliases;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Accepted RESPONSEFORMAT values; the first is the short name. */
    public List<String> aliases() {
        return aliases;
    }

    /** Case- and space-insensitive lookup of a RESPONSEFORMAT value. */
    public static Optional<ResponseFormat> parse(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
        for (ResponseFormat f : values()) {
            if (f.aliases.contains(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static String allowedValues() {
        StringBuilder sb = new StringBuilder();
        for (ResponseFormat f : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(f.aliases.get(0)).append(" (").append(f.mimeType).append(')');
        }
        return sb.toString();
    }
}
