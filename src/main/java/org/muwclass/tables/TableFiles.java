package org.muwclass.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
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
     * Reads a whole table into random-access memory. VOTables go through the hardened parser ({@link SafeVoTable}:
     * no DOCTYPE, no STREAM href); compressed files are inflated, as these are the operator's own files.
     *
     * @throws IOException with a message naming the file and format when it is missing or not of that format
     */
    public static StarTable read(Path file, TableFormat format) throws IOException {
        requireFile(file);
        try {
            if (format == TableFormat.VOTABLE || format == TableFormat.VOTABLE_TABLEDATA) {
                try (InputStream in = new FileDataSource(file.toFile()).getInputStream()) {
                    return SafeVoTable.read(in, ReadLimits.NONE, file.toString());
                }
            }
            return new StarTableFactory(true).makeStarTable(new FileDataSource(file.toFile()), format.inputHandler());
        } catch (TableFormatException e) {
            throw new IOException(file + " is not a readable " + format.formatName() + " table: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a table a client uploaded: compressed data is refused whatever its declared format, VOTables go through
     * the hardened parser, and rows and reading time are capped.
     *
     * @param what how refusals name the upload, e.g. "INPUT"
     * @throws UploadRefusedException when the upload is compressed, unsafe or over a limit (message for the client)
     * @throws IOException            when it is missing or not of that format
     */
    public static StarTable readUpload(Path file, TableFormat format, ReadLimits limits, String what)
            throws IOException {
        requireFile(file);
        Compression.refuse(file, what);
        StarTable table;
        try {
            if (format == TableFormat.VOTABLE || format == TableFormat.VOTABLE_TABLEDATA) {
                try (InputStream in = Files.newInputStream(file)) {
                    return SafeVoTable.read(in, limits, what);
                }
            }
            ReadLimits.Deadline deadline = limits.start();
            // never inflate: STIL's data sources decompress by themselves unless told not to
            FileDataSource raw = new FileDataSource(file.toFile());
            raw.setCompression(uk.ac.starlink.util.Compression.NONE);
            table = new StarTableFactory(true).makeStarTable(raw, format.inputHandler());
            // FITS and CSV rows are bounded by the byte cap already; the count is checked once they are read
            deadline.checkRows(what, table.getRowCount());
            deadline.check(what);
            return table;
        } catch (TableFormatException e) {
            throw new IOException(file + " is not a readable " + format.formatName() + " table: " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
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
            case ECSV -> new EcsvTableWriter();
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
