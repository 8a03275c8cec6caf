package org.muwclass.service.uws;

import java.util.regex.Pattern;

/** Result and upload names double as file names inside the job directory, so they are restricted. */
public final class ResultNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ResultNames() {
    }

    /** Whether {@code name} can be a result or upload name (no "..", no separators). */
    public static boolean isValid(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }

    /** @throws IllegalArgumentException naming the rules when {@code name} is not valid */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Invalid result name '" + name
                    + "': use up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
