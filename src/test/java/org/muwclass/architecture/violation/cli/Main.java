package org.muwclass.architecture.violation.cli;

/** An entry point. */
public class Main {

    public static final String NAME = "muwclass";

    public static String name() {
        return NAME;
    }
}
