package org.muwclass.service.uws;

import java.util.Locale;

/** UWS error types: retrying a transient error may succeed, a fatal one will fail again. */
public enum ErrorType {
    TRANSIENT, FATAL;

    /** The schema value: "transient" or "fatal". */
    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
