package org.muwclass.service.dali;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file sent with a job request (a multipart part), stored in the job directory.
 *
 * @param partName    the multipart part (form field) name, e.g. "INPUT" or the part an UPLOAD=name,param:part names
 * @param fileName    the file name the client gave, or null
 * @param contentType the part's Content-Type, or null
 * @param path        where the content is stored
 * @param size        size, bytes
 * @param sha256      lower-case hex SHA-256 of the bytes as received (computed while the part was stored), or null
 *                    when not yet known (the job machinery fills it in at creation)
 */
public record UploadedFile(String partName, String fileName, String contentType, Path path, long size,
                           String sha256) {

    public UploadedFile {
        Objects.requireNonNull(partName, "partName");
        Objects.requireNonNull(path, "path");
    }

    /** A file whose checksum is not known yet. */
    public UploadedFile(String partName, String fileName, String contentType, Path path, long size) {
        this(partName, fileName, contentType, path, size, null);
    }

    /** Lower-case extension of the client's file name without the dot ("" when none). */
    public String extension() {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
