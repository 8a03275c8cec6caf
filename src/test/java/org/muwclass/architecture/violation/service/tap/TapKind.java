package org.muwclass.architecture.violation.service.tap;

import org.muwclass.architecture.violation.service.db.DbStartsTap;

/** A protocol reading the database (allowed alone; with {@link DbStartsTap} it closes a loop). */
public class TapKind {

    public String database(DbStartsTap db) {
        return db.toString();
    }
}
