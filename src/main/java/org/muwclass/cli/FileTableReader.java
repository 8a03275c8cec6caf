package org.muwclass.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.muwclass.classification.InputTable;
import org.muwclass.classification.OptionException;
import org.muwclass.classification.TableReader;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/** The CLI's {@link TableReader}: a user's files, read with {@link InputTables}, no size limits. */
final class FileTableReader implements TableReader {

    @Override
    public ColumnTable columns(InputTable table) throws OptionException {
        try {
            return InputTables.read(table.file(), table.format());
        } catch (IOException | RuntimeException e) {
            throw unreadable(table, e);
        }
    }

    @Override
    public CsvTable csv(InputTable table) throws OptionException {
        try {
            if (table.format() == TableFormat.CSV) {
                return CsvTable.read(table.file());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TableFiles.write(TableFiles.read(table.file(), table.format()), TableFormat.CSV, Map.of(), out);
            return CsvTable.read(new StringReader(out.toString(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw unreadable(table, e);
        }
    }

    private static OptionException unreadable(InputTable table, Exception e) {
        return OptionException.of(table.option(), "'" + table.file() + "' is not a readable "
                + table.format().formatName() + " table: " + e.getMessage());
    }

    /** A refusal in the CLI's words: {@code option '--input': ...}. */
    static String message(OptionException e) {
        String option = "option '--" + OptionException.cliName(e.option()) + "': ";
        return e.value() == null ? option + e.allowed()
                : option + "'" + e.value() + "' is not allowed; expected " + e.allowed();
    }
}
