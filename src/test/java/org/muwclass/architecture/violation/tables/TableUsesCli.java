package org.muwclass.architecture.violation.tables;

import org.muwclass.architecture.violation.cli.Main;

/** Violation: the table layer calling up into an entry point. */
public class TableUsesCli {

    public String program() {
        return Main.name();
    }
}
