package org.muwclass.classification;

/**
 * A classification option or input refused: names the option (its UWS parameter name, e.g. {@code DRAWS}; the CLI
 * renders it as {@code --draws}), the value and what is allowed. A null value means the problem is not one value
 * (e.g. an unreadable table): then {@link #allowed()} is the whole explanation.
 */
public final class OptionException extends Exception {

    private final String option;
    private final String value;
    private final String allowed;

    /** A bad value: {@code allowed} says what would be accepted. */
    public OptionException(String option, String value, String allowed) {
        super(option + ": '" + value + "' is not allowed; expected " + allowed);
        this.option = option;
        this.value = value;
        this.allowed = allowed;
    }

    /** A problem with the option as a whole (e.g. a table that cannot be read). */
    public static OptionException of(String option, String explanation) {
        return new OptionException(option, explanation);
    }

    private OptionException(String option, String explanation) {
        super(option + ": " + explanation);
        this.option = option;
        this.value = null;
        this.allowed = explanation;
    }

    /** The UWS parameter name, upper case ({@code EBV_GRID}). */
    public String option() {
        return option;
    }

    /** The refused value, or null when the problem is not one value. */
    public String value() {
        return value;
    }

    /** What is allowed, or the explanation when {@link #value()} is null. */
    public String allowed() {
        return allowed;
    }

    /** The CLI spelling of an option: {@code EBV_GRID} becomes {@code ebv-grid}. */
    public static String cliName(String option) {
        return option.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
