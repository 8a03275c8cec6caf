package org.muwclass.service.tap.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data request body (RFC 7578) read in one pass: text fields become parameters, parts with a file
 * name (and any part larger than {@value #FIELD_LIMIT} bytes) are spooled to temporary files so an upload is never
 * held in memory. The whole body is limited in size. Parsed here rather than by the container because JAX-RS runs
 * as a servlet filter, where the Servlet multipart API is not configured.
 */
public final class MultipartForm implements AutoCloseable {

    static final int FIELD_LIMIT = 64 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();

    private MultipartForm() {
    }

    /**
     * @param contentType the request's Content-Type (must carry the boundary)
     * @param limitBytes  largest accepted body
     * @param tmpDir      where file parts are spooled
     * @throws IOException with a message for the client when the body is malformed or too large
     */
    public static MultipartForm parse(InputStream body, String contentType, long limitBytes, Path tmpDir)
            throws IOException {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new IOException("multipart/form-data request without a boundary");
        }
        byte[] delimiter = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        MultipartForm form = new MultipartForm();
        try {
            form.read(new BufferedInputStream(body, 65536), delimiter, limitBytes, tmpDir);
        } catch (IOException | RuntimeException e) {
            form.close();
            throw e;
        }
        return form;
    }

    private void read(InputStream in, byte[] delimiter, long limit, Path tmpDir) throws IOException {
        DelimitedReader matcher = new DelimitedReader(new CountingStream(in, limit), delimiter);
        matcher.skipPreamble();
        while (true) {
            // after a delimiter: "--" ends the body, CRLF starts a part
            int a = matcher.readRaw();
            int b = matcher.readRaw();
            if (a == '-' && b == '-') {
                return;
            }
            if (a != '\r' || b != '\n') {
                throw new IOException("Malformed multipart body");
            }
            Map<String, String> headers = readHeaders(matcher);
            String disposition = headers.getOrDefault("content-disposition", "");
            Matcher nm = NAME.matcher(disposition);
            if (!nm.find()) {
                throw new IOException("Multipart part without a name in Content-Disposition");
            }
            String name = nm.group(1);
            boolean isFile = FILENAME.matcher(disposition).find();
            ByteArrayOutputStream small = new ByteArrayOutputStream();
            OutputStream target = small;
            Path file = null;
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = matcher.readPart(buf)) > 0) {
                    if (file == null && (isFile || small.size() + n > FIELD_LIMIT)) {
                        file = Files.createTempFile(tmpDir, "upload-", ".part");
                        OutputStream fo = Files.newOutputStream(file);
                        small.writeTo(fo);
                        target = fo;
                    }
                    target.write(buf, 0, n);
                }
            } finally {
                if (target != small) {
                    target.close();
                }
            }
            if (file != null) {
                Path old = files.put(name, file);
                if (old != null) {
                    Files.deleteIfExists(old);
                }
            } else {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(small.toString(StandardCharsets.UTF_8));
                if (isFile) {
                    files.put(name, null);
                }
            }
        }
    }

    private static Map<String, String> readHeaders(DelimitedReader in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.readRaw()) != '\n') {
                if (c < 0) {
                    throw new IOException("Truncated multipart body");
                }
                if (c != '\r') {
                    line.write(c);
                }
                if (line.size() > 8192) {
                    throw new IOException("Multipart header line too long");
                }
            }
            String s = line.toString(StandardCharsets.UTF_8);
            if (s.isEmpty()) {
                return headers;
            }
            int colon = s.indexOf(':');
            if (colon > 0) {
                headers.put(s.substring(0, colon).trim().toLowerCase(Locale.ROOT), s.substring(colon + 1).trim());
            }
        }
    }

    /** Text parameters (name as sent, values in order). */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** The content of a part by name, spooled or in memory; null when there is no such part. */
    public InputStream open(String part) throws IOException {
        Path p = files.get(part);
        if (p != null) {
            return Files.newInputStream(p);
        }
        List<String> v = fields.get(part);
        return v == null || v.isEmpty() ? null : new ByteArrayInputStream(v.get(0).getBytes(StandardCharsets.UTF_8));
    }

    /** Copies a part to a file (for jobs that outlive the request); false when there is no such part. */
    public boolean copyPart(String part, Path target) throws IOException {
        try (InputStream in = open(part)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /** Deletes the spooled files. */
    @Override
    public void close() {
        for (Path p : files.values()) {
            try {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // temp files are in the service's tmp dir; nothing else to do
            }
        }
        files.clear();
    }

    /** Counts bytes from the client and fails beyond the limit. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++count > limit) {
                throw tooLarge();
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > limit) {
                throw tooLarge();
            }
            return n;
        }

        private IOException tooLarge() {
            return new IOException("The request body is larger than the limit of " + limit + " bytes");
        }
    }

    /** Reads bytes while looking for the delimiter; a failed partial match is pushed back. */
    private static final class DelimitedReader {
        private final java.io.PushbackInputStream in;
        private final byte[] delimiter;

        DelimitedReader(InputStream in, byte[] delimiter) throws IOException {
            this.in = new java.io.PushbackInputStream(in, delimiter.length + 2);
            this.delimiter = delimiter;
            this.in.unread(new byte[]{'\r', '\n'}); // the first boundary has no CRLF in front
        }

        int readRaw() throws IOException {
            return in.read();
        }

        /** Skips everything up to and including the first delimiter. */
        void skipPreamble() throws IOException {
            byte[] buf = new byte[8192];
            while (readPart(buf) > 0) {
                // discard the preamble
            }
        }

        /** Reads part content into buf; returns 0 when the delimiter is reached (it is consumed). */
        int readPart(byte[] buf) throws IOException {
            int n = 0;
            byte[] look = new byte[delimiter.length];
            while (n < buf.length) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("Truncated multipart body");
                }
                if (c != (delimiter[0] & 0xff)) {
                    buf[n++] = (byte) c;
                    continue;
                }
                look[0] = (byte) c;
                int k = 1;
                boolean matched = true;
                while (k < delimiter.length) {
                    int d = in.read();
                    if (d < 0) {
                        throw new IOException("Truncated multipart body");
                    }
                    look[k++] = (byte) d;
                    if (d != (delimiter[k - 1] & 0xff)) {
                        matched = false;
                        break;
                    }
                }
                if (matched) {
                    if (n > 0) {
                        in.unread(look, 0, k); // report the delimiter on the next call
                        return n;
                    }
                    return 0;
                }
                buf[n++] = look[0];
                in.unread(look, 1, k - 1);
            }
            return n;
        }
    }
}
