package org.muwclass.service.dali;

/** A request body beyond a size or count limit (HTTP 413); the message names the limit and its property. */
public class UploadTooLargeException extends Exception {

    public UploadTooLargeException(long limitBytes) {
        super("The upload exceeds the limit of " + limitBytes + " bytes (" + (limitBytes / (1024 * 1024))
                + " MiB, muwclass.upload.limit.bytes)");
    }

    public UploadTooLargeException(String message) {
        super(message);
    }
}
