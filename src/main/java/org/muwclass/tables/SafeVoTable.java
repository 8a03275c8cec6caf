package org.muwclass.tables;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import uk.ac.starlink.table.RowStore;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.TableContentHandler;
import uk.ac.starlink.votable.TableHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first TABLE of a VOTable with STIL's table handler behind {@link SafeXml}'s hardened parser and screen:
 * compressed input, DOCTYPEs, STREAM href and XInclude anywhere in the document are refused before STIL sees them,
 * and rows and time are capped while reading.
 */
public final class SafeVoTable {

    private SafeVoTable() {
    }

    /**
     * Streams the first table of {@code in} (not closed) into {@code sink}.
     *
     * @param what how refusals and errors name the document, e.g. "UPLOAD t"
     * @throws UploadRefusedException when the document is refused or over a limit
     * @throws TableFormatException   when it is not a VOTable with a TABLE
     * @throws IOException            when reading fails, or the sink fails
     */
    public static void stream(InputStream in, TableSink sink, ReadLimits limits, String what) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 65536);
        buffered.mark(Compression.MAGIC_BYTES);
        byte[] head = new byte[Compression.MAGIC_BYTES];
        int n = buffered.readNBytes(head, 0, head.length);
        buffered.reset();
        Compression.refuse(head, n, what);
        ReadLimits.Deadline deadline = limits.start();
        FirstTable handler = new FirstTable(new CappedSink(sink, limits, deadline, what));
        try {
            XMLReader reader = SafeXml.reader(what);
            reader.setContentHandler(new SafeXml.Screen(handler, what, deadline));
            reader.parse(new InputSource(buffered));
        } catch (SAXException | IOException | RuntimeException e) {
            UploadRefusedException refused = SafeXml.refusal(e, what);
            if (refused != null) {
                throw refused;
            }
            for (Throwable t = e; t != null; t = t.getCause() != t ? t.getCause() : null) {
                if (t instanceof SAXException s && s.getException() instanceof IOException io) {
                    throw io;
                }
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new TableFormatException(e.getMessage(), e);
        }
        if (!handler.started) {
            throw new TableFormatException("no TABLE element found");
        }
    }

    /** Reads the first table of {@code in} (not closed) into memory (or temporary disk for large tables). */
    public static StarTable read(InputStream in, ReadLimits limits, String what) throws IOException {
        RowStore store = StoragePolicy.getDefaultPolicy().makeRowStore();
        stream(in, store, limits, what);
        return store.getStarTable();
    }

    /** A sink that counts rows and watches the clock. */
    private record CappedSink(TableSink sink, ReadLimits limits, ReadLimits.Deadline deadline, String what,
                              long[] rows) implements TableSink {
        CappedSink(TableSink sink, ReadLimits limits, ReadLimits.Deadline deadline, String what) {
            this(sink, limits, deadline, what, new long[1]);
        }

        @Override
        public void acceptMetadata(StarTable meta) throws TableFormatException {
            sink.acceptMetadata(meta);
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            deadline.checkRows(what, ++rows[0]);
            if ((rows[0] & 0x3ff) == 0) {
                deadline.check(what);
            }
            sink.acceptRow(row);
        }

        @Override
        public void endRows() throws IOException {
            sink.endRows();
        }
    }

    /** STIL's VOTable handler, sending the first TABLE (and no other) to a sink; never reads href tables. */
    private static final class FirstTable extends TableContentHandler implements TableHandler {
        private final TableSink sink;
        private boolean started;
        private boolean done;

        FirstTable(TableSink sink) {
            super(false);
            this.sink = sink;
            setReadHrefTables(false);
            setTableHandler(this);
        }

        @Override
        public void startTable(StarTable meta) throws SAXException {
            if (started) {
                return;
            }
            started = true;
            try {
                sink.acceptMetadata(meta);
            } catch (IOException e) {
                throw new SAXException(e);
            }
        }

        @Override
        public void rowData(Object[] row) throws SAXException {
            if (done) {
                return;
            }
            try {
                sink.acceptRow(row);
            } catch (IOException e) {
                throw new SAXException(e);
            }
        }

        @Override
        public void endTable() throws SAXException {
            if (done) {
                return;
            }
            done = true;
            try {
                sink.endRows();
            } catch (IOException e) {
                throw new SAXException(e);
            }
            // the parse goes on to the end, so the screen sees the whole document (within the byte and time caps)
        }
    }
}
