package org.muwclass.classification;

import org.muwclass.core.io.CsvTable;
import org.muwclass.core.training.ColumnTable;

/**
 * How a front door reads its tables: the CLI opens a user's files, the UWS job reads uploads under the service's
 * upload limits. Failures are {@link OptionException}s naming the table's option.
 */
public interface TableReader {

    /** The table as cells (source-level input, training set). */
    ColumnTable columns(InputTable table) throws OptionException;

    /** The table as text cells (per-observation input and counterparts for feature extraction). */
    CsvTable csv(InputTable table) throws OptionException;
}
