package org.muwclass.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory comma-separated table (RFC 4180 quoting) with a header row. Cells are kept as strings;
 * blank or all-space cells read as absent, following the MUWCLASS data files' null convention.
 */
public final class CsvTable {

    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<String[]> rows;

    private CsvTable(List<String> columns, List<String[]> rows) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            idx.putIfAbsent(columns.get(i), i);
        }
        this.index = Collections.unmodifiableMap(idx);
        this.rows = rows;
    }

    public static CsvTable read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file, e);
        }
    }

    /** Reads a classpath resource, e.g. {@code "/muwclass/TD.csv"}. */
    public static CsvTable readResource(String resource) {
        InputStream in = CsvTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No such resource: " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV resource " + resource, e);
        }
    }

    public static CsvTable read(Reader reader) throws IOException {
        List<List<String>> records = parse(reader instanceof BufferedReader ? reader : new BufferedReader(reader));
        if (records.isEmpty()) {
            throw new IOException("CSV input has no header line");
        }
        List<String> header = records.get(0);
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue; // blank line
            }
            String[] row = new String[header.size()];
            for (int c = 0; c < row.length && c < rec.size(); c++) {
                row[c] = rec.get(c);
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    private static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int ch;
        while ((ch = in.read()) != -1) {
            any = true;
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                rec.add(cell.toString());
                cell.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            rec.add(cell.toString());
            out.add(rec);
        }
        return out;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** Column position, or -1 when the table has no such column. */
    public int columnIndex(String name) {
        return index.getOrDefault(name, -1);
    }

    /** The raw cell text, or null when the cell is blank or the column is absent. */
    public String cell(int row, String column) {
        Integer c = index.get(column);
        return c == null ? null : cell(row, c);
    }

    public String cell(int row, int column) {
        String v = rows.get(row)[column];
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * The cell as a double, NaN when blank.
     *
     * @throws IllegalArgumentException naming the column and the 1-based data row when the text is not a number
     */
    public double number(int row, String column) {
        String v = cell(row, column);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Column '" + column + "', row " + (row + 1) + ": '" + v.trim() + "' is not a number");
        }
    }

    public Optional<String> text(int row, String column) {
        String v = cell(row, column);
        return v == null ? Optional.empty() : Optional.of(v.trim());
    }
}
