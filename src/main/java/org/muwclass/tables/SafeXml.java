package org.muwclass.tables;

import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Uploaded XML is data, never instructions: a parser that refuses any DOCTYPE (so no entity of any kind can be
 * declared: no external entities, parameter entities or entity expansion), never resolves anything, and a screen in
 * front of the table reader that refuses {@code STREAM href} (a local file or URL read on the client's behalf),
 * STREAM encodings other than base64 (gzip bombs), and XInclude.
 */
public final class SafeXml {

    /** What a refusal of a DOCTYPE says. */
    public static final String DOCTYPE_REFUSED = "a DOCTYPE (DTD, entity declarations) is not allowed";

    private static final String XINCLUDE_2001 = "http://www.w3.org/2001/XInclude";
    private static final String XINCLUDE_2003 = "http://www.w3.org/2003/XInclude";

    private SafeXml() {
    }

    /**
     * A namespace-aware, non-validating reader with DTDs disallowed, external entities off, secure processing on and
     * an entity resolver that refuses every lookup; errors are fatal.
     *
     * @param what how refusals name the document, e.g. "UPLOAD t"
     */
    public static XMLReader reader(String what) throws SAXException {
        try {
            // the JDK's own parser: its security features are known, whatever else is on the class path
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            XMLReader r = parser.getXMLReader();
            r.setEntityResolver((publicId, systemId) -> {
                throw new SAXException(new UploadRefusedException(what + ": " + DOCTYPE_REFUSED
                        + " (it refers to " + systemId + ")"));
            });
            r.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not stop a table
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return r;
        } catch (ParserConfigurationException e) {
            throw new SAXException("The XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }

    /**
     * The refusal a parse failure stands for, if it is one: a DOCTYPE, or an {@link UploadRefusedException} raised
     * by the screen or a sink.
     */
    public static UploadRefusedException refusal(Throwable failure, String what) {
        for (Throwable t = failure; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (t instanceof UploadRefusedException r) {
                return r;
            }
            if (t instanceof SAXException s && s.getException() instanceof UploadRefusedException r) {
                return r;
            }
            String m = t.getMessage();
            if (m != null && m.contains("disallow-doctype-decl")) {
                return new UploadRefusedException(what + ": " + DOCTYPE_REFUSED);
            }
        }
        return null;
    }

    /**
     * A content handler that checks every event before passing it on (to {@code next}, or nowhere for a pure
     * check): refuses STREAM href, STREAM encodings other than base64, and XInclude, and stops when the time is up.
     */
    public static final class Screen implements ContentHandler {
        private final ContentHandler next;
        private final String what;
        private final ReadLimits.Deadline deadline;
        private long events;

        public Screen(ContentHandler next, String what, ReadLimits.Deadline deadline) {
            this.next = next;
            this.what = what;
            this.deadline = deadline;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            tick();
            String local = localName == null || localName.isEmpty() ? stripPrefix(qName) : localName;
            if (XINCLUDE_2001.equals(uri) || XINCLUDE_2003.equals(uri)) {
                throw refused("XInclude (" + qName + ") is not allowed");
            }
            if (local.equalsIgnoreCase("STREAM")) {
                for (int i = 0; i < atts.getLength(); i++) {
                    String att = atts.getLocalName(i) == null || atts.getLocalName(i).isEmpty()
                            ? stripPrefix(atts.getQName(i)) : atts.getLocalName(i);
                    String value = atts.getValue(i);
                    if (att.equalsIgnoreCase("href")) {
                        throw refused("STREAM href is not allowed (the service reads no files or URLs named in an"
                                + " upload); put the data inline as TABLEDATA or a base64 BINARY/BINARY2 STREAM");
                    }
                    if (att.equalsIgnoreCase("encoding") && !value.isBlank()
                            && !value.trim().toLowerCase(Locale.ROOT).equals("base64")) {
                        throw refused("STREAM encoding=\"" + value + "\" is not allowed; only base64");
                    }
                }
            }
            forward().startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            tick();
            forward().endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            tick();
            forward().characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            tick();
            forward().ignorableWhitespace(ch, start, length);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            throw refused("the entity reference &" + name + "; is not allowed");
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            forward().setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            forward().startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            forward().endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            forward().startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            forward().endPrefixMapping(prefix);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            tick();
            forward().processingInstruction(target, data);
        }

        private ContentHandler forward() {
            return next != null ? next : NOTHING;
        }

        private void tick() throws SAXException {
            if ((++events & 0xff) == 0) { // the clock is cheap, but not free
                try {
                    deadline.check(what);
                } catch (UploadRefusedException e) {
                    throw new SAXException(e);
                }
            }
        }

        private SAXException refused(String reason) {
            return new SAXException(new UploadRefusedException(what + ": " + reason));
        }

        private static String stripPrefix(String qName) {
            int colon = qName == null ? -1 : qName.indexOf(':');
            return qName == null ? "" : qName.substring(colon + 1);
        }
    }

    private static final ContentHandler NOTHING = new org.xml.sax.helpers.DefaultHandler();
}
