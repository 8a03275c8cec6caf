package org.muwclass.classification;

import java.nio.file.Path;
import java.util.Objects;
import org.muwclass.tables.TableFormat;

/**
 * One table a classification reads.
 *
 * @param option      the option it came with (INPUT, TRAINING, GAIA, 2MASS, ...), for messages
 * @param file        where the bytes are (a job-directory file or a user's path)
 * @param displayName the name the user knows it by (the upload's file name or the path), for provenance
 * @param format      its format, already decided by the front door
 */
public record InputTable(String option, Path file, String displayName, TableFormat format) {

    public InputTable {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        displayName = displayName == null ? option : displayName;
    }
}
