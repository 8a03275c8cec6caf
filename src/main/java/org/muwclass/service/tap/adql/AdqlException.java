package org.muwclass.service.tap.adql;

/** A query the service cannot run as written: the message says what is wrong and where (line, column). */
public final class AdqlException extends Exception {

    public AdqlException(String message) {
        super(message);
    }
}
