package org.muwclass.architecture.violation.core.training;

/** Violation: core code reading tables through STIL. */
public class StilInCore {

    public long rows(uk.ac.starlink.table.StarTable table) {
        return table.getRowCount();
    }
}
