package org.muwclass.service.tap.query;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.muwclass.tables.TableAnnotations;
import org.muwclass.tables.TableDocuments;
import org.muwclass.tables.TableFormat;
import org.muwclass.tables.VotableDocument;

/**
 * Writes query results and DALI error documents. VOTable output is a DALI result document ({@link VotableDocument}):
 * {@code RESOURCE type="results"} with {@code INFO name="QUERY_STATUS" value="OK"} before the table, {@code
 * value="OVERFLOW"} after it when MAXREC cut the result short, and the DataLink service descriptor when the rows have
 * links. The other formats carry the rows only (no comment header), as TAP clients expect.
 */
public final class ResultWriter {

    private ResultWriter() {
    }

    /**
     * Writes {@code table} to {@code out} (flushed, not closed), reading its rows once. {@code annotations} are the
     * VOTable's INFO elements (e.g. the query) and DataLink descriptor.
     */
    public static void write(ResultSetStarTable table, TableFormat format, TableAnnotations annotations,
                             OutputStream out) throws IOException {
        if (format.isVotable()) {
            VotableDocument.write(table, format.votableData(), annotations, table::overflowed, out);
        } else {
            TableDocuments.write(table, format, TableAnnotations.NONE, out);
        }
        out.flush();
    }

    /** The DALI error document: QUERY_STATUS=ERROR with the message. */
    public static void writeError(String message, OutputStream out) throws IOException {
        out.write(errorDocument(message).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public static String errorDocument(String message) {
        return VotableDocument.errorDocument(message);
    }

    /** INFO elements describing a query, in document order. */
    public static Map<String, String> queryInfos(String adql, String serviceVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("QUERY", adql);
        m.put("service_version", serviceVersion);
        return m;
    }
}
