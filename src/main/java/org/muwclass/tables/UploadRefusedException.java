package org.muwclass.tables;

import java.io.IOException;

/**
 * An uploaded table refused for what it is or asks for (a DOCTYPE, a STREAM href, compression, too many rows, too
 * slow to read): the message is for the client as it stands.
 */
public class UploadRefusedException extends IOException {

    public UploadRefusedException(String message) {
        super(message);
    }
}
