package org.muwclass.service.tap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.db.Database;
import org.muwclass.service.tap.query.UploadTableName;

/**
 * Start-up sweep of TAP_UPLOAD tables left by a crash (review finding M2): a query's upload tables are dropped when
 * it ends, but a kill -9 during an upload leaves them (H2 DDL commits at once). Tables created at least
 * {@code minAge} before now, or named otherwise than {@link UploadTableName}, are dropped.
 */
public final class UploadTableSweep {

    private static final Logger LOG = Logger.getLogger(UploadTableSweep.class.getName());

    private UploadTableSweep() {
    }

    /** @return the number of tables dropped */
    public static int run(Database db, Instant now, Duration minAge) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Connection c = db.connection()) {
            c.setAutoCommit(true);
            try (ResultSet rs = c.getMetaData().getTables(null, UploadTableName.SCHEMA, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    boolean old = UploadTableName.createdAt(table)
                            .map(t -> !t.isAfter(now.minus(minAge))).orElse(true);
                    if (old) {
                        leftovers.add(table);
                    }
                }
            }
            for (String table : leftovers) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + UploadTableName.SCHEMA + ".\"" + table.replace("\"", "")
                            + "\"");
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "Could not drop leftover upload table " + table, e);
                }
            }
        }
        if (!leftovers.isEmpty()) {
            LOG.info(() -> "Dropped " + leftovers.size() + " leftover TAP_UPLOAD table(s) of an earlier run");
        }
        return leftovers.size();
    }
}
