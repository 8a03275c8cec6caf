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
 * @param sha256      lower-case hex SHA-256 of the bytes as the front door received them (a job's upload, hashed
 *                    while it was stored at creation), or null: then the file is hashed when it is read (the CLI)
 */
public record InputTable(String option, Path file, String displayName, TableFormat format, String sha256) {

    public InputTable {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        displayName = displayName == null ? option : displayName;
    }

    /** A table whose checksum is taken when it is read. */
    public InputTable(String option, Path file, String displayName, TableFormat format) {
        this(option, file, displayName, format, null);
    }

    /**
     * The name of this file's checksum in the provenance: {@code input_sha256} for INPUT,
     * {@code training_file_sha256} for TRAINING (beside {@code training_set_sha256}, the checksum of the training set's
     * content as read), {@code <option>_sha256} for a counterpart table (e.g. {@code gaia_sha256}).
     */
    public String checksumName() {
        String o = option.toLowerCase(java.util.Locale.ROOT);
        return o.equals("training") ? "training_file_sha256" : o + "_sha256";
    }
}
