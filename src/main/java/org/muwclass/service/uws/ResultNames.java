package org.muwclass.service.uws;

import org.muwclass.service.dali.PartNames;

/** Result and upload names double as file names inside the job directory, so they are restricted. */
public final class ResultNames {

    private ResultNames() {
    }

    /** Whether {@code name} can be a result or upload name (no "..", no separators). */
    public static boolean isValid(String name) {
        return PartNames.isValid(name);
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
