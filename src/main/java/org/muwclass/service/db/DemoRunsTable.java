package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The table {@value #TABLE}: one row per shipped demo field, saying which classification job publishes it, with what
 * settings, and how far that job is. It is created at every start before TAP publishes its metadata (vo-config
 * describes it, so clients can query the demo's progress), whether or not the demo fields are classified.
 * Columns added after the first release are added to an existing table.
 */
public final class DemoRunsTable {

    public static final String TABLE = "muwclass.demo_runs";

    private DemoRunsTable() {
    }

    /** Creates the table, or adds the columns an older version did not have. */
    public static void createIfMissing(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS muwclass");
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (field VARCHAR(100) PRIMARY KEY,"
                    + " job_id VARCHAR(100), attempts INTEGER NOT NULL, state VARCHAR(20) NOT NULL,"
                    + " submitted_at TIMESTAMP NOT NULL, note VARCHAR(2000))");
            // added with the configurable demo settings (issue 15): what the job ran with and how far it is
            s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS settings VARCHAR(400)");
            s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS previous_job_id VARCHAR(100)");
            s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS phase VARCHAR(20)");
            s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS progress DOUBLE PRECISION");
            s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS sources INTEGER");
            s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS updated_utc VARCHAR(40)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
