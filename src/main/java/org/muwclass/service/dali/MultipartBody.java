package org.muwclass.service.dali;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muwclass.service.config.UploadSettings;

/**
 * Streaming multipart/form-data parser (RFC 7578) of {@link RequestBody}: file parts (those with a filename) go to
 * the staging directory, counted against the upload limit; other parts become parameters. Every count and size is
 * limited by {@link UploadSettings}.
 */
final class MultipartBody {
    private final InputStream in;
    private final byte[] delimiter;
    private final Path staging;
    private final long limit;
    private final UploadSettings settings;
    private final List<DaliParameters.Parameter> params;
    private final List<UploadedFile> files;
    private long fileBytes;
    private long fieldBytes;
    private int parts;

    MultipartBody(InputStream body, String boundary, Path staging, long limit, UploadSettings settings,
              List<DaliParameters.Parameter> params, List<UploadedFile> files) {
        // a virtual CRLF in front lets the first delimiter be matched like the others
        this.in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(new byte[]{'\r', '\n'}),
                new BufferedInputStream(body, 65536));
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.staging = staging;
        this.limit = limit;
        this.settings = settings;
        this.params = params;
        this.files = files;
    }

    void parse() throws IOException, BadRequestException, UploadTooLargeException {
        if (!copyUntilDelimiter(OutputStream.nullOutputStream(), settings.preambleBytes(),
                () -> new UploadTooLargeException("The multipart preamble before the first boundary is longer"
                        + " than " + settings.preambleBytes() + " bytes"
                        + " (muwclass.http.multipart.preamble.limit.bytes)"))) {
            throw new BadRequestException("Malformed multipart body: the boundary was not found");
        }
        while (true) {
            int a = in.read();
            int b = in.read();
            if (a == '-' && b == '-') {
                return;
            }
            while (a == ' ' || a == '\t') { // transport padding
                a = b;
                b = in.read();
            }
            if (a != '\r' || b != '\n') {
                throw new BadRequestException("Malformed multipart body after a boundary");
            }
            if (++parts > settings.multipartParts()) {
                throw new UploadTooLargeException("The multipart body has more than " + settings.multipartParts()
                        + " parts (muwclass.http.multipart.parts.limit)");
            }
            Map<String, String> headers = readHeaders();
            String disposition = headers.getOrDefault("content-disposition", "");
            String name = RequestBody.parameterOf(disposition, "name");
            String fileName = RequestBody.parameterOf(disposition, "filename");
            if (name == null) {
                throw new BadRequestException("Multipart part without a name in Content-Disposition");
            }
            if (fileName != null) {
                readFile(name, fileName, headers.get("content-type"));
            } else {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                long room = settings.formBytes() - fieldBytes;
                long max = Math.min(RequestBody.MAX_FIELD_BYTES, room);
                if (!copyUntilDelimiter(value, max, () -> max < RequestBody.MAX_FIELD_BYTES
                        ? new UploadTooLargeException("The form fields together are larger than the limit of "
                        + settings.formBytes() + " bytes (muwclass.http.form.limit.bytes); send large content as"
                        + " a multipart file part")
                        : new UploadTooLargeException("Form field '" + name + "' is longer than " + max
                        + " bytes; send large content as a multipart file part"))) {
                    throw new BadRequestException("Truncated multipart body in part '" + name + "'");
                }
                fieldBytes += value.size();
                params.add(new DaliParameters.Parameter(name, value.toString(StandardCharsets.UTF_8)));
            }
        }
    }

    private void readFile(String name, String fileName, String contentType)
            throws IOException, BadRequestException, UploadTooLargeException {
        if (!PartNames.isValid(name)) {
            throw new BadRequestException("File part name '" + name + "' is not allowed: use up to 100 letters,"
                    + " digits, '.', '_' or '-'");
        }
        if (files.stream().anyMatch(f -> f.partName().equals(name))) {
            throw new BadRequestException("Two file parts are called '" + name + "'");
        }
        Path path = staging.resolve(name);
        long before = fileBytes;
        fileBytesBase = fileBytes;
        java.security.MessageDigest sha256 = sha256();
        try (OutputStream out = new java.security.DigestOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(path), 65536), sha256)) {
            if (!copyUntilDelimiter(out, -1, null)) {
                throw new BadRequestException("Truncated multipart body in file part '" + name + "'");
            }
        }
        String shownName = fileName.isEmpty() ? null : baseName(fileName);
        if (shownName != null && shownName.isEmpty()) {
            throw new BadRequestException("File part '" + name + "': filename=\"" + fileName + "\" names no"
                    + " file; give a plain file name such as table.vot, or none");
        }
        files.add(new UploadedFile(name, shownName, contentType, path, fileBytes - before,
                java.util.HexFormat.of().formatHex(sha256.digest())));
    }

    /** Digests a part's bytes as they are stored: the checksum the job's provenance records. */
    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The last segment of a client's file path ("C:\\dir\\t.vot" gives "t.vot"); may be empty. */
    private static String baseName(String fileName) {
        String n = fileName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).trim();
    }

    private Map<String, String> readHeaders() throws IOException, BadRequestException, UploadTooLargeException {
        Map<String, String> headers = new LinkedHashMap<>();
        int lines = 0;
        headerBytes = 0;
        while (true) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (++lines > settings.partHeaders()) {
                throw new UploadTooLargeException("A multipart part has more than " + settings.partHeaders()
                        + " header lines (muwclass.http.multipart.headers.limit)");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
    }

    /** Bytes of the current part's header block so far. */
    private int headerBytes;

    private String readLine() throws IOException, BadRequestException, UploadTooLargeException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (++headerBytes > settings.partHeaderBytes()) {
                throw new UploadTooLargeException("The headers of a multipart part are longer than "
                        + settings.partHeaderBytes() + " bytes (muwclass.http.multipart.header.limit.bytes)");
            }
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.UTF_8);
            }
            line.write(c);
        }
        throw new BadRequestException("Truncated multipart body in part headers");
    }

    /**
     * Copies bytes to {@code out} until the delimiter; {@code max} limits a field value (then {@code tooLarge}
     * makes the refusal), -1 means count against the upload limit.
     *
     * @return false when the stream ended before the delimiter
     */
    private boolean copyUntilDelimiter(OutputStream out, long max,
                                       java.util.function.Supplier<UploadTooLargeException> tooLarge)
            throws IOException, BadRequestException, UploadTooLargeException {
        int matched = 0;
        long written = 0;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == delimiter[matched]) {
                matched++;
                if (matched == delimiter.length) {
                    return true;
                }
                continue;
            }
            if (matched > 0) {
                out.write(delimiter, 0, matched);
                written += matched;
                matched = 0;
                if (c == delimiter[0]) { // the delimiter starts with CR, which appears nowhere else in it
                    matched = 1;
                    continue;
                }
            }
            out.write(c);
            written++;
            if (max >= 0 && written > max) {
                throw tooLarge.get();
            }
            if (max < 0) {
                fileBytes = fileBytesBase + written;
                if (fileBytes > limit) {
                    throw new UploadTooLargeException(limit);
                }
            }
        }
        return false;
    }

    /** File bytes of earlier parts, so the current part adds to the request total. */
    private long fileBytesBase;
}
