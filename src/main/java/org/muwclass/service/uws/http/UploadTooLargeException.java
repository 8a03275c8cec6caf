package org.muwclass.service.uws.http;

/** A request body beyond the upload limit (HTTP 413). */
public class UploadTooLargeException extends Exception {

    public UploadTooLargeException(long limitBytes) {
        super("The upload exceeds the limit of " + limitBytes + " bytes (" + (limitBytes / (1024 * 1024))
                + " MiB, muwclass.upload.limit.bytes)");
    }
}
