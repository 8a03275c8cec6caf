package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.pipeline.CostWeightedProgress;
import org.muwclass.core.pipeline.PoolThroughput;

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

    // ------------------------------------------------------------ the pool's measured speed (PoolThroughput)

    private Instant quote(JobRecord job, int slots, PoolThroughput throughput) {
        return new JobQuote(store, CLOCK, slots, j -> throughput.factor()).quote(job).orElseThrow();
    }

    @Test
    void withoutHistoryTheQuoteIsTheEstimate() throws Exception {
        PoolThroughput idle = new PoolThroughput(() -> 0L);
        store.insert(job("a", ExecutionPhase.EXECUTING, 30, 10, 110, Progress.NONE));
        JobRecord c = job("c", ExecutionPhase.QUEUED, 10, null, 50, Progress.NONE);
        store.insert(c);
        assertEquals(quote(c, 2), quote(c, 2, idle));
        assertEquals(NOW.plusSeconds(100), quote(c, 2, idle), "a and c share the pool: c's 50 s take 100 s");
    }

    @Test
    void aSlowPoolMakesTheQuoteAtCreationProportionallyLonger() throws Exception {
        AtomicLong nanos = new AtomicLong();
        PoolThroughput throughput = new PoolThroughput(nanos::get);
        // 95 core-s of units took 9x their cost: (855 + 5) / (95 + 5) = 8.6 wall s per estimated core-s
        throughput.unitFinished(95, 855);
        JobRecord created = job("c", ExecutionPhase.QUEUED, 0, null, 50, Progress.NONE);
        store.insert(created);
        assertEquals(NOW.plusSeconds(430), quote(created, 2, throughput), "50 s x 8.6");
        // the waiting part too: a job ahead with 100 s of estimate left, nothing done yet
        store.insert(job("a", ExecutionPhase.EXECUTING, 30, 0, 100, Progress.NONE));
        assertEquals(NOW.plusSeconds(860), quote(created, 2, throughput), "shared with a: (50 + 50) s x 8.6");
        // an executing job's own rate takes over: 20% in 100 s projects 500 s, whatever the pool's factor
        JobRecord running = job("r", ExecutionPhase.EXECUTING, 100, 100, 50, new Progress(200, 1000));
        assertEquals(NOW.plusSeconds(400), quote(running, 2, throughput));
        // before TRUST_MEASURED_FROM the factored estimate is blended in: 5% in 10 s projects 200 s, 430 s quoted
        JobRecord early = job("e", ExecutionPhase.EXECUTING, 10, 10, 50, new Progress(50, 1000));
        assertEquals(NOW.plusMillis(305_000), quote(early, 2, throughput), "(200 + 430) / 2 - 10 s");

        // the load goes: fast units pull the factor back down, and the quote with it
        for (int minute = 1; minute <= 10; minute++) {
            nanos.addAndGet(60_000_000_000L);
            throughput.unitFinished(30, 30);
        }
        double fast = 0; // the ten fast units, decayed to now
        for (int k = 0; k < 10; k++) {
            fast += 30 * Math.exp(-60.0 * k / PoolThroughput.DECAY_SECONDS);
        }
        double slow = Math.exp(-600 / PoolThroughput.DECAY_SECONDS);
        double f = (855 * slow + fast + 5) / (95 * slow + fast + 5);
        assertEquals(f, throughput.factor(), 1e-9);
        assertEquals(1.64, f, 0.01);
        assertEquals(NOW.plusMillis(Math.round(100_000 * f)), quote(created, 2, throughput));
    }

    @Test
    void theFactorIsBoundedInTheQuote() {
        assertEquals(PoolThroughput.MAX_FACTOR, JobQuote.boundedFactor(1000));
        assertEquals(PoolThroughput.MIN_FACTOR, JobQuote.boundedFactor(0.001));
        assertEquals(1.0, JobQuote.boundedFactor(Double.NaN));
        assertEquals(3.5, JobQuote.boundedFactor(3.5));
        JobRecord c = job("c", ExecutionPhase.QUEUED, 0, null, 10, Progress.NONE);
        assertEquals(NOW.plusSeconds(200), new JobQuote(store, CLOCK, 2, j -> 1e6).quote(c).orElseThrow(),
                "a kind claiming a millionfold slowdown: 20x");
        assertEquals(NOW.plusMillis(2500), new JobQuote(store, CLOCK, 2, j -> 0).quote(c).orElseThrow(), "0.25x");
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
