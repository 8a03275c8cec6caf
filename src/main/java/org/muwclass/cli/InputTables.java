package org.muwclass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.CsvColumnTable;
import org.muwclass.tables.StarColumnTable;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/**
 * Opens user tables with an explicit format: the {@code --…-format} option if given, else the file extension. CSV is
 * read with the project's own reader (exact decimal values, blank = null); VOTable and FITS go through STIL.
 */
final class InputTables {

    private InputTables() {
    }

    /** The format from {@code formatOption} or the file's extension. */
    static TableFormat format(ParsedOptions o, String fileOption, String formatOption) throws UsageException {
        Path file = o.path(fileOption).orElseThrow();
        Optional<String> given = o.string(formatOption);
        if (given.isPresent()) {
            try {
                return TableFormat.fromName(given.get());
            } catch (IllegalArgumentException e) {
                throw o.bad(formatOption, given.get(), "one of " + TableFormat.allowedNames());
            }
        }
        return TableFormat.fromExtension(file).orElseThrow(() -> new UsageException("cannot tell the format of '"
                + file + "' from its extension (.vot, .xml, .csv, .fits); give --" + formatOption + " ("
                + TableFormat.allowedNames() + ")"));
    }

    /** Reads a table as cells. */
    static ColumnTable read(Path file, TableFormat format) throws IOException {
        if (format == TableFormat.CSV) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such file");
            }
            return new CsvColumnTable(CsvTable.read(file));
        }
        return new StarColumnTable(TableFiles.read(file, format));
    }
}
