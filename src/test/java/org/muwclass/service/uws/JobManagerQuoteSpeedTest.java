package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.dali.DaliParameters;

/** The job manager quotes each job with its own kind's speed factor (JobKind.quoteSpeedFactor). */
class JobManagerQuoteSpeedTest {

    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    private static final Caller ANON = Caller.anonymous("127.0.0.1");

    @TempDir
    Path dir;

    private JdbcConnectionPool db;
    private JobManager manager;

    /** A kind whose estimate is EST_S seconds and whose pool runs at {@code factor} wall s per estimated s. */
    private record SlowKind(String name, double factor) implements JobKind<Duration> {
        @Override
        public Duration parse(JobInput input) {
            return Duration.ofSeconds(Long.parseLong(input.parameters().get("EST_S").orElse("10")));
        }

        @Override
        public Duration estimate(Duration parameters) {
            return parameters;
        }

        @Override
        public double quoteSpeedFactor() {
            return factor;
        }

        @Override
        public void execute(Duration parameters, JobContext context) {
            throw new IllegalStateException("not run in this test");
        }
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
        if (db != null) {
            db.dispose();
        }
    }

    @Test
    void aPendingJobIsQuotedWithItsKindsFactor() throws Exception {
        db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/uws") + ";DATABASE_TO_LOWER=TRUE", "sa",
                "");
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        JobStore store = new JobStore(db, files);
        manager = new JobManager(store, files, List.of(new SlowKind("slow", 4), new SlowKind("plain", 1)),
                new JobLimits(2, 10, Duration.ofSeconds(3600), Duration.ofSeconds(7200), Duration.ofDays(7),
                        Duration.ofSeconds(30), Duration.ofSeconds(3600)), Clock.fixed(NOW, ZoneOffset.UTC));
        manager.start();
        JobRecord slow = manager.create("slow", ANON, DaliParameters.of("EST_S", "10"), List.of());
        assertEquals(Duration.ofSeconds(10), slow.estimate(), "the stored estimate is the kind's, unfactored");
        assertEquals(NOW.plusSeconds(40), manager.quote(slow).orElseThrow(), "10 s x 4");
        JobRecord plain = manager.create("plain", ANON, DaliParameters.of("EST_S", "10"), List.of());
        // pending: after every active one (none), so the slow pending job does not count
        assertEquals(NOW.plusSeconds(10), manager.quote(plain).orElseThrow());
    }
}
