package org.muwclass.tables;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.ac.starlink.ecsv.EcsvTableBuilder;
import uk.ac.starlink.fits.FitsTableBuilder;
import uk.ac.starlink.table.TableBuilder;
import uk.ac.starlink.table.formats.CsvTableBuilder;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * The table formats this project reads and writes, in STIL's style: one value per format with its name, the aliases
 * accepted for it (TAP RESPONSEFORMAT values, MIME types, names on the command line and in job parameters), the MIME
 * type it is served as, the file extension and the STIL reader. Writing is {@link TableDocuments}.
 */
public enum TableFormat {
    /** VOTable 1.4 with BINARY2 inline data (the default output). */
    VOTABLE("votable", MediaTypes.VOTABLE, "vot", List.of("votable/b2", MediaTypes.VOTABLE,
            "application/x-votable+xml;serialization=binary2", "text/xml", "application/xml",
            "application/votable+xml")),
    /** VOTable 1.4 with TABLEDATA (readable XML). */
    VOTABLE_TABLEDATA("votable-tabledata", MediaTypes.VOTABLE_TABLEDATA, "vot", List.of("votable/td",
            "application/x-votable+xml;serialization=tabledata")),
    /**
     * Comma-separated values with a header line. Provenance, when there is any, is a comment header of lines starting
     * with '#' before the column names (pandas {@code comment='#'}, astropy, and {@link TableFiles#read} skip them).
     */
    CSV("csv", MediaTypes.CSV, "csv", List.of("text/csv", "text/csv;header=present", "application/csv")),
    /** Tab-separated values with a header line; tabs and line breaks inside values become spaces. */
    TSV("tsv", MediaTypes.TSV, "tsv", List.of("text/tab-separated-values")),
    /** FITS binary table; provenance as header cards. */
    FITS("fits", MediaTypes.FITS, "fits", List.of("application/fits", "image/fits")),
    /** Astropy's Enhanced CSV: a YAML header keeps datatypes, units, UCDs, descriptions and provenance (meta). */
    ECSV("ecsv", MediaTypes.ECSV, "ecsv", List.of("text/x-ecsv"));

    private final String name;
    private final String mimeType;
    private final String extension;
    private final List<String> aliases;

    TableFormat(String name, String mimeType, String extension, List<String> otherAliases) {
        this.name = name;
        this.mimeType = mimeType;
        this.extension = extension;
        this.aliases = java.util.stream.Stream.concat(java.util.stream.Stream.of(name), otherAliases.stream())
                .toList();
    }

    /** The user-facing name, e.g. {@code "votable-tabledata"}. */
    public String formatName() {
        return name;
    }

    /** The MIME type the service answers with, e.g. {@code "text/csv;header=present"}. */
    public String mimeType() {
        return mimeType;
    }

    /** File extension without the dot, e.g. {@code "vot"}. */
    public String extension() {
        return extension;
    }

    /** Every accepted spelling, lower case without spaces; the first is {@link #formatName()}. */
    public List<String> aliases() {
        return aliases;
    }

    /** True for the two VOTable serializations. */
    public boolean isVotable() {
        return this == VOTABLE || this == VOTABLE_TABLEDATA;
    }

    /** The VOTable serialization (BINARY2 or TABLEDATA); only for {@link #isVotable()} formats. */
    public DataFormat votableData() {
        return this == VOTABLE ? DataFormat.BINARY2 : DataFormat.TABLEDATA;
    }

    /** A new STIL reader for this format (VOTables are read by {@link SafeVoTable} instead, which is hardened). */
    public TableBuilder reader() {
        return switch (this) {
            case VOTABLE, VOTABLE_TABLEDATA -> new VOTableBuilder();
            case CSV -> new CsvTableBuilder();
            case TSV -> {
                CsvTableBuilder b = new CsvTableBuilder();
                b.setDelimiter('\t');
                yield b;
            }
            case FITS -> new FitsTableBuilder();
            case ECSV -> new EcsvTableBuilder();
        };
    }

    /** Names accepted by {@link #fromName}, comma separated. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(TableFormat::formatName).collect(Collectors.joining(", "));
    }

    /** Every format as {@code name (MIME type)}, comma separated, for error messages that list the choices. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(f -> f.name + " (" + f.mimeType + ")").collect(Collectors.joining(", "));
    }

    /**
     * Case- and space-insensitive lookup of a name, alias or MIME type ({@code "votable/td"},
     * {@code "application/x-votable+xml; serialization=TABLEDATA"}, {@code "csv"}, ...).
     */
    public static Optional<TableFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
        for (TableFormat f : values()) {
            if (f.aliases.contains(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #parse} for a value that must name a format.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static TableFormat fromName(String name) {
        return parse(name == null ? "" : name.trim()).orElseThrow(() -> new IllegalArgumentException(
                "unknown table format '" + name + "'; allowed: " + allowedNames()));
    }

    /**
     * The format of an uploaded part from its Content-Type, parameters other than {@code serialization} ignored
     * (e.g. {@code charset}); empty for generic types such as {@code application/octet-stream}.
     */
    public static Optional<TableFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String t = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        Optional<TableFormat> whole = parse(t);
        if (whole.isPresent()) {
            return whole;
        }
        int semi = t.indexOf(';');
        return semi < 0 ? Optional.empty() : parse(t.substring(0, semi));
    }

    /**
     * The format implied by a file extension: .vot/.votable/.xml → VOTable, .csv → CSV, .tsv → TSV,
     * .fits/.fit/.fts → FITS, .ecsv → ECSV.
     */
    public static Optional<TableFormat> fromExtension(Path file) {
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (f.endsWith(".vot") || f.endsWith(".votable") || f.endsWith(".xml")) {
            return Optional.of(VOTABLE);
        }
        if (f.endsWith(".ecsv")) {
            return Optional.of(ECSV);
        }
        if (f.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (f.endsWith(".tsv")) {
            return Optional.of(TSV);
        }
        if (f.endsWith(".fits") || f.endsWith(".fit") || f.endsWith(".fts")) {
            return Optional.of(FITS);
        }
        return Optional.empty();
    }
}
