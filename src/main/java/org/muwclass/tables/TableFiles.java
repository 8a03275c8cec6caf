package org.muwclass.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.util.DataSource;
import uk.ac.starlink.util.FileDataSource;

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
            if (format.isVotable()) {
                try (InputStream in = new FileDataSource(file.toFile()).getInputStream()) {
                    return SafeVoTable.read(in, ReadLimits.NONE, file.toString());
                }
            }
            return make(new FileDataSource(file.toFile()), format);
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
            if (format.isVotable()) {
                try (InputStream in = Files.newInputStream(file)) {
                    return SafeVoTable.read(in, limits, what);
                }
            }
            ReadLimits.Deadline deadline = limits.start();
            // never inflate: STIL's data sources decompress by themselves unless told not to
            FileDataSource raw = new FileDataSource(file.toFile());
            raw.setCompression(uk.ac.starlink.util.Compression.NONE);
            table = make(raw, format);
            // FITS and CSV rows are bounded by the byte cap already; the count is checked once they are read
            deadline.checkRows(what, table.getRowCount());
            deadline.check(what);
            return table;
        } catch (TableFormatException e) {
            throw new IOException(file + " is not a readable " + format.formatName() + " table: " + e.getMessage(), e);
        }
    }

    /** Through the format's own STIL reader, random access; CSV and TSV without their comment header. */
    private static StarTable make(DataSource source, TableFormat format) throws IOException {
        DataSource in = format == TableFormat.CSV || format == TableFormat.TSV ? new CommentHeaderSource(source)
                : source;
        StarTable t = format.reader().makeStarTable(in, true, StoragePolicy.getDefaultPolicy());
        return t.isRandom() ? t : StoragePolicy.getDefaultPolicy().randomTable(t);
    }

    private static void requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    /**
     * Writes {@code table} to {@code out} (not closed) with its provenance in the format's own place: VOTable INFO
     * elements, FITS header cards, a CSV/TSV {@code #} comment header, ECSV meta (see {@link TableDocuments}).
     */
    public static void write(StarTable table, TableFormat format, Map<String, String> provenance, OutputStream out)
            throws IOException {
        write(table, format, TableAnnotations.of(provenance), out);
    }

    /** Writes {@code table} with its facts and, for VOTables, a DataLink service descriptor. */
    public static void write(StarTable table, TableFormat format, TableAnnotations annotations, OutputStream out)
            throws IOException {
        TableDocuments.write(table, format, annotations, out);
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
}
