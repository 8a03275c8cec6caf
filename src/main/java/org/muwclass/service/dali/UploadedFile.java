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
 */
public record UploadedFile(String partName, String fileName, String contentType, Path path, long size) {

    public UploadedFile {
        Objects.requireNonNull(partName, "partName");
        Objects.requireNonNull(path, "path");
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
