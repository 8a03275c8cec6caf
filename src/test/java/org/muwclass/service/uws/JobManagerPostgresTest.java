package org.muwclass.service.uws;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The job machinery tests on PostgreSQL, when MUWCLASS_PG_URL (and MUWCLASS_PG_USER / MUWCLASS_PG_PASSWORD) name
 * a database, e.g. the one scripts/start-postgres.sh starts. Each test starts from an empty {@code uws} schema.
 */
@EnabledIfEnvironmentVariable(named = "MUWCLASS_PG_URL", matches = "jdbc:postgresql:.*")
class JobManagerPostgresTest extends JobManagerTest {

    @Override
    protected DataSource openDatabase(Path dir) throws Exception {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(System.getenv("MUWCLASS_PG_URL"));
        pg.setUser(System.getenv().getOrDefault("MUWCLASS_PG_USER", "tap"));
        pg.setPassword(System.getenv().getOrDefault("MUWCLASS_PG_PASSWORD", "tap"));
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS uws CASCADE");
        }
        return pg;
    }

    @Override
    protected void closeDatabase(DataSource db) {
        // nothing pooled
    }
}
