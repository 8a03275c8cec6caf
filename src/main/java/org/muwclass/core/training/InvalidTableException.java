package org.muwclass.core.training;

/**
 * A source table that cannot be used, with a message for the user that names the column, the 1-based data row (when
 * one is at fault) and what is allowed.
 */
public final class InvalidTableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the user-facing explanation */
    public InvalidTableException(String message) {
        super(message);
    }
}
