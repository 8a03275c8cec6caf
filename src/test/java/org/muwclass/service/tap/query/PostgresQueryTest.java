package org.muwclass.service.tap.query;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.muwclass.service.tap.TapFixture;

/**
 * The query suite on PostgreSQL + pgSphere; runs when MUWCLASS_PG_URL is set (scripts/start-postgres.sh prints the
 * settings), e.g. MUWCLASS_PG_URL=jdbc:postgresql://127.0.0.1:5499/tapdb MUWCLASS_PG_USER=tap MUWCLASS_PG_PASSWORD=tap.
 */
@EnabledIfEnvironmentVariable(named = "MUWCLASS_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresQueryTest extends TapQuerySuite {

    PostgresQueryTest() throws Exception {
        super(TapFixture.postgres());
    }
}
