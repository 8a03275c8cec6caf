package org.muwclass.architecture.violation.service.uws;

import org.muwclass.architecture.violation.service.tap.TapKind;

/** Violation: the generic job engine naming a job kind. */
public class UwsUsesTap {

    public TapKind kind() {
        return new TapKind();
    }
}
