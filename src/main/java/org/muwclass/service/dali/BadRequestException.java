package org.muwclass.service.dali;

/** A request that cannot be read (malformed multipart, unsupported content type); HTTP 400. */
public class BadRequestException extends Exception {

    public BadRequestException(String message) {
        super(message);
    }
}
