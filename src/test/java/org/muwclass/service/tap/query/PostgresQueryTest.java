package org.muwclass.service.tap.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.muwclass.service.tap.TapFixture;

/**
 * The query suite on PostgreSQL + pgSphere; runs when MUWCLASS_PG_URL is set (scripts/start-postgres.sh prints the
 * settings), e.g. MUWCLASS_PG_URL=jdbc:postgresql://127.0.0.1:5499/tapdb MUWCLASS_PG_USER=tap MUWCLASS_PG_PASSWORD=tap,
 * with MUWCLASS_PG_QUERY_USER=tap_reader MUWCLASS_PG_QUERY_PASSWORD=tap_reader for the read-only query role.
 */
@EnabledIfEnvironmentVariable(named = "MUWCLASS_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresQueryTest extends TapQuerySuite {

    PostgresQueryTest() throws Exception {
        super(TapFixture.postgres());
    }

    @Override
    boolean queryRoleIsConfigured() {
        return System.getenv("MUWCLASS_PG_QUERY_USER") != null;
    }

    private String show(java.sql.Connection c, String setting) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Query sessions are read-only with a statement_timeout, and no setting survives on a pooled connection. */
    @Test
    void querySessionsAreReadOnlyAndSettingsDoNotSurviveThePool() throws Exception {
        for (int i = 0; i < 20; i++) { // every pooled connection, several times
            try (var c = fixture().database.queryConnection()) {
                assertEquals("on", show(c, "default_transaction_read_only"));
                assertEquals("1d", show(c, "statement_timeout"));
                try (var s = c.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE tap_upload.x "
                            + "(c1 INT)"));
                    assertTrue(e.getMessage().contains("read-only transaction"), e.getMessage());
                    s.execute("SELECT set_config('statement_timeout', '0', false)");
                    s.execute("SELECT set_config('default_transaction_read_only', 'off', false)");
                    if (queryRoleIsConfigured()) { // the role itself may not write either
                        e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE tap_upload.x (c1 INT)"));
                        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
                    }
                }
            }
        }
    }
}
