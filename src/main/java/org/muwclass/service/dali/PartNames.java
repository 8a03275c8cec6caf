package org.muwclass.service.dali;

import java.util.regex.Pattern;

/**
 * Names of uploaded file parts. They double as file names (in a request's staging directory, in a job directory,
 * and for UWS results), so they are restricted: up to 100 letters, digits, '.', '_' or '-', starting with a letter or
 * digit, no "..".
 */
public final class PartNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private PartNames() {
    }

    /** Whether {@code name} can be stored as a file name (no "..", no separators). */
    public static boolean isValid(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }
}
