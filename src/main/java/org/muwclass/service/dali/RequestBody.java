package org.muwclass.service.dali;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.muwclass.service.config.UploadSettings;
import org.muwclass.tables.XmlText;

/**
 * The parameters and files of a request: query string plus an application/x-www-form-urlencoded or
 * multipart/form-data body. Multipart file parts (those with a filename) are streamed to a staging directory and
 * counted against the upload limit; other parts become parameters.
 *
 * @param parameters all name=value pairs in the order received (query string first)
 * @param files      file parts, stored under the staging directory as their part name
 */
public record RequestBody(DaliParameters parameters, List<UploadedFile> files) {

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
    public static RequestBody read(String contentType, InputStream body, DaliParameters query, Path staging,
                                   long limitBytes) throws IOException, BadRequestException, UploadTooLargeException {
        return read(contentType, body, query, staging, limitBytes, UploadSettings.current());
    }

    /**
     * How a front door reads a request: {@link #read(String, InputStream, DaliParameters, Path, long)}, except that
     * when the servlet container has already consumed a form body (the stream was empty), the container's parameters
     * are taken instead, with the same count and value checks.
     *
     * @param containerForm the parameters the container parsed ({@code HttpServletRequest::getParameterMap}), or
     *                      null; asked only when the stream was empty, because asking makes the container read a
     *                      form body itself (and, on a kept-alive connection after a suspended request, read it
     *                      wrong: pyvo's TAP queries then lost their LANG)
     */
    public static RequestBody read(String contentType, InputStream body, DaliParameters query,
                                   Supplier<Map<String, String[]>> containerForm, Path staging, long limitBytes)
            throws IOException, BadRequestException, UploadTooLargeException {
        RequestBody req = read(contentType, body, query, staging, limitBytes);
        if (!req.parameters().isEmpty() || !req.files().isEmpty() || containerForm == null) {
            return req;
        }
        Map<String, String[]> form = containerForm.get();
        if (form == null || form.isEmpty()) {
            return req;
        }
        List<DaliParameters.Parameter> params = new ArrayList<>();
        form.forEach((name, values) -> {
            for (String v : values) {
                params.add(new DaliParameters.Parameter(name, v));
            }
        });
        checkParameters(params);
        return new RequestBody(DaliParameters.of(params), List.of());
    }

    /**
     * Reads the body within the limits of {@code settings}: form size, parameter count, multipart part count, part
     * headers and preamble; then checks every value against what the job store and UWS documents can hold.
     *
     * @throws UploadTooLargeException (413) when a limit is exceeded, naming it
     * @throws BadRequestException     (400) when the body is malformed or a value cannot be stored
     */
    public static RequestBody read(String contentType, InputStream body, DaliParameters query, Path staging,
                                   long limitBytes, UploadSettings settings)
            throws IOException, BadRequestException, UploadTooLargeException {
        List<DaliParameters.Parameter> params = new ArrayList<>(query.asList());
        List<UploadedFile> files = new ArrayList<>();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            String boundary = parameterOf(contentType, "boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                throw new BadRequestException("multipart/form-data request without a valid boundary (1 to 70"
                        + " characters)");
            }
            new MultipartBody(body, boundary, staging, limitBytes, settings, params, files).parse();
        } else if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            byte[] bytes = readLimited(body, settings.formBytes());
            params.addAll(parseUrlEncoded(new String(bytes, StandardCharsets.ISO_8859_1),
                    settings.parameters() - params.size()));
        } else {
            throw new BadRequestException("Unsupported request Content-Type '" + contentType
                    + "'; use application/x-www-form-urlencoded or multipart/form-data");
        }
        checkCount(params.size() + files.size(), settings.parameters());
        RequestValues.check(params, files);
        return new RequestBody(DaliParameters.of(params), files);
    }

    /**
     * The refusal of a declared Content-Length beyond what any accepted body can be (the upload limit plus the form
     * limit), to answer 413 before reading; null when the length is absent, unparsable (the parser counts) or fine.
     *
     * @param limitBytes the upload limit, bytes
     */
    public static String refuseLength(String contentLength, long limitBytes) {
        if (contentLength == null) {
            return null;
        }
        long formBytes = UploadSettings.current().formBytes();
        long max = limitBytes + formBytes;
        try {
            long declared = Long.parseLong(contentLength.trim());
            if (declared > max) {
                return "The request body of " + declared + " bytes is larger than the limit of " + max + " bytes"
                        + " (uploads: muwclass.upload.limit.bytes = " + limitBytes + ", form fields:"
                        + " muwclass.http.form.limit.bytes = " + formBytes + ")";
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * The count and value checks of {@link #read} for parameters that reached the service another way (a form the
     * servlet container parsed before this class saw the body).
     */
    public static void checkParameters(List<DaliParameters.Parameter> params)
            throws BadRequestException, UploadTooLargeException {
        checkCount(params.size(), UploadSettings.current().parameters());
        RequestValues.check(params, List.of());
    }

    private static void checkCount(int count, int limit) throws UploadTooLargeException {
        if (count > limit) {
            throw new UploadTooLargeException("The request has more than " + limit + " parameters and files (limit"
                    + " muwclass.http.parameters.limit)");
        }
    }

    /**
     * The parameters of a raw (still percent-encoded) query string in request order, so that "the first value of a
     * repeated name" means what the client sent first; null or empty: none.
     *
     * @throws BadRequestException     when a name or value is not valid percent-encoding
     * @throws UploadTooLargeException beyond muwclass.http.parameters.limit pairs
     */
    public static DaliParameters queryParameters(String rawQuery) throws BadRequestException,
            UploadTooLargeException {
        return DaliParameters.of(parseUrlEncoded(rawQuery, UploadSettings.current().parameters()));
    }

    /**
     * Parses name=value&amp;... (UTF-8 percent-encoding); a name without '=' gets the empty value.
     *
     * @param limit most pairs accepted
     * @throws UploadTooLargeException when there are more, before they are decoded
     * @throws BadRequestException     when a pair is not valid percent-encoding
     */
    static List<DaliParameters.Parameter> parseUrlEncoded(String text, int limit)
            throws UploadTooLargeException, BadRequestException {
        List<DaliParameters.Parameter> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return list;
        }
        for (String pair : text.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            checkCount(list.size() + 1, limit);
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                list.add(new DaliParameters.Parameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) { // a '%' not followed by two hex digits
                String shown = pair.length() > 60 ? pair.substring(0, 60) + "..." : pair;
                throw new BadRequestException("'" + XmlText.clean(shown) + "' is not valid URL encoding: a '%'"
                        + " must be followed by two hexadecimal digits (send '%' itself as %25)");
            }
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
                throw new UploadTooLargeException("The form is larger than the limit of " + limit + " bytes"
                        + " (muwclass.http.form.limit.bytes); send large content as a multipart file part");
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
}
