package org.muwclass.testsupport;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Validates XML documents against the IVOA schemas in src/test/resources/xsd, resolving their remote imports to the
 * local copies (tests run offline).
 */
public final class XmlSchemas {

    private static final Map<String, String> LOCAL = Map.ofEntries(
            Map.entry("http://www.ivoa.net/xml/UWS/v1.0", "UWS-v1.1.xsd"),
            Map.entry("http://www.ivoa.net/xml/VOSIAvailability/v1.0", "VOSIAvailability-v1.0.xsd"),
            Map.entry("http://www.ivoa.net/xml/VOSICapabilities/v1.0", "VOSICapabilities-v1.0.xsd"),
            Map.entry("http://www.ivoa.net/xml/VOSITables/v1.0", "VOSITables-v1.1.xsd"),
            Map.entry("http://www.ivoa.net/xml/VODataService/v1.1", "VODataService-v1.1.xsd"),
            Map.entry("http://www.ivoa.net/xml/VOResource/v1.0", "VOResource-v1.1.xsd"),
            Map.entry("http://www.ivoa.net/xml/TAPRegExt/v1.0", "TAPRegExt-v1.0-Erratum1.xsd"),
            // RegistryInterface 1.0 (CC0, IVOA) as shipped in Debian's python3-gavo (gavo/resources/schemata)
            Map.entry("http://www.ivoa.net/xml/RegistryInterface/v1.0", "RegistryInterface-v1.0.xsd"),
            Map.entry("http://www.ivoa.net/xml/VOTable/v1.3", "VOTable1.4.xsd"),
            Map.entry("http://www.ivoa.net/xml/STC/stc-v1.30.xsd", "stc-v1.30.xsd"),
            Map.entry("http://www.w3.org/1999/xlink", "xlink.xsd"),
            Map.entry("http://www.w3.org/XML/1998/namespace", "xmlnamespace.xsd"));

    private XmlSchemas() {
    }

    /** The schema of {@code namespace}, with all imports resolved locally. */
    public static Schema forNamespace(String namespace) {
        String file = LOCAL.get(namespace);
        if (file == null) {
            throw new IllegalArgumentException("No local schema for namespace " + namespace);
        }
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setResourceResolver(new LocalResolver());
            URL url = XmlSchemas.class.getResource("/xsd/" + file);
            return f.newSchema(url);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load schema " + file, e);
        }
    }

    /**
     * Validates {@code xml} against the schema of {@code namespace}.
     *
     * @throws org.xml.sax.SAXException describing the first violation
     */
    public static void validate(String namespace, String xml) throws Exception {
        Validator v = forNamespace(namespace).newValidator();
        v.setResourceResolver(new LocalResolver());
        v.validate(new StreamSource(new java.io.StringReader(xml)));
    }

    /**
     * Validates {@code xml} against the schemas of several namespaces at once, so that {@code xsi:type}s from
     * extension schemas (VODataService, TAPRegExt) resolve.
     *
     * @throws org.xml.sax.SAXException describing the first violation
     */
    public static void validateAll(String xml, String... namespaces) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(new LocalResolver());
        javax.xml.transform.Source[] sources = new javax.xml.transform.Source[namespaces.length];
        for (int i = 0; i < namespaces.length; i++) {
            String file = LOCAL.get(namespaces[i]);
            if (file == null) {
                throw new IllegalArgumentException("No local schema for namespace " + namespaces[i]);
            }
            URL url = XmlSchemas.class.getResource("/xsd/" + file);
            sources[i] = new StreamSource(url.openStream(), url.toString());
        }
        Validator v = f.newSchema(sources).newValidator();
        v.setResourceResolver(new LocalResolver());
        v.validate(new StreamSource(new java.io.StringReader(xml)));
    }

    /** Resolves IVOA schema imports to the local copies in src/test/resources/xsd. */
    public static LSResourceResolver resolver() {
        return new LocalResolver();
    }

    private static final class LocalResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                                       String baseURI) {
            String file = namespaceURI == null ? null : LOCAL.get(namespaceURI);
            if (file == null && systemId != null) {
                for (String f : LOCAL.values()) {
                    if (systemId.endsWith(f) || systemId.endsWith("/" + f.replace("-v1.1", "-v1.0"))) {
                        file = f;
                    }
                }
                if (systemId.endsWith("xml.xsd")) {
                    file = "xmlnamespace.xsd";
                }
            }
            if (file == null) {
                return null;
            }
            return new Input(publicId, systemId, baseURI, XmlSchemas.class.getResourceAsStream("/xsd/" + file));
        }
    }

    private record Input(String publicId, String systemId, String baseURI, InputStream byteStream)
            implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream b) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String p) { }
        @Override public String getBaseURI() { return baseURI; }
        @Override public void setBaseURI(String b) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String e) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean c) { }
    }
}
