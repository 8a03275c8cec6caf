package org.muwclass.service.tap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.meta.ServiceDescription;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.testsupport.XmlSchemas;
import org.xml.sax.SAXException;

/** The VOResource record: XSD-valid as a RegistryInterface Resource, built from vo-config and the VOSI documents. */
class RegistryRecordTest {

    private static final String RI = "http://www.ivoa.net/xml/RegistryInterface/v1.0";
    private static final String VS = "http://www.ivoa.net/xml/VODataService/v1.1";
    private static final String TR = "http://www.ivoa.net/xml/TAPRegExt/v1.0";
    private static final String TAP = "https://vo.example.org/tap";

    private static TapFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = TapFixture.h2();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static ServiceConfig config() {
        return new ServiceConfig(Path.of("/tmp"), "jdbc:h2:mem:x", "sa", "", Optional.empty(), 10_000, 1_000_000,
                64L << 20, 1, 10, 100, 1000, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
    }

    private static String record(ServiceDescription svc) {
        return RegistryRecord.render(svc, CapabilitiesDocument.render(TAP, config()),
                TablesDocument.tableset(fx.published, true), Instant.parse("2026-12-07T19:00:00.123Z"));
    }

    @Test
    void recordFromTheShippedVoConfigIsValid() throws Exception {
        ServiceDescription svc = VoConfigReader.fromDirectory(Path.of("vo-config")).read().service();
        String xml = record(svc);
        XmlSchemas.validateAll(xml, RI, VS, TR);
        assertTrue(xml.contains("<ri:Resource xmlns:ri=\"" + RI + "\""), xml);
        assertTrue(xml.contains(" xsi:type=\"vs:CatalogService\" created=\"2026-11-25T00:00:00Z\""
                + " updated=\"2026-12-07T19:00:00Z\" status=\"active\">"), xml);
        assertTrue(xml.contains("<identifier>ivo://muwclass-vo.invalid/tap</identifier>"), xml);
        assertTrue(xml.contains("<shortName>MUWCLASS-VO</shortName>"), xml);
        assertTrue(xml.contains("<creator><name>Yang, H.</name></creator>"), "one creator per name: " + xml);
        assertTrue(xml.contains("<subject>X-ray sources</subject>"), xml);
        assertTrue(xml.contains("<referenceURL>https://doi.org/10.3847/1538-4357/ac952b</referenceURL>"), xml);
        assertTrue(xml.contains("<version>0.1.0</version>"), xml);
    }

    @Test
    void capabilitiesAndTablesAreTheServedOnes() throws Exception {
        String xml = record(VoConfigReader.fromDirectory(Path.of("vo-config")).read().service());
        String caps = CapabilitiesDocument.render(TAP, config());
        assertTrue(xml.contains(RegistryRecord.children(caps, "vosi:capabilities")), "every capability, verbatim");
        assertTrue(xml.contains(" <capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">"),
                xml);
        assertTrue(xml.contains("<accessURL use=\"base\">" + TAP + "</accessURL>"), xml);
        assertTrue(xml.contains("<uploadLimit>"), "TAPRegExt limits included");
        assertTrue(xml.contains(" <tableset>\n <schema>\n  <name>muwclass</name>"), xml);
        assertEquals(count(TablesDocument.tableset(fx.published, true), "<column"), count(xml, "<column"),
                "every column");
    }

    @Test
    void minimalDescriptionIsValidToo() throws Exception {
        ServiceDescription bare = new ServiceDescription("A title", "short", "What it does.", "Someone", "", "",
                "", "https://example.org/", "1", "ivo://example.org/tap", List.of("Astrostatistics"),
                "2026-01-01T00:00:00Z");
        XmlSchemas.validateAll(record(bare), RI, VS, TR);
        ServiceDescription noSubject = new ServiceDescription("A title", "short", "What it does.", "Someone", "", "",
                "", "https://example.org/", "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> record(noSubject));
        assertTrue(e.getMessage().contains("service.subjects"), e.getMessage());
    }

    @Test
    void theValidatorCatchesABrokenRecord() {
        String broken = record(VoConfigReader.fromDirectory(Path.of("vo-config")).read().service())
                .replace("<identifier>ivo://muwclass-vo.invalid/tap</identifier>", "");
        assertThrows(SAXException.class, () -> XmlSchemas.validateAll(broken, RI, VS, TR));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
