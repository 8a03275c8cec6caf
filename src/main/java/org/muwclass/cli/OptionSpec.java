package org.muwclass.cli;

import java.util.Objects;

/**
 * One command-line option, {@code --name VALUE} (or {@code --name=VALUE}), or a flag {@code --name}.
 *
 * @param name         name without the leading dashes
 * @param valueName    placeholder shown in help, e.g. {@code "FILE"}; null for a flag
 * @param description  help text, including the allowed values
 * @param defaultValue default shown in help and used when absent; null when none
 * @param required     whether the option must be given
 */
public record OptionSpec(String name, String valueName, String description, String defaultValue, boolean required) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** An optional option with a value and a default (may be null). */
    public static OptionSpec value(String name, String valueName, String defaultValue, String description) {
        return new OptionSpec(name, valueName, description, defaultValue, false);
    }

    /** A required option with a value. */
    public static OptionSpec required(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, description, null, true);
    }

    /** A flag without a value. */
    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description, null, false);
    }

    /** Whether the option takes no value. */
    public boolean isFlag() {
        return valueName == null;
    }

    /** {@code --name VALUE} or {@code --name}. */
    public String synopsis() {
        return "--" + name + (isFlag() ? "" : " " + valueName);
    }
}
