package org.muwclass.service.tap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.db.QueryLogin;
import org.muwclass.service.db.QueryRole;
import org.muwclass.service.tap.query.UploadTableName;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.AdqlTables;
import org.muwclass.service.tap.adql.SkyGeometry;
import org.muwclass.service.tap.schema.TapSchema;

/**
 * What the TAP service needs in the database at start-up, all idempotent: the H2 geometry functions, the (empty)
 * classified-sources table, pgSphere position indexes on PostgreSQL, TAP_SCHEMA filled from the metadata, the
 * tap_upload schema swept of crash leftovers, and the read-only login and pool of TAP queries.
 */
public final class TapDatabaseSetup {

    private static final Logger LOG = Logger.getLogger(TapDatabaseSetup.class.getName());

    private TapDatabaseSetup() {
    }

    /** {@link #install(Database, VoMetadata, QuerySettings)} with the default settings. */
    public static VoMetadata install(Database database, VoMetadata voConfig) throws SQLException {
        return install(database, voConfig, QuerySettings.DEFAULT);
    }

    /**
     * Also sweeps leftover upload tables and opens the TAP query pool with its read-only login ({@link QueryRole}).
     *
     * @return the metadata clients see (vo-config plus TAP_SCHEMA)
     */
    public static VoMetadata install(Database database, VoMetadata voConfig, QuerySettings settings)
            throws SQLException {
        VoMetadata published = installTables(database, voConfig);
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + UploadTableName.SCHEMA);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        UploadTableSweep.run(database, Instant.now(), settings.uploadSweepMinAge());
        Set<String> schemas = new TreeSet<>();
        published.tables().forEach(t -> schemas.add(t.schemaName()));
        schemas.add(UploadTableName.SCHEMA);
        QueryLogin login = QueryRole.prepare(database, schemas, settings);
        database.openQueryPool(login, settings.queryPoolSize());
        LOG.info(() -> "TAP queries read schemas " + schemas + " as " + login.user());
        return published;
    }

    private static VoMetadata installTables(Database database, VoMetadata voConfig) throws SQLException {
        if (database.dialect() == SqlDialect.H2) {
            registerH2Functions(database);
        }
        TableDescriptor classified = voConfig.table(ClassifiedSourcesStore.TABLE).orElseThrow(() ->
                new IllegalStateException("vo-config does not describe " + ClassifiedSourcesStore.TABLE));
        new ClassifiedSourcesStore(database, classified).createIfMissing();
        PositionIndexes.create(database, classified);
        if (database.dialect() == SqlDialect.POSTGRESQL) {
            for (TableDescriptor t : voConfig.tables()) {
                if (t.column("ra").isPresent() && t.column("dec").isPresent()) {
                    PositionIndexes.createSphereIndex(database, t);
                }
            }
        }
        return refreshTapSchema(database, voConfig);
    }

    /** Rewrites TAP_SCHEMA after tables were added to the metadata; returns the published metadata. */
    public static VoMetadata refreshTapSchema(Database database, VoMetadata voConfig) throws SQLException {
        VoMetadata published = TapSchema.publishedMetadata(voConfig);
        if (database.dialect() == SqlDialect.H2) {
            for (TableDescriptor t : published.tables()) {
                if (AdqlTables.hasSkyPosition(t)) {
                    PositionIndexes.createSkyCellIndex(database, t);
                }
            }
        }
        try (Connection c = database.connection()) {
            TapSchema.install(c, published);
        }
        return published;
    }

    /** CREATE ALIAS for the {@link SkyGeometry} functions; the class is loaded by H2 from the WAR (child-first). */
    public static void registerH2Functions(Database database) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String sql : SkyGeometry.h2AliasStatements()) {
                s.execute(sql);
            }
            for (String sql : org.muwclass.service.tap.adql.Udfs.h2AliasStatements()) {
                s.execute(sql);
            }
        }
        LOG.fine("H2 geometry functions registered");
    }
}
