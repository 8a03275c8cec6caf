package org.muwclass.tables;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import uk.ac.starlink.util.DataSource;

/**
 * A CSV/TSV file with its leading comment header (lines starting with '#', as {@link TableDocuments} writes
 * provenance) left out: STIL's CSV reader has no comment syntax. Only lines before the first other line are skipped.
 */
final class CommentHeaderSource extends DataSource {

    private final DataSource base;

    /** @param base the file; its compression setting is kept (read through its decompressing stream) */
    CommentHeaderSource(DataSource base) {
        this.base = base;
        setName(base.getName());
        setCompression(uk.ac.starlink.util.Compression.NONE); // base has inflated already where it may
    }

    @Override
    protected InputStream getRawInputStream() throws IOException {
        BufferedInputStream in = new BufferedInputStream(base.getInputStream());
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c != '#') {
                if (c >= 0) {
                    in.reset();
                }
                return in;
            }
            do {
                c = in.read();
            } while (c >= 0 && c != '\n');
        }
    }

    @Override
    public java.net.URL getURL() {
        return null;
    }

    @Override
    public long getRawLength() {
        return -1L; // unknown: the header is left out
    }
}
