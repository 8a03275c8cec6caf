package org.muwclass.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.muwclass.core.training.ColumnTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;

/**
 * A {@link ColumnTable} over a STIL {@link StarTable} (VOTable, FITS, ... uploads). Sequential tables are made
 * random-access once, at construction. Floating-point NaN cells are nulls, as in VOTable and FITS.
 */
public final class StarColumnTable implements ColumnTable {

    private final StarTable table;
    private final List<String> names;
    private final List<String> units;
    private final int rows;

    /**
     * @throws IllegalArgumentException when the table has more rows than an int can count
     * @throws UncheckedIOException     when the table cannot be read
     */
    public StarColumnTable(StarTable source) {
        try {
            this.table = Tables.randomTable(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded table", e);
        }
        long n = table.getRowCount();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Table has " + n + " rows; at most " + Integer.MAX_VALUE + " allowed");
        }
        this.rows = (int) n;
        List<String> cols = new ArrayList<>(table.getColumnCount());
        List<String> unitStrings = new ArrayList<>(table.getColumnCount());
        for (int c = 0; c < table.getColumnCount(); c++) {
            cols.add(table.getColumnInfo(c).getName());
            String u = table.getColumnInfo(c).getUnitString();
            unitStrings.add(u == null || u.isBlank() ? "" : u.trim());
        }
        this.names = List.copyOf(cols);
        this.units = List.copyOf(unitStrings);
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    /** The VOTable {@code unit} attribute, FITS {@code TUNITn} or ECSV unit of the column, when declared. */
    @Override
    public Optional<String> unit(String column) {
        int c = names.indexOf(column);
        return c < 0 || units.get(c).isEmpty() ? Optional.empty() : Optional.of(units.get(c));
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public Object cell(int row, int column) {
        Object v;
        try {
            v = table.getCell(row, column);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read row " + (row + 1) + " of the uploaded table", e);
        }
        if (v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
            return null;
        }
        if (v instanceof String s && s.isBlank()) {
            return null;
        }
        return v;
    }
}
