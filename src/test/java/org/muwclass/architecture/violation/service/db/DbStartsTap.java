package org.muwclass.architecture.violation.service.db;

import org.muwclass.architecture.violation.service.tap.TapKind;

/** Violation: the database package starting the protocol above it (a loop with {@link TapKind}). */
public class DbStartsTap {

    public TapKind tap() {
        return new TapKind();
    }
}
