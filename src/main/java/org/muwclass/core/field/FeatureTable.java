package org.muwclass.core.field;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.muwclass.core.io.CsvTable;

/**
 * A rectangular table of text cells (null = empty) with named columns, writable as CSV in the format
 * {@link CsvTable} reads.
 *
 * @param columns column names
 * @param rows    cells per row, each of {@code columns.size()} entries
 */
public record FeatureTable(List<String> columns, List<String[]> rows) {

    public FeatureTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (String[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("row has " + r.length + " cells, expected " + columns.size());
            }
        }
    }

    /** Writes a header line and one line per row; cells with a comma, quote or line break are quoted. */
    public void writeCsv(Writer out) throws IOException {
        writeLine(out, columns.toArray(String[]::new));
        for (String[] r : rows) {
            writeLine(out, r);
        }
    }

    /** The same content as a {@link CsvTable}. */
    public CsvTable toCsvTable() {
        StringWriter w = new StringWriter();
        try {
            writeCsv(w);
            return CsvTable.read(new StringReader(w.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String c = cells[i];
            if (c == null) {
                continue;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write('\n');
    }
}
