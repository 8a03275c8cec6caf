package org.muwclass.service.uws.xml;

import java.io.InputStream;
import java.io.Reader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/** Loads the IVOA schemas in src/test/resources/xsd, resolving their remote imports to the local copies. */
public final class LocalSchemas {

    private static final Map<String, String> LOCAL = Map.of(
            "http://www.ivoa.net/xml/Xlink/xlink.xsd", "/xsd/xlink.xsd",
            "http://www.w3.org/1999/xlink.xsd", "/xsd/xlink.xsd",
            "http://www.w3.org/2001/xml.xsd", "/xsd/xmlnamespace.xsd");

    private LocalSchemas() {
    }

    public static Schema load(String resource) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(resolver());
        return f.newSchema(new StreamSource(LocalSchemas.class.getResource(resource).toExternalForm()));
    }

    private static LSResourceResolver resolver() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            String local = systemId == null ? null : LOCAL.get(systemId);
            if (local == null) {
                if (systemId != null && systemId.startsWith("http")) {
                    throw new IllegalStateException("Schema import not available offline: " + systemId);
                }
                return null;
            }
            return new Input(publicId, LocalSchemas.class.getResource(local).toExternalForm());
        };
    }

    private record Input(String publicId, String systemId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() {
            try {
                return new java.net.URL(systemId).openStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
