package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job whose quote exceeds its execution duration: refused with the numbers, or given a duration covering it. */
class QuoteLimitsTest {

    private static final Caller ANON = Caller.anonymous("127.0.0.1");
    private static final Duration MAX = Duration.ofSeconds(7200);

    @TempDir
    Path dir;

    private JdbcConnectionPool db;
    private JobManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
        if (db != null) {
            db.dispose();
        }
    }

    @Test
    void aQuoteWithinTheDurationRunsWithItsOwnDuration() throws Exception {
        QuoteLimits refuse = new QuoteLimits(false, MAX);
        assertEquals(Duration.ofSeconds(600), refuse.check(Duration.ofSeconds(600), Duration.ofSeconds(600),
                JobParameters.EMPTY));
        assertEquals(Duration.ZERO, refuse.check(Duration.ofDays(9), Duration.ZERO, JobParameters.EMPTY),
                "zero is unlimited");
    }

    @Test
    void refusalNamesQuoteDurationAndSmallerSettings() {
        QuoteLimits refuse = new QuoteLimits(false, MAX);
        JobFailedException e = assertThrows(JobFailedException.class, () -> refuse.check(Duration.ofSeconds(6600),
                Duration.ofSeconds(3600), JobParameters.of("EQUIVALENT_DRAWS", "1000", "TARGETS_PER_FOREST", "20")));
        assertEquals("The job's quote is 6600 s, more than its execution duration of 3600 s (EXECUTIONDURATION), so"
                + " it was not started. Ask for EXECUTIONDURATION=7200 (at most 7200 s), or ask for less work: about"
                + " 44% of it fits in 3600 s (e.g. EQUIVALENT_DRAWS=436).", e.getMessage());
    }

    @Test
    void aQuoteBeyondTheLargestDurationIsRefusedEvenWithAutoExtension() {
        QuoteLimits extend = new QuoteLimits(true, MAX);
        JobFailedException e = assertThrows(JobFailedException.class, () -> extend.check(Duration.ofSeconds(9000),
                Duration.ofSeconds(3600), JobParameters.of("DRAWS", "500")));
        assertEquals("The job's quote is 9000 s, more than its execution duration of 3600 s (EXECUTIONDURATION), so"
                + " it was not started. Even the longest execution duration (7200 s) is too short; ask for less work:"
                + " about 32% of it fits in 3600 s (e.g. DRAWS=160).", e.getMessage());
    }

    @Test
    void autoExtensionCoversTheQuoteWithAMarginUpToTheLargestDuration() throws Exception {
        QuoteLimits extend = new QuoteLimits(true, MAX);
        assertEquals(Duration.ofSeconds(5000), extend.check(Duration.ofSeconds(4000), Duration.ofSeconds(3600),
                JobParameters.EMPTY));
        assertEquals(MAX, extend.check(Duration.ofSeconds(7000), Duration.ofSeconds(3600), JobParameters.EMPTY),
                "1.25 x 7000 s is beyond the largest duration: it gets the largest");
    }

    @Test
    void aQuoteKnownAtCreationIsRefusedAtCreation() throws Exception {
        start(false, new Measured());
        ParameterException e = assertThrows(ParameterException.class, () -> manager.create("count", ANON,
                JobParameters.of("EST_MS", "5000", "EXECUTIONDURATION", "2", "DRAWS", "40"), List.of()));
        assertEquals("Parameter EXECUTIONDURATION: The job's quote is 5 s, more than its execution duration of 2 s"
                + " (EXECUTIONDURATION), so it was not started. Ask for EXECUTIONDURATION=7 (at most 7200 s), or ask"
                + " for less work: about 32% of it fits in 2 s (e.g. DRAWS=12).", e.getMessage());
    }

    @Test
    void aQuoteKnownAtCreationGetsALongerDurationWhenTheOperatorAllowsIt() throws Exception {
        start(true, new Measured());
        JobRecord job = manager.create("count", ANON, JobParameters.of("EST_MS", "5000", "EXECUTIONDURATION", "2",
                "UNITS", "2", "PHASE", "RUN"), List.of());
        assertEquals(Duration.ofSeconds(7), job.executionDuration());
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd(job).phase());
    }

    @Test
    void aQuoteKnownOnlyAtStartIsRefusedBeforeAnyWork() throws Exception {
        start(false, new LateEstimate());
        JobRecord job = manager.create("late", ANON, JobParameters.of("EST_MS", "5000", "EXECUTIONDURATION", "2",
                "UNITS", "2", "PHASE", "RUN"), List.of());
        JobRecord end = waitForEnd(job);
        assertEquals(ExecutionPhase.ERROR, end.phase());
        assertNotNull(end.error());
        assertEquals("The job's quote is 5 s, more than its execution duration of 2 s (EXECUTIONDURATION), so it was"
                + " not started. Ask for EXECUTIONDURATION=7 (at most 7200 s), or ask for less work: about 32% of it"
                + " fits in 2 s.", end.error().message());
        assertEquals(new Progress(0, 0), end.progress(), "no unit ran");
    }

    @Test
    void aQuoteKnownOnlyAtStartRaisesTheDurationWhenTheOperatorAllowsIt() throws Exception {
        start(true, new LateEstimate());
        JobRecord job = manager.create("late", ANON, JobParameters.of("EST_MS", "5000", "EXECUTIONDURATION", "1",
                "UNITS", "3", "MS", "600", "PHASE", "RUN"), List.of());
        JobRecord end = waitForEnd(job);
        assertEquals(ExecutionPhase.COMPLETED, end.phase(), "1.8 s of work outlived the asked-for 1 s");
        assertEquals(Duration.ofSeconds(7), end.executionDuration());
    }

    private void start(boolean autoExtend, JobKind<?> kind) throws Exception {
        db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/uws") + ";DATABASE_TO_LOWER=TRUE", "sa", "");
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        manager = new JobManager(new JobStore(db, files), files, List.of(kind), new JobLimits(2, 10,
                Duration.ofSeconds(3600), MAX, Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofSeconds(3600),
                autoExtend), Clock.systemUTC());
        manager.start();
    }

    private JobRecord waitForEnd(JobRecord job) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        JobRecord j = job;
        while (j.phase().isActive() && System.currentTimeMillis() < until) {
            j = manager.await(j.kind(), j.id(), j.ownerId(), Duration.ofSeconds(20), null);
        }
        return j;
    }

    @Test
    void aKindWithAPlaceholderEstimateIsNotHeldToIt() throws Exception {
        start(false, new CountingJobKind());
        JobRecord job = manager.create("count", ANON, JobParameters.of("EST_MS", "5000", "EXECUTIONDURATION", "2",
                "UNITS", "2", "PHASE", "RUN"), List.of());
        assertEquals(Duration.ofSeconds(2), job.executionDuration());
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd(job).phase());
    }

    /** The counting kind with a quote it must fit, known at creation. */
    private static final class Measured implements JobKind<CountingJobKind.Plan> {
        private final CountingJobKind counting = new CountingJobKind();

        @Override
        public String name() {
            return "count";
        }

        @Override
        public CountingJobKind.Plan parse(JobInput input) throws ParameterException {
            return counting.parse(input);
        }

        @Override
        public Duration estimate(CountingJobKind.Plan plan) {
            return counting.estimate(plan);
        }

        @Override
        public boolean quoteMustFitDuration() {
            return true;
        }

        @Override
        public void execute(CountingJobKind.Plan plan, JobContext context) throws Exception {
            counting.execute(plan, context);
        }
    }

    /** The counting kind, but like a classification its estimate needs the input read at execution. */
    private static final class LateEstimate implements JobKind<CountingJobKind.Plan> {
        private final CountingJobKind counting = new CountingJobKind();

        @Override
        public String name() {
            return "late";
        }

        @Override
        public CountingJobKind.Plan parse(JobInput input) throws ParameterException {
            return counting.parse(input);
        }

        @Override
        public Optional<Duration> validate(JobInput input) {
            return Optional.empty();
        }

        @Override
        public Duration estimate(CountingJobKind.Plan plan) {
            return counting.estimate(plan);
        }

        @Override
        public boolean quoteMustFitDuration() {
            return true;
        }

        @Override
        public void execute(CountingJobKind.Plan plan, JobContext context) throws Exception {
            counting.execute(plan, context);
        }
    }
}
