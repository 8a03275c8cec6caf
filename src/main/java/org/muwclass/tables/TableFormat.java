package org.muwclass.tables;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Table file formats the project reads and writes, with the STIL input handler for each. */
public enum TableFormat {
    /** VOTable 1.4 with BINARY2 inline data (the default output). */
    VOTABLE("votable", "votable"),
    /** VOTable 1.4 with TABLEDATA (readable XML). */
    VOTABLE_TABLEDATA("votable-tabledata", "votable"),
    /** Comma-separated values with a header line. No metadata (units, provenance) survives. */
    CSV("csv", "csv"),
    /** FITS binary table. */
    FITS("fits", "fits"),
    /** Astropy's Enhanced CSV: a YAML header keeps datatypes, units, UCDs and descriptions. */
    ECSV("ecsv", "ecsv");

    private final String name;
    private final String inputHandler;

    TableFormat(String name, String inputHandler) {
        this.name = name;
        this.inputHandler = inputHandler;
    }

    /** The user-facing name, e.g. {@code "votable-tabledata"}. */
    public String formatName() {
        return name;
    }

    /** The STIL {@code TableBuilder} name used to read this format. */
    public String inputHandler() {
        return inputHandler;
    }

    /** Names accepted by {@link #fromName}, comma separated. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(TableFormat::formatName).collect(Collectors.joining(", "));
    }

    /**
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static TableFormat fromName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            if (f.name.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown table format '" + name + "'; allowed: " + allowedNames());
    }

    /**
     * The format implied by a file extension: .vot/.votable/.xml → VOTable, .csv → CSV, .fits/.fit/.fts → FITS,
     * .ecsv → ECSV.
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
        if (f.endsWith(".fits") || f.endsWith(".fit") || f.endsWith(".fts")) {
            return Optional.of(FITS);
        }
        return Optional.empty();
    }
}
