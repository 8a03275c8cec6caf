package org.muwclass.service.dali;

import java.util.List;
import java.util.Locale;
import org.muwclass.tables.XmlText;

/**
 * Checks request values against what the job store and the UWS documents can hold, so that a long or odd value is a
 * 400 naming the parameter, never a database error (500) or a job list that no client can parse.
 */
public final class RequestValues {

    /** Longest parameter name (uws.job_parameters.name), characters. */
    public static final int MAX_NAME_CHARS = 200;
    /** Longest parameter value (uws.job_parameters.param_value), characters. */
    public static final int MAX_VALUE_CHARS = 1_000_000;
    /** Longest RUNID (uws.jobs.run_id), characters. */
    public static final int MAX_RUNID_CHARS = 1000;
    /** Longest file name of a part (uws.job_uploads.file_name), characters. */
    public static final int MAX_FILE_NAME_CHARS = 1000;
    /** Longest Content-Type of a part (uws.job_uploads.content_type), characters. */
    public static final int MAX_CONTENT_TYPE_CHARS = 200;

    private RequestValues() {
    }

    /** @throws BadRequestException naming the first parameter or part that cannot be stored or shown */
    public static void check(List<DaliParameters.Parameter> parameters, List<UploadedFile> files)
            throws BadRequestException {
        for (DaliParameters.Parameter p : parameters) {
            text("A parameter name", p.name(), MAX_NAME_CHARS, shown(p.name()));
            int max = p.name().trim().toUpperCase(Locale.ROOT).equals("RUNID") ? MAX_RUNID_CHARS : MAX_VALUE_CHARS;
            text("Parameter " + shown(p.name()), p.value(), max, null);
        }
        for (UploadedFile f : files) {
            text("The file name of part " + shown(f.partName()), f.fileName(), MAX_FILE_NAME_CHARS, null);
            text("The Content-Type of part " + shown(f.partName()), f.contentType(), MAX_CONTENT_TYPE_CHARS, null);
        }
    }

    private static void text(String what, String value, int max, String shownValue) throws BadRequestException {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new BadRequestException(what + (shownValue == null ? "" : " '" + shownValue + "'") + " has "
                    + value.length() + " characters; at most " + max + " are allowed");
        }
        int bad = XmlText.firstIllegal(value);
        if (bad >= 0) {
            throw new BadRequestException(what + " contains the character U+"
                    + String.format("%04X", (int) value.charAt(bad)) + " at position " + (bad + 1)
                    + "; control characters other than tab, line feed and carriage return are not allowed");
        }
    }

    /** A name as it can be shown in a message: cut short, control characters replaced. */
    private static String shown(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return XmlText.clean(cut);
    }
}
