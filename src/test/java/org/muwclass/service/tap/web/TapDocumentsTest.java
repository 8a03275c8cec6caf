package org.muwclass.service.tap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.tables.TableFormat;
import org.muwclass.service.tap.query.ResultWriter;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;
import org.muwclass.tables.XmlText;
import org.muwclass.testsupport.XmlSchemas;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The VOSI and DALI documents validate against the IVOA schemas; every published example runs. */
class TapDocumentsTest {

    private static TapFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = TapFixture.h2();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    /** Validates against several schemas at once, so xsi:type from other namespaces resolves. */
    private static void validate(String xml, String... xsds) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(XmlSchemas.resolver());
        Source[] sources = new Source[xsds.length];
        for (int i = 0; i < xsds.length; i++) {
            URL u = TapDocumentsTest.class.getResource("/xsd/" + xsds[i]);
            sources[i] = new StreamSource(u.openStream(), u.toString());
        }
        Validator v = f.newSchema(sources).newValidator();
        v.setResourceResolver(XmlSchemas.resolver());
        v.validate(new StreamSource(new StringReader(xml)));
    }

    private static ServiceConfig config() {
        return new ServiceConfig(Path.of("/tmp"), "jdbc:h2:mem:x", "sa", "", Optional.empty(), 10_000, 1_000_000,
                64L << 20, 1, 10, 100, 1000, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
    }

    @Test
    void capabilitiesValidateWithTapRegExt() throws Exception {
        String xml = CapabilitiesDocument.render("http://127.0.0.1:8080/tap", config());
        validate(xml, "VOSICapabilities-v1.0.xsd", "TAPRegExt-v1.0-Erratum1.xsd", "VODataService-v1.1.xsd");
        assertTrue(xml.contains("<outputLimit><default unit=\"row\">10000</default><hard unit=\"row\">1000000</hard>"));
        assertTrue(xml.contains("<form>CONTAINS</form>"));
        assertTrue(xml.contains("<accessURL use=\"full\">http://127.0.0.1:8080/tap/examples</accessURL>"));
        // every declared UDF, and nothing else, under features-udf (the checker accepts exactly these)
        String udf = xml.substring(xml.indexOf("TAPRegExt#features-udf"), xml.indexOf("</languageFeatures>",
                xml.indexOf("TAPRegExt#features-udf")));
        assertTrue(udf.contains("<feature><form>ivo_healpix_index(hpxOrder INTEGER, ra DOUBLE, dec DOUBLE) -&gt; BIGINT"
                + "</form><description>"), udf);
        assertTrue(udf.contains("<feature><form>ivo_healpix_center(hpxOrder INTEGER, ipix BIGINT) -&gt; POINT</form>"
                + "<description>Centre of the HEALPix cell ipix"), udf);
        for (String name : List.of("ivo_hasword(", "ivo_nocasematch(", "ivo_string_agg(")) {
            assertTrue(udf.contains("<form>" + name), name);
        }
        assertTrue(udf.split("<feature>").length - 1 == org.muwclass.service.tap.adql.AdqlCompiler.DECLARED_UDFS.size());
    }

    @Test
    void capabilitiesDeclareEveryEnforcedLimit() throws Exception {
        String xml = CapabilitiesDocument.render("http://127.0.0.1:8080/tap", config());
        // config(): MAXREC 10000/1000000, upload 64 MiB, duration 1 h/1 d, destruction 7 d
        assertTrue(xml.contains("<retentionPeriod><default>604800</default><hard>604800</hard></retentionPeriod>"), xml);
        assertTrue(xml.contains("<executionDuration><default>3600</default><hard>86400</hard></executionDuration>"),
                xml);
        assertTrue(xml.contains("<outputLimit><default unit=\"row\">10000</default><hard unit=\"row\">1000000</hard>"
                + "</outputLimit>"), xml);
        assertTrue(xml.contains("<uploadLimit><default unit=\"byte\">67108864</default>"
                + "<hard unit=\"byte\">67108864</hard></uploadLimit>"), xml);
        // TAPRegExt's order: retentionPeriod, executionDuration, outputLimit, uploadLimit (the XSD checks it too)
        assertTrue(xml.indexOf("<retentionPeriod>") < xml.indexOf("<executionDuration>")
                && xml.indexOf("<executionDuration>") < xml.indexOf("<outputLimit>")
                && xml.indexOf("<outputLimit>") < xml.indexOf("<uploadLimit>"), xml);
    }

    @Test
    void tablesDetailMinListsNamesAndDescriptionsOnly() throws Exception {
        String min = TablesDocument.tableset(fx.published, false);
        XmlSchemas.validate("http://www.ivoa.net/xml/VOSITables/v1.0", min);
        assertFalse(min.contains("<column"), min);
        assertFalse(min.contains("<foreignKey"), min);
        for (var t : fx.published.tables()) {
            assertTrue(min.contains("<name>" + t.name() + "</name>"), t.name() + " listed: " + min);
            assertTrue(min.contains("<description>" + XmlText.escape(t.description()) + "</description>"),
                    t.name() + " described");
        }
        assertFalse(TablesDocument.withColumns("min"));
        assertTrue(TablesDocument.withColumns("max"));
        assertTrue(TablesDocument.withColumns(null));
        assertThrows(IllegalArgumentException.class, () -> TablesDocument.withColumns("full"));
        String max = TablesDocument.tableset(fx.published, true);
        assertTrue(max.contains("<column") && max.length() > 5 * min.length(), "the default has the columns");
    }

    @Test
    void capabilitiesWithLoginsValidateAndKeepAnonymousAccess() throws Exception {
        String xml = CapabilitiesDocument.render("https://vo.example.org/tap", config(),
                List.of(CapabilitiesDocument.BASIC_AA, CapabilitiesDocument.TOKEN));
        validate(xml, "VOSICapabilities-v1.0.xsd", "TAPRegExt-v1.0-Erratum1.xsd", "VODataService-v1.1.xsd");
        assertTrue(xml.contains("<accessURL use=\"base\">https://vo.example.org/tap</accessURL>\n"
                + "   <securityMethod/>\n   <securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/>\n"
                + "   <securityMethod standardID=\"ivo://ivoa.net/sso#token\"/>\n  </interface>"), xml);
        assertFalse(CapabilitiesDocument.render("https://vo.example.org/tap", config()).contains("securityMethod"),
                "anonymous only: no securityMethod");
    }

    @Test
    void tablesValidateAgainstVosiTables() throws Exception {
        XmlSchemas.validate("http://www.ivoa.net/xml/VOSITables/v1.0", TablesDocument.tableset(fx.published, true));
        XmlSchemas.validate("http://www.ivoa.net/xml/VOSITables/v1.0", TablesDocument.tableset(fx.published, false));
        XmlSchemas.validate("http://www.ivoa.net/xml/VOSITables/v1.0",
                TablesDocument.table(fx.published.table("muwclass.classified_sources").orElseThrow()));
    }

    @Test
    void resultAndErrorDocumentsValidateAgainstVoTable14() throws Exception {
        String ns = "http://www.ivoa.net/xml/VOTable/v1.3";
        XmlSchemas.validate(ns, ResultWriter.errorDocument("ADQL error: Unknown column \"x\" at line 1, column 8"));
        for (TableFormat f : List.of(TableFormat.VOTABLE, TableFormat.VOTABLE_TABLEDATA)) {
            try (TapQueryRunner.Result r = fx.runner().run(new TapRequest(
                    "SELECT name, ra, dec, true_class FROM muwclass.training_set", f, 5, List.of()),
                    TapQueryRunner.UploadSource.NONE)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                r.writeTo(out);
                XmlSchemas.validate(ns, out.toString(StandardCharsets.UTF_8));
                assertTrue(r.overflowed());
            }
        }
    }

    @Test
    void ecsvResultsCarryTypesUnitsAndRows() throws Exception {
        assertEquals(TableFormat.ECSV, TableFormat.parse("ecsv").orElseThrow());
        assertEquals(TableFormat.ECSV, TableFormat.parse("text/x-ecsv").orElseThrow());
        String caps = CapabilitiesDocument.render("http://127.0.0.1:8080/tap", config());
        assertTrue(caps.contains("<outputFormat>\n   <mime>text/x-ecsv</mime>\n   <alias>ecsv</alias>\n  </outputFormat>"),
                caps);
        try (TapQueryRunner.Result r = fx.runner().run(new TapRequest(
                "SELECT TOP 3 name, ra, flux_b FROM muwclass.training_set ORDER BY name", TableFormat.ECSV, 2,
                List.of()), TapQueryRunner.UploadSource.NONE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.writeTo(out);
            String ecsv = out.toString(StandardCharsets.UTF_8);
            assertTrue(ecsv.startsWith("# %ECSV 1.0\n"), ecsv);
            assertTrue(ecsv.contains("#   name: ra\n#   datatype: float64\n#   unit: deg\n"), ecsv);
            assertTrue(ecsv.contains("#   name: flux_b\n#   datatype: float64\n#   unit: mW.m-2\n"), ecsv);
            assertTrue(ecsv.contains("#     ucd: phot.flux;em.X-ray\n"), ecsv);
            List<String> rows = ecsv.lines().filter(l -> !l.startsWith("#")).toList();
            assertEquals(3, rows.size(), "header line and MAXREC=2 rows: " + ecsv);
            assertEquals("name ra flux_b", rows.get(0));
            assertTrue(r.overflowed(), "3 rows asked, 2 allowed");
        }
    }

    @Test
    void examplesAreXhtmlAndEveryQueryRuns() throws Exception {
        String xhtml = TapExamples.render("MUWCLASS-VO");
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        NodeList pres = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "pre");
        assertEquals(TapExamples.all().size(), pres.getLength());
        assertTrue(pres.getLength() >= 8);
        for (TapExamples.Example e : TapExamples.all()) {
            try (TapQueryRunner.Result r = fx.runner().run(new TapRequest(e.query(), TableFormat.VOTABLE, 100,
                    List.of()), TapQueryRunner.UploadSource.NONE)) {
                r.writeTo(new ByteArrayOutputStream());
            }
        }
    }
}
