package org.muwclass.service.uws;

/**
 * Thrown by {@link JobKind#execute} for a failure the user should read (bad input found during execution, a
 * training set with too few sources per class, ...). The message becomes the job's error summary verbatim; any
 * other exception gives a generic summary and is logged.
 */
public class JobFailedException extends Exception {

    private final ErrorType type;

    public JobFailedException(String message) {
        this(message, ErrorType.FATAL, null);
    }

    public JobFailedException(String message, ErrorType type, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }
}
