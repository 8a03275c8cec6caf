package org.muwclass.service.tap.query;

/**
 * A request the service cannot answer, with the message for the DALI error document. {@code userError} requests
 * (bad parameters, bad ADQL, bad uploads) are HTTP 400; the others are service faults (HTTP 500).
 */
public final class TapException extends Exception {

    private final boolean userError;
    private final boolean stopped;

    private TapException(String message, boolean userError, boolean stopped, Throwable cause) {
        super(message, cause);
        this.userError = userError;
        this.stopped = stopped;
    }

    public static TapException user(String message) {
        return new TapException(message, true, false, null);
    }

    /** The query was stopped (time limit, ABORT): a user error, since it may be run another way (e.g. async). */
    public static TapException stopped(String message) {
        return new TapException(message, true, true, null);
    }

    public static TapException fault(String message, Throwable cause) {
        return new TapException(message, false, false, cause);
    }

    public boolean userError() {
        return userError;
    }

    /** True when the query was stopped by a time limit or ABORT, not refused. */
    public boolean stopped() {
        return stopped;
    }
}
