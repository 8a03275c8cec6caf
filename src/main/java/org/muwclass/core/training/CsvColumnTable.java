package org.muwclass.core.training;

import java.util.List;
import java.util.Optional;
import org.muwclass.core.io.CsvTable;

/** A {@link ColumnTable} over a {@link CsvTable}: cells are strings, blank cells are null. */
public final class CsvColumnTable implements ColumnTable {

    private final CsvTable table;

    /** @param table the parsed CSV file */
    public CsvColumnTable(CsvTable table) {
        this.table = table;
    }

    @Override
    public List<String> columnNames() {
        return table.columns();
    }

    /** Plain CSV declares no units. */
    @Override
    public Optional<String> unit(String column) {
        return Optional.empty();
    }

    @Override
    public int rowCount() {
        return table.rowCount();
    }

    @Override
    public Object cell(int row, int column) {
        return table.cell(row, column);
    }
}
