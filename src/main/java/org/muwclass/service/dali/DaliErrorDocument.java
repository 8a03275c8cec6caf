package org.muwclass.service.dali;

import uk.ac.starlink.votable.VOSerializer;

/**
 * The DALI error document (DALI 1.1 section 5.2): a VOTable whose results resource holds only
 * {@code INFO name="QUERY_STATUS" value="ERROR"} with the message. TAP answers every refusal and failure with it.
 */
public final class DaliErrorDocument {

    private static final String VOTABLE_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://www.ivoa.net/xml/VOTable/v1.3 http://www.ivoa.net/xml/VOTable/v1.3\">\n";

    private DaliErrorDocument() {
    }

    /** The document for {@code message} (null: "Unknown error"), escaped for XML. */
    public static String of(String message) {
        return VOTABLE_HEAD + "<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                + VOSerializer.formatText(message == null ? "Unknown error" : message) + "</INFO>\n"
                + "</RESOURCE>\n</VOTABLE>\n";
    }
}
