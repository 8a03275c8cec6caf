package org.muwclass.service.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.core.io.CsvTable;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.db.DemoRunsTable;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.TableLoader;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.meta.VoMetadata;

/**
 * Start-up of the service: opens the database, reads the VO metadata, loads the shipped training set on first
 * start and lets the {@link MetadataPublisher} (TAP) install its tables. Holds what the protocol layer needs
 * afterwards and whether the service is ready.
 */
@ApplicationScoped
public class ServiceRuntime {

    /** Classpath resource of the published MUWCLASS training set. */
    public static final String TRAINING_SET_RESOURCE = "/muwclass/TD.csv";
    public static final String TRAINING_SET_TABLE = "muwclass.training_set";

    private static final Logger LOG = Logger.getLogger(ServiceRuntime.class.getName());

    @Inject
    ServiceConfig config;

    @Inject
    QuerySettings querySettings;

    @Inject
    MetadataPublisher publisher;

    private volatile Database database;
    private volatile VoMetadata metadata;
    private volatile VoMetadata publishedMetadata;
    private volatile Instant upSince;
    private volatile String startupError;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        start();
    }

    synchronized void start() {
        if (upSince != null || startupError != null) {
            return;
        }
        try {
            Files.createDirectories(config.dataDir());
            metadata = config.voConfigDir().map(VoConfigReader::fromDirectory)
                    .orElseGet(VoConfigReader::fromClasspath).read();
            database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(),
                    querySettings.storePoolSize());
            loadTrainingSetOnce();
            DemoRunsTable.createIfMissing(database.dataSource()); // TAP publishes it: it must exist first
            publishedMetadata = publisher.install(database, metadata);
            upSince = Instant.now();
            LOG.info(() -> "MUWCLASS-VO ready: database " + database.dialect() + ", data in " + config.dataDir());
        } catch (Exception e) {
            startupError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.SEVERE, "MUWCLASS-VO failed to start", e);
        }
    }

    /**
     * Cluster members sharing a database may start together: when two loads collide, the loser's transaction
     * fails; after a pause the load log shows the winner's load and nothing is loaded twice.
     */
    private void loadTrainingSetOnce() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                loadTrainingSet();
                return;
            } catch (java.sql.SQLException e) {
                if (attempt >= 3) {
                    throw e;
                }
                LOG.warning(() -> "Loading the training set failed (" + e.getMessage() + "); trying again");
                Thread.sleep(3000L * attempt);
            }
        }
    }

    private void loadTrainingSet() throws Exception {
        TableDescriptor table = metadata.table(TRAINING_SET_TABLE).orElseThrow(() ->
                new IllegalStateException("vo-config does not describe " + TRAINING_SET_TABLE));
        byte[] bytes;
        try (var in = ServiceRuntime.class.getResourceAsStream(TRAINING_SET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TRAINING_SET_RESOURCE);
            }
            bytes = in.readAllBytes();
        }
        CsvTable data = CsvTable.read(new java.io.StringReader(new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8)));
        new TableLoader(database).loadOnce(table, "muwclass-td-yang2022", data, sha256(bytes));
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @PreDestroy
    void stop() {
        Database db = database;
        if (db != null) {
            db.close();
        }
    }

    public boolean ready() {
        return upSince != null;
    }

    /** Why start-up failed, or null. */
    public String startupError() {
        return startupError;
    }

    public Instant upSince() {
        return upSince;
    }

    public Database database() {
        requireReady();
        return database;
    }

    public VoMetadata metadata() {
        requireReady();
        return metadata;
    }

    /** What TAP clients see: the vo-config tables plus TAP_SCHEMA. */
    public VoMetadata publishedMetadata() {
        requireReady();
        return publishedMetadata;
    }

    /**
     * Replaces the metadata after a table is added at run time (e.g. a published job result) and republishes it
     * (TAP_SCHEMA rewritten to match).
     */
    public synchronized void updateMetadata(VoMetadata updated) throws java.sql.SQLException {
        metadata = updated;
        publishedMetadata = publisher.refresh(database, updated);
    }

    public ServiceConfig config() {
        return config;
    }

    /** TAP query pool, login and sync limits. */
    public QuerySettings querySettings() {
        return querySettings;
    }

    private void requireReady() {
        if (!ready()) {
            throw new IllegalStateException(startupError != null
                    ? "Service failed to start: " + startupError : "Service is starting");
        }
    }
}
