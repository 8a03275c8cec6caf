package org.muwclass.service.tap.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.tap.TapFixture;

/** The query suite on the embedded H2 default, and what the non-admin query user of H2 may not do. */
class H2QueryTest extends TapQuerySuite {

    H2QueryTest() throws Exception {
        super(TapFixture.h2());
    }

    /** Even if a function name got past the ADQL checker, the query user of H2 has no admin rights. */
    @Test
    void theQueryUserCannotReadOrWriteFilesOrDefineFunctions(@TempDir Path dir) throws Exception {
        Path written = dir.resolve("jobs.csv");
        try (var c = fixture().database.queryConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT CURRENT_USER")) {
            rs.next();
            assertEquals("tap_reader", rs.getString(1));
            for (String sql : new String[]{"SELECT FILE_READ('/etc/hostname')",
                    "SELECT FILE_WRITE('x', '" + dir.resolve("pwned") + "')",
                    "CALL CSVWRITE('" + written + "', 'SELECT * FROM tap_schema.schemas')",
                    "SELECT * FROM CSVREAD('/etc/hostname')",
                    "CREATE ALIAS evil FOR 'java.lang.System.getProperty'",
                    "SCRIPT TO '" + dir.resolve("dump.sql") + "'"}) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(e.getMessage().startsWith("Admin rights are required"), e.getMessage());
            }
            assertThrows(SQLException.class, () -> s.execute(
                    "SELECT LINK_SCHEMA('x', '', 'jdbc:h2:mem:y', 'sa', '', 'PUBLIC')"));
        }
        assertFalse(Files.exists(written));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertFalse(Files.exists(dir.resolve("dump.sql")));
    }

    @Test
    void theReaderUrlKeepsOnlySettingsANonAdminMayGive() {
        assertEquals("jdbc:h2:file:/d/db/muwclass;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE",
                org.muwclass.service.db.QueryRoleAccess.h2ReaderUrl(
                        "jdbc:h2:file:/d/db/muwclass;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"));
    }
}
