package org.muwclass.service.tap.query;

/**
 * A request the service cannot answer, with the message for the DALI error document. {@code userError} requests
 * (bad parameters, bad ADQL, bad uploads) are HTTP 400; the others are service faults (HTTP 500).
 */
public final class TapException extends Exception {

    private final boolean userError;

    private TapException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    public static TapException user(String message) {
        return new TapException(message, true, null);
    }

    public static TapException fault(String message, Throwable cause) {
        return new TapException(message, false, cause);
    }

    public boolean userError() {
        return userError;
    }
}
