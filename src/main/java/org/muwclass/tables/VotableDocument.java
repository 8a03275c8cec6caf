package org.muwclass.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.StringElementSizer;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOSerializerConfig;
import uk.ac.starlink.votable.VOStarTable;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * Writes one VOTable 1.4 result document (DALI §5.4.1), streaming the rows:
 * <pre>
 * VOTABLE
 *   RESOURCE type="results"
 *     INFO QUERY_STATUS=OK, then one INFO per fact (query, provenance)
 *     TABLE (FIELDs, the DataLink identifier FIELD with an ID, DATA)
 *     INFO QUERY_STATUS=OVERFLOW   when the rows were cut short
 *   RESOURCE type="meta" utype="adhoc:service"   the DataLink service descriptor, if any
 * </pre>
 * Used for TAP results and classification results alike; also writes the DALI error document.
 */
public final class VotableDocument {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://www.ivoa.net/xml/VOTable/v1.3 http://www.ivoa.net/xml/VOTable/v1.3\">\n";

    private VotableDocument() {
    }

    /**
     * Writes the document to {@code out} (flushed, not closed), reading the rows once.
     *
     * @param overflowed asked after the rows are written: true adds the OVERFLOW trailer
     */
    public static void write(StarTable table, DataFormat data, TableAnnotations annotations,
                             BooleanSupplier overflowed, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(HEAD);
        w.write("<RESOURCE type=\"results\">\n");
        w.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        for (Map.Entry<String, String> e : annotations.infos().entrySet()) {
            w.write("<INFO" + VOSerializer.formatAttribute("name", e.getKey())
                    + VOSerializer.formatAttribute("value", e.getValue()) + "/>\n");
        }
        Map<Integer, String> ids = annotations.fieldIds();
        StarTable shown = ids.isEmpty() ? table : withFieldIds(table, ids);
        // NOCALC: a streamed cursor can be read only once, so there is no pass to size string arrays
        VOSerializer ser = VOSerializer.makeSerializer(new VOSerializerConfig(data, VOTableVersion.V14,
                StringElementSizer.NOCALC, false), shown);
        ser.writeInlineTableElement(w);
        if (overflowed.getAsBoolean()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        w.write("</RESOURCE>\n");
        if (annotations.descriptor().isPresent()) {
            w.write(annotations.descriptor().get().toXml());
        }
        w.write("</VOTABLE>\n");
        w.flush();
    }

    /** The DALI error document: QUERY_STATUS=ERROR with the message. */
    public static String errorDocument(String message) {
        return HEAD + "<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                + VOSerializer.formatText(message == null ? "Unknown error" : message) + "</INFO>\n"
                + "</RESOURCE>\n</VOTABLE>\n";
    }

    /** The table with an XML ID on some FIELDs (what a descriptor's PARAM ref points at); rows pass through. */
    private static StarTable withFieldIds(StarTable table, Map<Integer, String> ids) {
        return new WrapperStarTable(table) {
            @Override
            public ColumnInfo getColumnInfo(int icol) {
                ColumnInfo base = super.getColumnInfo(icol);
                String id = ids.get(icol);
                if (id == null) {
                    return base;
                }
                ColumnInfo info = new ColumnInfo(base);
                info.setAuxDatum(new DescribedValue(VOStarTable.ID_INFO, id));
                return info;
            }
        };
    }
}
