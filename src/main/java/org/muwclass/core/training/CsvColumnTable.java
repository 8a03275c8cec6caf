package org.muwclass.core.training;

import java.util.List;
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

    @Override
    public int rowCount() {
        return table.rowCount();
    }

    @Override
    public Object cell(int row, int column) {
        return table.cell(row, column);
    }
}
