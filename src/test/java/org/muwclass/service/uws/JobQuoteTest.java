package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.pipeline.CostWeightedProgress;

/** The UWS quote with a fixed clock: executing jobs extrapolate cost-weighted progress; queued ones share the pool. */
class JobQuoteTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private JdbcConnectionPool db;
    private JobStore store;

    @BeforeEach
    void open() throws Exception {
        db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/uws") + ";DATABASE_TO_LOWER=TRUE", "sa",
                "");
        store = new JobStore(db, new JobFiles(dir.resolve("jobs")));
        store.createSchema();
    }

    @AfterEach
    void close() {
        db.dispose();
    }

    private static JobRecord job(String id, ExecutionPhase phase, int createdSecondsAgo, Integer startedSecondsAgo,
                                 double estimateSeconds, Progress progress) {
        return new JobRecord(id, "classify", null, null, phase, NOW.minusSeconds(createdSecondsAgo),
                startedSecondsAgo == null ? null : NOW.minusSeconds(startedSecondsAgo), null, Duration.ofHours(1),
                NOW.plus(Duration.ofDays(7)), Duration.ofMillis(Math.round(estimateSeconds * 1000)), null, progress,
                null, List.of(), List.of());
    }

    private Instant quote(JobRecord job, int slots) {
        return new JobQuote(store, CLOCK, slots).quote(job).orElseThrow();
    }

    // ------------------------------------------------------------ executing: cost-weighted progress

    /**
     * Ten units, the first five training no forest (0 s), the last five one 10 s forest each: 50 core-s, quoted 25 s
     * on 2 threads. The zero units finish in 1 s: counted by units the job would be half done and quoted 2 s.
     */
    @Test
    void unitsOfUnequalCostAreWeighedByTheirEstimatedCost() {
        double[] unitSeconds = {0, 0, 0, 0, 0, 10, 10, 10, 10, 10};
        long work = 50_000; // estimated core-milliseconds, as ClassifyJobKind reports them
        Progress[] progress = {Progress.NONE};
        CostWeightedProgress p = new CostWeightedProgress(unitSeconds,
                f -> progress[0] = new Progress(Math.round(f * work), work));
        for (int u = 0; u < 5; u++) {
            p.unitDone(u, u + 1, 10);
        }
        assertEquals(new Progress(0, work), progress[0]);
        assertEquals(NOW.plusSeconds(24), quote(job("a", ExecutionPhase.EXECUTING, 1, 1, 25, progress[0]), 2),
                "no work done yet: the estimate, 25 s from the start");
        assertEquals(NOW.plusSeconds(1),
                quote(job("a", ExecutionPhase.EXECUTING, 1, 1, 25, new Progress(5, 10)), 2),
                "what counting units gave: 2 s from the start");

        p.unitDone(5, 6, 10);
        assertEquals(new Progress(10_000, work), progress[0]);
        // 20% done in 11 s: the measured rate alone (past TRUST_MEASURED_FROM) projects 55 s
        assertEquals(NOW.plusSeconds(44), quote(job("a", ExecutionPhase.EXECUTING, 11, 11, 25, progress[0]), 2));
    }

    @Test
    void earlyProgressIsBlendedWithTheEstimate() {
        assertEquals(100.0, JobQuote.expectedSeconds(100, 30, Progress.NONE), "no total yet: the estimate");
        assertEquals(100.0, JobQuote.expectedSeconds(100, 30, new Progress(0, 1000)), "nothing done: the estimate");
        // 5% in 20 s projects 400 s; half-way to TRUST_MEASURED_FROM the estimate weighs one half
        assertEquals(250.0, JobQuote.expectedSeconds(100, 20, new Progress(50, 1000)), 1e-9);
        assertEquals(400.0, JobQuote.expectedSeconds(100, 40, new Progress(100, 1000)), 1e-9);
        assertEquals(200.0, JobQuote.expectedSeconds(100, 100, new Progress(500, 1000)), 1e-9);
        assertEquals(120.0, JobQuote.expectedSeconds(100, 120, new Progress(1000, 1000)), 1e-9, "done: elapsed");
    }

    @Test
    void anExecutingJobPastItsExpectedEndIsQuotedNow() {
        assertEquals(NOW, quote(job("a", ExecutionPhase.EXECUTING, 500, 500, 100, Progress.NONE), 2));
    }

    // ------------------------------------------------------------ waiting: the pool is shared, not per slot

    @Test
    void aQueuedJobWaitsForTheWholePoolNotForOneSlotOfIt() throws Exception {
        // two jobs executing on the shared pool, each needing 100 s more with the whole pool, 2 job slots
        store.insert(job("a", ExecutionPhase.EXECUTING, 30, 10, 110, Progress.NONE));
        store.insert(job("b", ExecutionPhase.EXECUTING, 20, 0, 100, Progress.NONE));
        JobRecord c = job("c", ExecutionPhase.QUEUED, 10, null, 50, Progress.NONE);
        store.insert(c);
        // they share the pool and end together at 200 s; c then has it alone for 50 s
        // (dividing the work ahead by the 2 slots quoted 100 + 50 = 150 s)
        assertEquals(NOW.plusSeconds(250), quote(c, 2));
    }

    @Test
    void aShortJobSharesThePoolWithALongOneOnceASlotFrees() throws Exception {
        store.insert(job("a", ExecutionPhase.EXECUTING, 30, 0, 100, Progress.NONE));
        store.insert(job("b", ExecutionPhase.EXECUTING, 20, 0, 300, Progress.NONE));
        JobRecord c = job("c", ExecutionPhase.QUEUED, 10, null, 50, Progress.NONE);
        store.insert(c);
        // a ends at 200 s (half the pool), b has 200 s left; c and b share: c ends 100 s later
        assertEquals(NOW.plusSeconds(300), quote(c, 2));
    }

    @Test
    void withOneSlotJobsRunOneAfterAnotherInCreationOrder() throws Exception {
        // a: 50% of its work in 50 s projects 100 s, so 50 s left
        store.insert(job("a", ExecutionPhase.EXECUTING, 60, 50, 400, new Progress(500, 1000)));
        store.insert(job("b", ExecutionPhase.QUEUED, 40, null, 30, Progress.NONE));
        JobRecord c = job("c", ExecutionPhase.QUEUED, 20, null, 20, Progress.NONE);
        store.insert(c);
        store.insert(job("d", ExecutionPhase.QUEUED, 10, null, 1000, Progress.NONE)); // behind c: not counted
        assertEquals(NOW.plusSeconds(100), quote(c, 1));
    }

    @Test
    void aPendingJobComesAfterEveryActiveOne() throws Exception {
        store.insert(job("a", ExecutionPhase.EXECUTING, 60, 0, 40, Progress.NONE));
        store.insert(job("b", ExecutionPhase.QUEUED, 5, null, 30, Progress.NONE));
        JobRecord p = job("p", ExecutionPhase.PENDING, 50, null, 20, Progress.NONE);
        store.insert(p);
        assertEquals(NOW.plusSeconds(90), quote(p, 1));
        // with 2 slots: a and b share until b ends (60 s), a then shares with p until it ends (80 s), p has 10 s left
        // alone: last either way, since the pool never idles
        assertEquals(NOW.plusSeconds(90), quote(p, 2));
    }

    @Test
    void sharedPoolSchedules() {
        assertEquals(50.0, JobQuote.sharedPoolSeconds(List.of(), List.of(50.0), 2), 1e-9, "alone");
        assertEquals(30.0, JobQuote.sharedPoolSeconds(List.of(), List.of(10.0, 20.0), 2), 1e-9,
                "10 s shared (20 s), then 10 s alone");
        assertEquals(30.0, JobQuote.sharedPoolSeconds(List.of(10.0), List.of(20.0), 1), 1e-9);
        assertEquals(0.0, JobQuote.sharedPoolSeconds(List.of(0.0, 0.0), List.of(0.0), 1), 1e-9);
        // more executing jobs than slots (another member's, or a lowered setting): all share until they end
        assertEquals(60.0, JobQuote.sharedPoolSeconds(List.of(10.0, 10.0, 10.0), List.of(30.0), 2), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JobQuote.sharedPoolSeconds(List.of(1.0), List.of(), 2));
        assertEquals("No job to quote", e.getMessage());
    }

    @Test
    void finishedJobsGiveTheirEndAndJobsWithoutEstimateNone() {
        JobRecord done = new JobRecord("d", "classify", null, null, ExecutionPhase.COMPLETED, NOW.minusSeconds(9),
                NOW.minusSeconds(8), NOW.minusSeconds(1), Duration.ofHours(1), NOW.plus(Duration.ofDays(7)),
                Duration.ofSeconds(5), null, null, null, List.of(), List.of());
        assertEquals(NOW.minusSeconds(1), quote(done, 2));
        JobRecord unknown = new JobRecord("u", "classify", null, null, ExecutionPhase.QUEUED, NOW, null, null,
                Duration.ofHours(1), NOW.plus(Duration.ofDays(7)), null, null, null, null, List.of(), List.of());
        assertEquals(java.util.Optional.empty(), new JobQuote(store, CLOCK, 2).quote(unknown));
    }
}
