package org.muwclass.service.tap.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.tables.TableFormat;
import org.muwclass.testsupport.XmlSchemas;

/** TAP results whose rows have DataLink links carry the DataLink 1.1 service descriptor; others are unchanged. */
class DataLinkDescriptorTest {

    private static final String LINKS = "https://example.org/vo/datalink/links";
    private static TapFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = TapFixture.h2();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static String run(String adql, TableFormat format, String linksUrl) throws Exception {
        TapQueryRunner runner = new TapQueryRunner(fx.database, fx::tables, 10_000_000L, "test", linksUrl);
        try (TapQueryRunner.Result r = runner.run(new TapRequest(adql, format, 3, List.of()),
                TapQueryRunner.UploadSource.NONE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String descriptor(String... inputs) {
        return "</RESOURCE>\n<RESOURCE type=\"meta\" utype=\"adhoc:service\">\n"
                + "<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\""
                + " value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n"
                + "<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" value=\"" + LINKS + "\"/>\n"
                + "<GROUP name=\"inputParams\">\n" + String.join("", inputs) + "</GROUP>\n</RESOURCE>\n</VOTABLE>\n";
    }

    private static final String ID = "<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\""
            + " value=\"\" ref=\"datalink_id\"/>\n";

    @Test
    void trainingSourceNamesGetTheDescriptor() throws Exception {
        for (TableFormat f : List.of(TableFormat.VOTABLE, TableFormat.VOTABLE_TABLEDATA)) {
            String xml = run("SELECT name, ra FROM muwclass.training_set ORDER BY name", f, LINKS);
            XmlSchemas.validate("http://www.ivoa.net/xml/VOTable/v1.3", xml);
            assertTrue(xml.contains("<FIELD ID=\"datalink_id\" arraysize=\"*\" datatype=\"char\" name=\"name\""), xml);
            assertTrue(xml.endsWith("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n" + descriptor(ID)), xml);
        }
        String aliased = run("SELECT t.ra, t.name AS src FROM muwclass.training_set AS t", TableFormat.VOTABLE_TABLEDATA,
                LINKS);
        assertTrue(aliased.contains("<FIELD ID=\"datalink_id\" arraysize=\"*\" datatype=\"char\" name=\"src\""),
                "a renamed column still identifies the source");
    }

    @Test
    void classifiedSourcesNeedTheirRun() throws Exception {
        String both = run("SELECT run_id, name FROM muwclass.classified_sources", TableFormat.VOTABLE_TABLEDATA, LINKS);
        XmlSchemas.validate("http://www.ivoa.net/xml/VOTable/v1.3", both);
        assertTrue(both.endsWith(descriptor(ID, "<PARAM name=\"RUN_ID\" datatype=\"char\" arraysize=\"*\""
                + " ucd=\"meta.id\" value=\"\" ref=\"datalink_run_id\"/>\n")), both);
        assertTrue(both.contains("<FIELD ID=\"datalink_run_id\""), both);
        assertFalse(run("SELECT name FROM muwclass.classified_sources", TableFormat.VOTABLE, LINKS)
                .contains("adhoc:service"), "a name without its run cannot be resolved");
    }

    @Test
    void otherResultsAndFormatsAreUnchanged() throws Exception {
        String noId = "SELECT TOP 2 ra, dec, true_class FROM muwclass.training_set ORDER BY ra";
        assertEquals(run(noId, TableFormat.VOTABLE_TABLEDATA, null), run(noId, TableFormat.VOTABLE_TABLEDATA, LINKS));
        assertFalse(run(noId, TableFormat.VOTABLE_TABLEDATA, LINKS).contains(" ID=\""));
        String withId = "SELECT TOP 2 name, ra FROM muwclass.training_set ORDER BY name";
        assertFalse(run(withId, TableFormat.VOTABLE, null).contains("adhoc:service"), "no links URL: no descriptor");
        for (TableFormat f : List.of(TableFormat.CSV, TableFormat.TSV, TableFormat.ECSV)) {
            String text = run(withId, f, LINKS);
            assertEquals(run(withId, f, null), text);
            assertFalse(text.startsWith("#") && f != TableFormat.ECSV, "TAP CSV/TSV carry no comment header");
        }
        assertTrue(run(withId, TableFormat.CSV, LINKS).startsWith("name,ra\n"));
    }
}
