package org.muwclass.service.app;

import java.sql.SQLException;
import org.muwclass.service.db.Database;
import org.muwclass.service.meta.VoMetadata;

/**
 * What start-up asks of the query protocol once the database is open: install its tables and publish the metadata
 * its clients see. TAP implements it as a CDI bean, so start-up does not import TAP and TAP may read the
 * {@link ServiceRuntime} without a package loop.
 */
public interface MetadataPublisher {

    /**
     * Installs what queries need (idempotent) and publishes the metadata.
     *
     * @param voConfig the tables described by vo-config
     * @return the metadata clients see (vo-config plus whatever the protocol adds, e.g. TAP_SCHEMA)
     */
    VoMetadata install(Database database, VoMetadata voConfig) throws SQLException;

    /** Republishes after tables were added to the metadata at run time; returns what clients now see. */
    VoMetadata refresh(Database database, VoMetadata voConfig) throws SQLException;
}
