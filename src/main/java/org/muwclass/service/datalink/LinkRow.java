package org.muwclass.service.datalink;

/**
 * One row of a DataLink 1.1 links table: a link ({@code accessUrl} set) or an error ({@code errorMessage} set).
 *
 * @param contentLength bytes, or -1 when not known
 */
public record LinkRow(String id, String accessUrl, String errorMessage, String semantics, String description,
                      String contentType, long contentLength) {

    public static LinkRow link(String id, String accessUrl, String semantics, String description,
                               String contentType) {
        return new LinkRow(id, accessUrl, null, semantics, description, contentType, -1);
    }

    /** DataLink's error row for an identifier this service does not know. */
    public static LinkRow notFound(String id, String why) {
        return new LinkRow(id, null, "NotFoundFault: " + why, "#this", null, null, -1);
    }
}
