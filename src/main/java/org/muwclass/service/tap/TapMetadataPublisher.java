package org.muwclass.service.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.muwclass.service.app.MetadataPublisher;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.db.Database;
import org.muwclass.service.meta.VoMetadata;

/** Start-up's {@link MetadataPublisher}: TAP's database set-up and TAP_SCHEMA ({@link TapDatabaseSetup}). */
@ApplicationScoped
public class TapMetadataPublisher implements MetadataPublisher {

    @Inject
    QuerySettings querySettings;

    @Override
    public VoMetadata install(Database database, VoMetadata voConfig) throws SQLException {
        return TapDatabaseSetup.install(database, voConfig, querySettings);
    }

    @Override
    public VoMetadata refresh(Database database, VoMetadata voConfig) throws SQLException {
        return TapDatabaseSetup.refreshTapSchema(database, voConfig);
    }
}
