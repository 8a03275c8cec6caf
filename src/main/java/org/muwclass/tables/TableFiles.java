package org.muwclass.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Reads and writes table files through STIL with an explicit format (never auto-detection, which also accepts URLs
 * and other schemes and logs spurious errors).
 */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * Reads a whole table into random-access memory.
     *
     * @throws IOException with a message naming the file and format when it is missing or not of that format
     */
    public static StarTable read(Path file, TableFormat format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        StarTableFactory factory = new StarTableFactory(true);
        try {
            return factory.makeStarTable(new FileDataSource(file.toFile()), format.inputHandler());
        } catch (TableFormatException e) {
            throw new IOException(file + " is not a readable " + format.formatName() + " table: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code table} to {@code out} (not closed). For the VOTable formats each provenance entry becomes an
     * {@code <INFO name=… value=…/>} in the RESOURCE, before the TABLE; CSV carries no provenance; FITS keeps the
     * table's own parameters only.
     */
    public static void write(StarTable table, TableFormat format, Map<String, String> provenance, OutputStream out)
            throws IOException {
        writer(format, provenance).writeStarTable(table, out);
    }

    /** Writes to a file, replacing it. */
    public static void write(StarTable table, TableFormat format, Map<String, String> provenance, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            write(table, format, provenance, out);
        }
    }

    static StarTableWriter writer(TableFormat format, Map<String, String> provenance) {
        return switch (format) {
            case VOTABLE -> new InfoVOTableWriter(DataFormat.BINARY2, provenance);
            case VOTABLE_TABLEDATA -> new InfoVOTableWriter(DataFormat.TABLEDATA, provenance);
            case CSV -> new CsvTableWriter(true);
            case FITS -> new FitsTableWriter();
        };
    }

    /** A VOTable 1.4 writer that adds INFO elements to the RESOURCE before the TABLE. */
    private static final class InfoVOTableWriter extends VOTableWriter {
        private final Map<String, String> infos;

        InfoVOTableWriter(DataFormat data, Map<String, String> infos) {
            super(data, true, VOTableVersion.V14);
            this.infos = new java.util.LinkedHashMap<>(infos);
        }

        @Override
        public void writePreTableXML(BufferedWriter w) throws IOException {
            super.writePreTableXML(w);
            for (Map.Entry<String, String> e : infos.entrySet()) {
                w.write("<INFO name=\"" + xml(e.getKey()) + "\" value=\"" + xml(e.getValue()) + "\"/>");
                w.newLine();
            }
        }

        private static String xml(String s) {
            return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
