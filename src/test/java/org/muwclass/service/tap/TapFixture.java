package org.muwclass.service.tap;

import adql.db.DBTable;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.muwclass.core.io.CsvTable;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.TableLoader;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.AdqlTables;
import org.muwclass.service.tap.query.TapQueryRunner;

/**
 * A database set up as the service does at start-up (vo-config metadata, the shipped training set, TAP_SCHEMA, the
 * empty classified-sources table): in-memory H2, or PostgreSQL + pgSphere when MUWCLASS_PG_URL is set.
 */
public final class TapFixture implements AutoCloseable {

    public final Database database;
    public final VoMetadata voConfig;
    public final VoMetadata published;
    public final CsvTable trainingSet = CsvTable.readResource("/muwclass/TD.csv");

    private TapFixture(Database database) throws Exception {
        this(database, org.muwclass.service.config.QuerySettings.DEFAULT);
    }

    private TapFixture(Database database, org.muwclass.service.config.QuerySettings settings) throws Exception {
        this.database = database;
        this.voConfig = VoConfigReader.fromDirectory(Path.of("vo-config")).read();
        new TableLoader(database).loadOnce(voConfig.table("muwclass.training_set").orElseThrow(),
                "muwclass-td-yang2022", trainingSet, "test");
        this.published = TapDatabaseSetup.install(database, voConfig, settings);
    }

    public static TapFixture h2() throws Exception {
        return new TapFixture(Database.open("jdbc:h2:mem:tap" + UUID.randomUUID().toString().replace("-", "")
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /**
     * PostgreSQL from MUWCLASS_PG_URL / MUWCLASS_PG_USER / MUWCLASS_PG_PASSWORD (queries as MUWCLASS_PG_QUERY_USER /
     * MUWCLASS_PG_QUERY_PASSWORD when set); tables are recreated.
     */
    public static TapFixture postgres() throws Exception {
        Database db = Database.open(System.getenv("MUWCLASS_PG_URL"),
                System.getenv().getOrDefault("MUWCLASS_PG_USER", "tap"),
                System.getenv().getOrDefault("MUWCLASS_PG_PASSWORD", "tap"));
        try (var c = db.connection(); var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS muwclass.classified_sources");
        }
        // MUWCLASS_PG_QUERY_USER (e.g. tap_reader of scripts/start-postgres.sh): queries run as that role
        var d = org.muwclass.service.config.QuerySettings.DEFAULT;
        return new TapFixture(db, new org.muwclass.service.config.QuerySettings(
                java.util.Optional.ofNullable(System.getenv("MUWCLASS_PG_QUERY_USER")),
                System.getenv().getOrDefault("MUWCLASS_PG_QUERY_PASSWORD", ""), d.storePoolSize(), d.queryPoolSize(),
                d.syncTimeout(), d.syncConcurrency(), d.statementTimeout(), d.uploadSweepMinAge()));
    }

    public List<DBTable> tables() {
        return AdqlTables.of(published.tables());
    }

    public TapQueryRunner runner() {
        return new TapQueryRunner(database, this::tables, 10_000_000L, "test");
    }

    @Override
    public void close() {
        database.close();
    }
}
