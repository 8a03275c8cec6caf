package org.muwclass.service.tap.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muwclass.tables.TableFormat;

/**
 * The validated parameters of a TAP query (TAP 1.1 section 5, DALI 1.1 section 3): parameter names are
 * case-insensitive, values are not (except LANG, REQUEST and RESPONSEFORMAT).
 *
 * @param query   the ADQL text
 * @param format  the output format
 * @param maxrec  most rows to return (already capped to the service limit)
 * @param uploads the tables to upload, in order
 */
public record TapRequest(String query, TableFormat format, int maxrec, List<Upload> uploads) {

    /**
     * One UPLOAD entry: table {@code TAP_UPLOAD.<name>} from the multipart part {@code part}, or (part null) from
     * {@code url}, which must be a result of one of this service's own jobs: it is read locally, never fetched.
     */
    public record Upload(String name, String part, String url) {
        public Upload(String name, String part) {
            this(name, part, null);
        }

        /** How the client referred to the table, for messages. */
        public String reference() {
            return part != null ? "param:" + part : url;
        }
    }

    private static final Pattern UPLOAD_ITEM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*,\\s*(\\S+)\\s*");

    public TapRequest {
        uploads = List.copyOf(uploads);
    }

    /**
     * @param params        request parameters, names in any case (first value of each is used)
     * @param maxrecDefault rows returned when MAXREC is absent
     * @param maxrecLimit   hard row limit
     * @throws TapException (user error) naming the parameter and what is allowed
     */
    public static TapRequest from(Map<String, List<String>> params, int maxrecDefault, int maxrecLimit)
            throws TapException {
        String request = param(params, "REQUEST");
        if (request != null && !request.equalsIgnoreCase("doQuery")) {
            throw TapException.user("REQUEST=" + request + " is not supported; use REQUEST=doQuery (or leave it out)");
        }
        String lang = param(params, "LANG");
        if (lang == null) {
            throw TapException.user("LANG is required; use LANG=ADQL");
        }
        if (!lang.equalsIgnoreCase("ADQL") && !lang.equalsIgnoreCase("ADQL-2.0")) {
            throw TapException.user("LANG=" + lang + " is not supported; use LANG=ADQL (ADQL-2.0)");
        }
        String query = param(params, "QUERY");
        if (query == null || query.isBlank()) {
            throw TapException.user("QUERY is required: give an ADQL query");
        }
        String fmt = param(params, "RESPONSEFORMAT");
        if (fmt == null) {
            fmt = param(params, "FORMAT"); // TAP 1.0 name, still sent by some clients
        }
        TableFormat format = TableFormat.VOTABLE;
        if (fmt != null && !fmt.isBlank()) {
            String f = fmt;
            format = TableFormat.parse(fmt).orElseThrow(() -> TapException.user("RESPONSEFORMAT=" + f
                    + " is not supported; allowed: " + TableFormat.allowedValues()));
        }
        int maxrec = maxrecDefault;
        String m = param(params, "MAXREC");
        if (m != null && !m.isBlank()) {
            try {
                long v = Long.parseLong(m.trim());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                maxrec = (int) Math.min(v, maxrecLimit);
            } catch (NumberFormatException e) {
                throw TapException.user("MAXREC=" + m + " is not valid; give a non-negative integer (at most "
                        + maxrecLimit + " rows are returned)");
            }
        }
        return new TapRequest(query, format, maxrec, uploads(params));
    }

    private static List<Upload> uploads(Map<String, List<String>> params) throws TapException {
        List<Upload> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!e.getKey().equalsIgnoreCase("UPLOAD")) {
                continue;
            }
            for (String value : e.getValue()) {
                for (String item : value.split(";")) {
                    if (item.isBlank()) {
                        continue;
                    }
                    Matcher mt = UPLOAD_ITEM.matcher(item);
                    if (!mt.matches()) {
                        throw TapException.user("UPLOAD item '" + item.trim() + "' is not valid; use "
                                + "UPLOAD=name,param:partname with a multipart part called partname");
                    }
                    String name = mt.group(1);
                    String uri = mt.group(2);
                    boolean http = uri.startsWith("http://") || uri.startsWith("https://");
                    if (!http && (!uri.startsWith("param:") || uri.length() == 6)) {
                        throw TapException.user("UPLOAD " + name + ": '" + uri + "' is not accepted; send the VOTable "
                                + "inline (UPLOAD=" + name + ",param:partname with the table in the multipart part "
                                + "partname) or give the URL of a result of this service's own jobs");
                    }
                    if (out.stream().anyMatch(u -> u.name().equalsIgnoreCase(name))) {
                        throw TapException.user("UPLOAD table name '" + name + "' is given twice");
                    }
                    out.add(http ? new Upload(name, null, uri) : new Upload(name, uri.substring(6)));
                }
            }
        }
        return out;
    }

    /** First value of a parameter, name matched case-insensitively; null when absent. */
    public static String param(Map<String, List<String>> params, String name) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().toUpperCase(Locale.ROOT).equals(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
