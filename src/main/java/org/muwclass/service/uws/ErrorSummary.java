package org.muwclass.service.uws;

import java.util.Objects;

/**
 * Why a job ended in ERROR (or ABORTED by the server).
 *
 * @param type    transient or fatal
 * @param message text for the user, served at /{job}/error and in errorSummary
 */
public record ErrorSummary(ErrorType type, String message) {

    public ErrorSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    public static ErrorSummary fatal(String message) {
        return new ErrorSummary(ErrorType.FATAL, message);
    }

    public static ErrorSummary transientError(String message) {
        return new ErrorSummary(ErrorType.TRANSIENT, message);
    }
}
