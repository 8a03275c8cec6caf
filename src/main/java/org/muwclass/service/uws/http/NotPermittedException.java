package org.muwclass.service.uws.http;

/** A request the caller's roles do not allow (e.g. PUBLISH=yes without the operator role); HTTP 403. */
public class NotPermittedException extends Exception {

    public NotPermittedException(String message) {
        super(message);
    }
}
