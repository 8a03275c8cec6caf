package org.muwclass.service.tap.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.StringElementSizer;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOSerializerConfig;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * Writes query results (the DALI error document is {@code service.dali.DaliErrorDocument}). VOTable output is a DALI result document: {@code RESOURCE
 * type="results"} with {@code INFO name="QUERY_STATUS" value="OK"} before the table and {@code value="OVERFLOW"} after
 * it when MAXREC cut the result short.
 */
public final class ResultWriter {

    private static final String VOTABLE_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://www.ivoa.net/xml/VOTable/v1.3 http://www.ivoa.net/xml/VOTable/v1.3\">\n";

    private ResultWriter() {
    }

    /**
     * Writes {@code table} to {@code out} (not closed). {@code infos} are extra INFO elements (name to value) for the
     * VOTable header, e.g. the query.
     */
    public static void write(ResultSetStarTable table, ResponseFormat format, Map<String, String> infos,
                             OutputStream out) throws IOException {
        switch (format) {
            case VOTABLE, VOTABLE_TD -> writeVoTable(table, format == ResponseFormat.VOTABLE
                    ? DataFormat.BINARY2 : DataFormat.TABLEDATA, infos, out);
            case CSV -> new CsvTableWriter(true).writeStarTable(table, out);
            case TSV -> writeTsv(table, out);
            case FITS -> {
                // a FITS header needs the row count first: copy the (MAXREC-bounded) rows, to disk when large
                StarTable copy = StoragePolicy.PREFER_DISK.copyTable(table);
                new FitsTableWriter().writeStarTable(copy, out);
            }
            case ECSV -> EcsvTableWriter.SPACE_WRITER.writeStarTable(table, out); // one pass over the rows
            default -> throw new IllegalStateException(format.name());
        }
        out.flush();
    }

    private static void writeVoTable(ResultSetStarTable table, DataFormat dataFormat, Map<String, String> infos,
                                     OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(VOTABLE_HEAD);
        w.write("<RESOURCE type=\"results\">\n");
        w.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        for (Map.Entry<String, String> e : infos.entrySet()) {
            w.write("<INFO " + VOSerializer.formatAttribute("name", e.getKey())
                    + VOSerializer.formatAttribute("value", e.getValue()) + "/>\n");
        }
        // NOCALC: the cursor can be read only once, so no pass to size string arrays (there are none)
        VOSerializer ser = VOSerializer.makeSerializer(new VOSerializerConfig(dataFormat, VOTableVersion.V14,
                StringElementSizer.NOCALC, false), table);
        ser.writeInlineTableElement(w);
        if (table.overflowed()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        w.write("</RESOURCE>\n</VOTABLE>\n");
        w.flush();
    }

    private static void writeTsv(StarTable table, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int n = table.getColumnCount();
        for (int i = 0; i < n; i++) {
            w.write((i == 0 ? "" : "\t") + tsvCell(table.getColumnInfo(i).getName()));
        }
        w.write('\n');
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                for (int i = 0; i < n; i++) {
                    Object v = rows.getCell(i);
                    w.write((i == 0 ? "" : "\t") + (v == null ? "" : tsvCell(v.toString())));
                }
                w.write('\n');
            }
        }
        w.flush();
    }

    private static String tsvCell(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** INFO elements describing a query, in document order. */
    public static Map<String, String> queryInfos(String adql, String serviceVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("QUERY", adql);
        m.put("service_version", serviceVersion);
        return m;
    }
}
