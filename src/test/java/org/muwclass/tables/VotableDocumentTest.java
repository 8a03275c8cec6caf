package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceClass;
import org.muwclass.testsupport.XmlSchemas;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;

/** The one VOTable document writer: QUERY_STATUS, facts, table, OVERFLOW and the DataLink service descriptor. */
class VotableDocumentTest {

    private static final String NS = "http://www.ivoa.net/xml/VOTable/v1.3";
    private static final StarTable TABLE = ClassificationTable.of(List.of(new ClassifiedSource("src & <one>", 10.5,
            -3.25, new double[] {0.9, 0.02, 0.02, 0.01, 0.02, 0.01, 0.01, 0.01}, null, null, null, null,
            SourceClass.AGN, 4.0, 0.1)));

    private static String write(TableAnnotations a, DataFormat data, boolean overflowed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VotableDocument.write(TABLE, data, a, () -> overflowed, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static TableAnnotations facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", "42");
        m.put("note", "quotes \" & <angle>");
        return TableAnnotations.of(m);
    }

    @Test
    void classificationResultWithDescriptorIsValidVoTable14() throws Exception {
        TableAnnotations a = facts().withDescriptor(
                ClassificationTable.dataLinkDescriptor("https://h/vo/datalink/links", "job 1&2"));
        for (DataFormat data : List.of(DataFormat.TABLEDATA, DataFormat.BINARY2)) {
            String xml = write(a, data, false);
            XmlSchemas.validate(NS, xml);
            assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\""), xml);
            assertTrue(xml.contains("<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n"
                    + "<INFO name=\"seed\" value=\"42\"/>\n<INFO name=\"note\" value='quotes \" &amp; &lt;angle&gt;'/>"
                    + "\n"), xml);
            assertTrue(xml.contains("<FIELD ID=\"datalink_id\" arraysize=\"*\" datatype=\"char\" name=\"name\""), xml);
            assertTrue(xml.endsWith("</RESOURCE>\n<RESOURCE type=\"meta\" utype=\"adhoc:service\">\n"
                    + "<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\""
                    + " value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>\n"
                    + "<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" value=\"https://h/vo/datalink/links\"/>\n"
                    + "<GROUP name=\"inputParams\">\n"
                    + "<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\" value=\"\""
                    + " ref=\"datalink_id\"/>\n"
                    + "<PARAM name=\"RUN_ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id\" value=\"job 1&amp;2\"/>\n"
                    + "</GROUP>\n</RESOURCE>\n</VOTABLE>\n"), xml);
            assertFalse(xml.contains("OVERFLOW"));
        }
    }

    @Test
    void overflowTrailerFollowsTheTable() throws Exception {
        String xml = write(TableAnnotations.NONE, DataFormat.TABLEDATA, true);
        XmlSchemas.validate(NS, xml);
        assertTrue(xml.endsWith("</TABLE>\n<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n</RESOURCE>\n</VOTABLE>\n"),
                xml);
        assertFalse(xml.contains(" ID=\""), "no descriptor, no FIELD IDs");
        assertEquals(1, xml.split("<TR>", -1).length - 1);
    }

    @Test
    void aDanglingRefIsCaughtByTheSchema() {
        // the descriptor's ref must name a FIELD ID in the document: here no column carries it
        ServiceDescriptor bad = new ServiceDescriptor(ServiceDescriptor.DATALINK_LINKS, "https://h/l", List.of(
                ServiceDescriptor.Input.constant("ID", "x", null)));
        String xml = bad.toXml().replace("value=\"x\"", "value=\"x\" ref=\"nowhere\"");
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> XmlSchemas.validate(NS,
                "<VOTABLE version=\"1.4\" xmlns=\"" + NS + "\">" + xml + "</VOTABLE>"));
    }
}
