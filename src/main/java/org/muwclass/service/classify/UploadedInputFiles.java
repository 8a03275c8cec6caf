package org.muwclass.service.classify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.muwclass.classification.OptionException;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.CsvColumnTable;
import org.muwclass.tables.StarColumnTable;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.service.config.UploadSettings;
import org.muwclass.tables.Compression;
import org.muwclass.tables.ReadLimits;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.UploadRefusedException;
import org.muwclass.tables.TableFormat;
import uk.ac.starlink.table.StarTable;

/**
 * Reads uploaded tables with an explicit format: the {@code <NAME>_FORMAT} parameter if given, else the part's
 * Content-Type, else its file-name extension. The file is always read from the job directory; STIL never gets a
 * location string it could treat as a URL.
 */
public final class UploadedInputFiles {

    /** How refusals name the table (after "Parameter NAME: "). */
    private static final String UPLOADED = "the uploaded table";

    private UploadedInputFiles() {
    }

    /**
     * The format of an uploaded table.
     *
     * @param parameter   the table's parameter, e.g. "INPUT"
     * @param formatValue value of the explicit format parameter, or null
     */
    public static TableFormat format(String parameter, UploadedFile file, String formatValue) throws ParameterException {
        if (formatValue != null) {
            try {
                return TableFormat.fromName(formatValue);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(parameter + "_FORMAT", formatValue, "one of " + TableFormat.allowedNames());
            }
        }
        if (file.contentType() != null) {
            Optional<TableFormat> f = TableFormat.fromContentType(file.contentType());
            if (f.isPresent()) {
                return f.get();
            }
        }
        Optional<TableFormat> byName = file.fileName() == null ? Optional.empty()
                : TableFormat.fromExtension(java.nio.file.Path.of(file.fileName()));
        return byName.orElseThrow(() -> new ParameterException(parameter, "cannot tell the format of the uploaded"
                + " file '" + file.fileName() + "' (Content-Type " + file.contentType() + "); give "
                + parameter + "_FORMAT=votable, csv or fits, or a .vot/.xml/.csv/.fits file name"));
    }

    /** Reads the table as cells for the source and training-set readers. */
    public static ColumnTable columns(String parameter, UploadedFile file, TableFormat format) throws OptionException {
        if (format == TableFormat.CSV) {
            return new CsvColumnTable(csv(parameter, file, format));
        }
        return new StarColumnTable(star(parameter, file, format));
    }

    /** Reads the table as text cells (the feature extractor's input); VOTable and FITS go through CSV text. */
    static CsvTable csv(String parameter, UploadedFile file, TableFormat format) throws OptionException {
        try {
            if (format == TableFormat.CSV) {
                ReadLimits limits = limits();
                ReadLimits.Deadline deadline = limits.start();
                Compression.refuse(file.path(), UPLOADED);
                CsvTable table = CsvTable.read(file.path());
                // a CSV upload's rows are bounded by the byte cap; the row count is checked once it is read
                deadline.checkRows(UPLOADED, table.rowCount());
                deadline.check(UPLOADED);
                return table;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TableFiles.write(star(parameter, file, format), TableFormat.CSV, Map.of(), out);
            return CsvTable.read(new StringReader(out.toString(StandardCharsets.UTF_8)));
        } catch (OptionException e) {
            throw e;
        } catch (UploadRefusedException e) {
            throw OptionException.of(parameter, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw OptionException.of(parameter, "the uploaded " + format.formatName() + " table is not readable: "
                    + message(e));
        }
    }

    private static StarTable star(String parameter, UploadedFile file, TableFormat format) throws OptionException {
        try {
            return TableFiles.readUpload(file.path(), format, limits(), UPLOADED);
        } catch (UploadRefusedException e) {
            throw OptionException.of(parameter, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw OptionException.of(parameter, "the uploaded file" + (file.fileName() == null ? ""
                    : " '" + file.fileName() + "'") + " is not a readable " + format.formatName() + " table: "
                    + message(e));
        }
    }

    private static ReadLimits limits() {
        return UploadSettings.current().classifyLimits();
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // STIL prefixes messages with the job-directory path: users need only the reason
        int colon = m.indexOf(" table: ");
        return colon >= 0 ? m.substring(colon + 8) : m;
    }
}
