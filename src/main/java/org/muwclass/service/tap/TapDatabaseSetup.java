package org.muwclass.service.tap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.SkyGeometry;
import org.muwclass.service.tap.schema.TapSchema;

/**
 * What the TAP service needs in the database at start-up, all idempotent: the H2 geometry functions, the (empty)
 * classified-sources table, pgSphere position indexes on PostgreSQL, and TAP_SCHEMA filled from the metadata.
 */
public final class TapDatabaseSetup {

    private static final Logger LOG = Logger.getLogger(TapDatabaseSetup.class.getName());

    private TapDatabaseSetup() {
    }

    /** @return the metadata clients see (vo-config plus TAP_SCHEMA) */
    public static VoMetadata install(Database database, VoMetadata voConfig) throws SQLException {
        if (database.dialect() == SqlDialect.H2) {
            registerH2Functions(database);
        }
        TableDescriptor classified = voConfig.table(ClassifiedSourcesStore.TABLE).orElseThrow(() ->
                new IllegalStateException("vo-config does not describe " + ClassifiedSourcesStore.TABLE));
        new ClassifiedSourcesStore(database, classified).createIfMissing();
        if (database.dialect() == SqlDialect.POSTGRESQL) {
            for (TableDescriptor t : voConfig.tables()) {
                if (t.column("ra").isPresent() && t.column("dec").isPresent()) {
                    ClassifiedSourcesStore.createSphereIndex(database, t);
                }
            }
        }
        return refreshTapSchema(database, voConfig);
    }

    /** Rewrites TAP_SCHEMA after tables were added to the metadata; returns the published metadata. */
    public static VoMetadata refreshTapSchema(Database database, VoMetadata voConfig) throws SQLException {
        VoMetadata published = TapSchema.publishedMetadata(voConfig);
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
        }
        LOG.fine("H2 geometry functions registered");
    }
}
