package org.muwclass.service.uws;

/**
 * A job parameter with a value the service cannot accept. Its message names the parameter, the value given and
 * what is allowed; it reaches the user unchanged (HTTP 400 at creation).
 */
public class ParameterException extends Exception {

    private final String parameter;
    private final String value;
    private final String allowed;

    /**
     * @param parameter the parameter name as the user writes it, e.g. "DRAWS"
     * @param value     the rejected value (null when the parameter is missing)
     * @param allowed   what is allowed, e.g. "an integer from 1 to 1000"
     */
    public ParameterException(String parameter, String value, String allowed) {
        super(message(parameter, value, allowed));
        this.parameter = parameter;
        this.value = value;
        this.allowed = allowed;
    }

    /** A problem with a parameter that is not about one value (e.g. an unreadable uploaded table). */
    public ParameterException(String parameter, String problem) {
        super("Parameter " + parameter + ": " + problem);
        this.parameter = parameter;
        this.value = null;
        this.allowed = null;
    }

    private static String message(String parameter, String value, String allowed) {
        if (value == null) {
            return "Parameter " + parameter + " is required; expected " + allowed;
        }
        String shown = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return "Parameter " + parameter + ": '" + shown + "' is not allowed; expected " + allowed;
    }

    public String parameter() {
        return parameter;
    }

    /** The rejected value, or null. */
    public String value() {
        return value;
    }

    /** What is allowed, or null. */
    public String allowed() {
        return allowed;
    }
}
