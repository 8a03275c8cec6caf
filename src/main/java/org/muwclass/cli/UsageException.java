package org.muwclass.cli;

/** A command-line mistake: unknown option, missing or malformed value. The message is shown to the user as is. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what is allowed, shown as is */
    public UsageException(String message) {
        super(message);
    }
}
