package org.muwclass.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.muwclass.classification.ClassificationOptions;
import org.muwclass.classification.OptionException;
import org.muwclass.classification.OptionLimits;

/**
 * All runtime settings of the service, read once at start-up from MicroProfile Config (system properties,
 * environment variables such as {@code MUWCLASS_DATA_DIR}, or {@code META-INF/microprofile-config.properties}).
 * Property names and defaults are listed in {@code org.muwclass.service.app.ServiceConfigProducer} and in the README.
 *
 * @param dataDir                 directory for the embedded database and job files
 * @param dbUrl                   JDBC URL (H2 file database by default, or jdbc:postgresql://...)
 * @param dbUser                  database user
 * @param dbPassword              database password
 * @param voConfigDir             directory overriding the VO metadata shipped in the WAR, if set
 * @param maxrecDefault           TAP rows returned when MAXREC is not given
 * @param maxrecLimit             hard TAP row limit
 * @param uploadLimitBytes        largest accepted upload, bytes
 * @param workerThreads           threads running jobs and work units
 * @param queueLimit              most jobs queued or executing at once
 * @param drawsDefault            Monte-Carlo draws when a job does not say
 * @param drawsLimit              most forests per E(B-V) task a job may ask for (DRAWS / TARGETS_PER_FOREST)
 * @param executionDurationDefault job run-time limit when the job does not say
 * @param executionDurationLimit  largest run-time limit a job may ask for
 * @param destructionDefault      how long a job is kept after creation
 * @param waitLimit               longest blocking UWS WAIT
 * @param reaperInterval          how often expired jobs are destroyed
 * @param demo                    classification of the shipped demo fields on first start
 */
public record ServiceConfig(Path dataDir, String dbUrl, String dbUser, String dbPassword, Optional<Path> voConfigDir,
                            int maxrecDefault, int maxrecLimit, long uploadLimitBytes, int workerThreads,
                            int queueLimit, int drawsDefault, int drawsLimit, Duration executionDurationDefault,
                            Duration executionDurationLimit, Duration destructionDefault, Duration waitLimit,
                            Duration reaperInterval, DemoSettings demo) {

    /** Defaults for the job settings added later (wait 60 s, reaper every 5 s) and the demo fields. */
    public ServiceConfig(Path dataDir, String dbUrl, String dbUser, String dbPassword, Optional<Path> voConfigDir,
                         int maxrecDefault, int maxrecLimit, long uploadLimitBytes, int workerThreads,
                         int queueLimit, int drawsDefault, int drawsLimit, Duration executionDurationDefault,
                         Duration executionDurationLimit, Duration destructionDefault) {
        this(dataDir, dbUrl, dbUser, dbPassword, voConfigDir, maxrecDefault, maxrecLimit, uploadLimitBytes,
                workerThreads, queueLimit, drawsDefault, drawsLimit, executionDurationDefault, executionDurationLimit,
                destructionDefault, Duration.ofSeconds(60), Duration.ofSeconds(5), DemoSettings.DEFAULT);
    }

    public ServiceConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(demo, "demo");
        requirePositive("muwclass.tap.maxrec.default", maxrecDefault);
        requirePositive("muwclass.tap.maxrec.limit", maxrecLimit);
        if (maxrecDefault > maxrecLimit) {
            throw new IllegalArgumentException("muwclass.tap.maxrec.default (" + maxrecDefault
                    + ") must not exceed muwclass.tap.maxrec.limit (" + maxrecLimit + ")");
        }
        requirePositive("muwclass.upload.limit.bytes", uploadLimitBytes);
        requirePositive("muwclass.jobs.threads", workerThreads);
        requirePositive("muwclass.jobs.queue.limit", queueLimit);
        requirePositive("muwclass.classify.draws.default", drawsDefault);
        requirePositive("muwclass.classify.draws.limit", drawsLimit);
        requirePositive("muwclass.jobs.wait.limit.s", waitLimit.toSeconds());
        requirePositive("muwclass.jobs.reaper.interval.s", reaperInterval.toSeconds());
        if (drawsDefault > drawsLimit) {
            throw new IllegalArgumentException("muwclass.classify.draws.default (" + drawsDefault
                    + ") must not exceed muwclass.classify.draws.limit (" + drawsLimit + ")");
        }
        checkDemoJob(demo, drawsDefault, drawsLimit);
    }

    /**
     * The demo jobs' parameters, parsed as a job's are (the same limits), so a setting the job would refuse stops
     * the start with the property's name instead of failing in the background.
     */
    private static void checkDemoJob(DemoSettings demo, int drawsDefault, int drawsLimit) {
        if (!demo.publish()) {
            return;
        }
        try {
            ClassificationOptions.parse(name -> Optional.ofNullable(demo.jobParameters().get(name)),
                    new OptionLimits(drawsDefault, drawsLimit, DemoSettings.MAX_TREES));
        } catch (OptionException e) {
            String property = DemoSettings.PREFIX + OptionException.cliName(e.option());
            throw new IllegalArgumentException(property + " (job parameter " + e.getMessage()
                    + "; muwclass.classify.draws.limit is " + drawsLimit + ")");
        }
    }

    private static void requirePositive(String property, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive, got " + value);
        }
    }

    /** True when the database is the embedded H2 default. */
    public boolean embeddedDatabase() {
        return dbUrl.startsWith("jdbc:h2:");
    }
}
