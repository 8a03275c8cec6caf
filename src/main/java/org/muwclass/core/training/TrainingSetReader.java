package org.muwclass.core.training;

import java.nio.file.Path;
import java.util.List;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceMeasurements;

/** Loads labelled training sets (the shipped TD.csv or a user's table) with their checksum. */
public final class TrainingSetReader {

    /** Classpath location of the published MUWCLASS training set (Yang et al. 2022, Table 9). */
    public static final String DEFAULT_RESOURCE = "/muwclass/TD.csv";

    private TrainingSetReader() {
    }

    /** The shipped TD.csv (2941 sources). */
    public static TrainingSet readDefault() {
        return read(new CsvColumnTable(CsvTable.readResource(DEFAULT_RESOURCE)), "classpath:" + DEFAULT_RESOURCE);
    }

    /** A CSV file with TD-style (or aliased) column names. */
    public static TrainingSet read(Path csv) {
        return read(new CsvColumnTable(CsvTable.read(csv)), csv.toString());
    }

    /**
     * @throws InvalidTableException when a column is missing, a value is invalid or a label is unknown
     */
    public static TrainingSet read(ColumnTable table, String origin) {
        List<SourceMeasurements> sources = SourceTableReader.read(table, true);
        return TrainingSet.of(sources, origin);
    }
}
