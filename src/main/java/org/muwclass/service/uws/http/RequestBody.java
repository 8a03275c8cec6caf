package org.muwclass.service.uws.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobParameters;
import org.muwclass.service.uws.UploadedFile;

/**
 * The parameters and files of a request: query string plus an application/x-www-form-urlencoded or
 * multipart/form-data body. Multipart file parts (those with a filename) are streamed to a staging directory and
 * counted against the upload limit; other parts become parameters.
 *
 * @param parameters all name=value pairs in the order received (query string first)
 * @param files      file parts, stored under the staging directory as their part name
 */
public record RequestBody(JobParameters parameters, List<UploadedFile> files) {

    /** Largest non-file form value (an ADQL query, a parameter), bytes. */
    public static final int MAX_FIELD_BYTES = 1024 * 1024;

    public RequestBody {
        files = List.copyOf(files);
    }

    /**
     * @param contentType the request's Content-Type, or null
     * @param body        the request body (not closed)
     * @param query       query-string parameters
     * @param staging     directory for file parts (may stay empty)
     * @param limitBytes  most bytes of file content accepted in all
     */
    public static RequestBody read(String contentType, InputStream body, JobParameters query, Path staging,
                                   long limitBytes) throws IOException, BadRequestException, UploadTooLargeException {
        List<JobParameters.Parameter> params = new ArrayList<>(query.asList());
        List<UploadedFile> files = new ArrayList<>();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            String boundary = parameterOf(contentType, "boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new BadRequestException("multipart/form-data request without a boundary");
            }
            new Multipart(body, boundary, staging, limitBytes, params, files).parse();
        } else if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            byte[] bytes = readLimited(body, Math.max(limitBytes, MAX_FIELD_BYTES));
            params.addAll(parseUrlEncoded(new String(bytes, StandardCharsets.ISO_8859_1)));
        } else {
            throw new BadRequestException("Unsupported request Content-Type '" + contentType
                    + "'; use application/x-www-form-urlencoded or multipart/form-data");
        }
        return new RequestBody(JobParameters.of(params), files);
    }

    /** Parses name=value&amp;... (UTF-8 percent-encoding); a name without '=' gets the empty value. */
    public static List<JobParameters.Parameter> parseUrlEncoded(String text) {
        List<JobParameters.Parameter> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return list;
        }
        for (String pair : text.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            list.add(new JobParameters.Parameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return list;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException, UploadTooLargeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw new UploadTooLargeException(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** A parameter of a header value such as {@code multipart/form-data; boundary="abc"}. */
    static String parameterOf(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String piece : header.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    /** Streaming multipart/form-data parser (RFC 7578). */
    private static final class Multipart {
        private final InputStream in;
        private final byte[] delimiter;
        private final Path staging;
        private final long limit;
        private final List<JobParameters.Parameter> params;
        private final List<UploadedFile> files;
        private long fileBytes;

        Multipart(InputStream body, String boundary, Path staging, long limit, List<JobParameters.Parameter> params,
                  List<UploadedFile> files) {
            // a virtual CRLF in front lets the first delimiter be matched like the others
            this.in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(new byte[]{'\r', '\n'}),
                    new BufferedInputStream(body, 65536));
            this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            this.staging = staging;
            this.limit = limit;
            this.params = params;
            this.files = files;
        }

        void parse() throws IOException, BadRequestException, UploadTooLargeException {
            if (!copyUntilDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE)) {
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
                Map<String, String> headers = readHeaders();
                String disposition = headers.getOrDefault("content-disposition", "");
                String name = parameterOf(disposition, "name");
                String fileName = parameterOf(disposition, "filename");
                if (name == null) {
                    throw new BadRequestException("Multipart part without a name in Content-Disposition");
                }
                if (fileName != null) {
                    readFile(name, fileName, headers.get("content-type"));
                } else {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    if (!copyUntilDelimiter(value, MAX_FIELD_BYTES)) {
                        throw new BadRequestException("Truncated multipart body in part '" + name + "'");
                    }
                    params.add(new JobParameters.Parameter(name, value.toString(StandardCharsets.UTF_8)));
                }
            }
        }

        private void readFile(String name, String fileName, String contentType)
                throws IOException, BadRequestException, UploadTooLargeException {
            if (!JobFiles.isStorableName(name)) {
                throw new BadRequestException("File part name '" + name + "' is not allowed: use up to 100 letters,"
                        + " digits, '.', '_' or '-'");
            }
            if (files.stream().anyMatch(f -> f.partName().equals(name))) {
                throw new BadRequestException("Two file parts are called '" + name + "'");
            }
            Path path = staging.resolve(name);
            long before = fileBytes;
            fileBytesBase = fileBytes;
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 65536)) {
                if (!copyUntilDelimiter(out, -1)) {
                    throw new BadRequestException("Truncated multipart body in file part '" + name + "'");
                }
            }
            String shownName = fileName.isEmpty() ? null : Path.of(fileName.replace('\\', '/')).getFileName()
                    .toString();
            files.add(new UploadedFile(name, shownName, contentType, path, fileBytes - before));
        }

        private Map<String, String> readHeaders() throws IOException, BadRequestException {
            Map<String, String> headers = new LinkedHashMap<>();
            while (true) {
                String line = readLine();
                if (line.isEmpty()) {
                    return headers;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
        }

        private String readLine() throws IOException, BadRequestException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    byte[] b = line.toByteArray();
                    int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                    return new String(b, 0, len, StandardCharsets.UTF_8);
                }
                line.write(c);
                if (line.size() > 16384) {
                    throw new BadRequestException("Multipart part header line too long");
                }
            }
            throw new BadRequestException("Truncated multipart body in part headers");
        }

        /**
         * Copies bytes to {@code out} until the delimiter; {@code max} limits a field value, -1 means count against
         * the upload limit.
         *
         * @return false when the stream ended before the delimiter
         */
        private boolean copyUntilDelimiter(OutputStream out, long max)
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
                    throw new BadRequestException("A form field is longer than " + max + " bytes; send large"
                            + " content as a file part");
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
}
