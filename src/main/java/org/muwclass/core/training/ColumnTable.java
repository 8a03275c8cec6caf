package org.muwclass.core.training;

import java.util.List;
import java.util.Optional;

/**
 * Read-only random access to the cells of a table, by row and column position. It is the one view the
 * {@link SourceTableReader} needs, so CSV files and STIL tables (VOTable, FITS, uploads; {@code
 * org.muwclass.tables.StarColumnTable}) can both back it.
 * Implementations need not be thread-safe.
 */
public interface ColumnTable {

    /** Column names in table order. */
    List<String> columnNames();

    /**
     * The declared unit of a column (VOTable {@code unit}, FITS {@code TUNITn}), as written in the file.
     *
     * @param column a name from {@link #columnNames()}
     * @return the unit string, empty when the table declares none (plain CSV)
     */
    Optional<String> unit(String column);

    /** Number of data rows. */
    int rowCount();

    /**
     * The cell value: null when the cell is empty/null, else a {@link String}, {@link Number} or {@link Boolean}.
     * Floating-point NaN from a binary table (the VOTable/FITS null convention) must be returned as null.
     *
     * @param row    0-based data row
     * @param column 0-based column position
     */
    Object cell(int row, int column);
}
