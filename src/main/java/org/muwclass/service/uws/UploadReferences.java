package org.muwclass.service.uws;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.muwclass.service.dali.UploadedFile;

/**
 * Resolves DALI/TAP {@code UPLOAD=name,param:part} references (several separated by ';', or repeated UPLOAD
 * parameters) to the uploaded parts of the request. Only inline parts ({@code param:}) are accepted: the service
 * never fetches a URL given by a client.
 */
public final class UploadReferences {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private UploadReferences() {
    }

    /**
     * @return uploaded files by the (lower-case) name the UPLOAD parameter gives them, in order
     * @throws ParameterException naming UPLOAD, the bad value and the expected form
     */
    public static Map<String, UploadedFile> resolve(JobInput input) throws ParameterException {
        Map<String, UploadedFile> tables = new LinkedHashMap<>();
        for (String value : input.parameters().all("UPLOAD")) {
            for (String pair : value.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int comma = pair.indexOf(',');
                String expected = "name,param:part where part is a file part of this multipart request (URLs are"
                        + " not fetched)";
                if (comma < 0) {
                    throw new ParameterException("UPLOAD", pair, expected);
                }
                String name = pair.substring(0, comma).trim();
                String uri = pair.substring(comma + 1).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new ParameterException("UPLOAD", pair, "a table name of letters, digits and '_' starting"
                            + " with a letter, then ',param:part'");
                }
                if (!uri.regionMatches(true, 0, "param:", 0, 6)) {
                    throw new ParameterException("UPLOAD", pair, expected);
                }
                String part = uri.substring(6);
                UploadedFile file = input.upload(part).orElseThrow(() -> new ParameterException("UPLOAD", pair,
                        "a reference to a file part of this request; there is no part called '" + part + "'"));
                String key = name.toLowerCase(Locale.ROOT);
                if (tables.put(key, file) != null) {
                    throw new ParameterException("UPLOAD", pair, "each table name at most once");
                }
            }
        }
        return tables;
    }
}
