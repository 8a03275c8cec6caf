package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.config.QuotaSettings;
import org.muwclass.service.config.WaitSettings;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/** Review findings H4, H5, H6 (job side), M1, M2, M3: races, quotas, WAIT, stopping and clean-up. */
class JobSafetyTest {

    private static final Caller ALICE = Caller.anonymous("10.0.0.1");
    private static final Caller BOB = Caller.anonymous("10.0.0.2");
    private static final Duration LONG = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private JobManager manager;
    private final BlockingJobKind blocking = new BlockingJobKind();

    private JobManager start(int threads, int queue, QuotaSettings quotas, WaitSettings waits) throws Exception {
        if (pool == null) {
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/uws") + ";DATABASE_TO_LOWER=TRUE",
                    "sa", "");
        }
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new CountingJobKind(), blocking),
                new JobLimits(threads, queue, Duration.ofSeconds(3600), Duration.ofSeconds(7200), Duration.ofDays(7),
                        Duration.ofSeconds(30), Duration.ofSeconds(3600)), Clock.systemUTC(), null, null, quotas,
                waits);
        manager.start();
        return manager;
    }

    private JobManager start(QuotaSettings quotas) throws Exception {
        return start(2, 10, quotas, WaitSettings.DEFAULT);
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
        if (pool != null) {
            pool.dispose();
        }
    }

    private JobRecord waitForEnd(String kind, JobRecord job) throws Exception {
        long until = System.currentTimeMillis() + LONG.toMillis();
        JobRecord j = job;
        while (j.phase().isActive() && System.currentTimeMillis() < until) {
            j = manager.await(kind, j.id(), null, LONG, null);
            if (j.phase() == ExecutionPhase.PENDING) {
                break;
            }
        }
        return j;
    }

    private JobRecord executingBlockingJob(Caller caller) throws Exception {
        JobRecord job = manager.create("block", caller, DaliParameters.of("PHASE", "RUN"), List.of());
        assertTrue(blocking.started.await(20, TimeUnit.SECONDS), "the job started");
        return manager.get("block", job.id(), null);
    }

    // ------------------------------------------------------------ H4

    @Test
    void racingRunsOnOnePendingJobLeakNoQueueSlot() throws Exception {
        start(2, 3, QuotaSettings.UNLIMITED, WaitSettings.DEFAULT);
        ExecutorService pool16 = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 15; round++) {
                JobRecord job = manager.create("count", ALICE, DaliParameters.of("UNITS", "1", "MS", "0"), List.of());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    runs.add(pool16.submit(() -> {
                        go.await();
                        try {
                            manager.run("count", job.id(), null);
                        } catch (JobRequestException.QueueFull e) {
                            // other racers hold the slots for a moment: fine
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : runs) {
                    f.get(20, TimeUnit.SECONDS);
                }
                assertEquals(ExecutionPhase.COMPLETED, waitForEnd("count", manager.get("count", job.id(), null))
                        .phase());
            }
        } finally {
            pool16.shutdownNow();
        }
        long until = System.currentTimeMillis() + 5000;
        while (manager.slotsInUse() != 0 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, manager.slotsInUse(), "every slot came back");
        for (int i = 0; i < 3; i++) {
            manager.create("count", BOB, DaliParameters.of("PHASE", "RUN", "UNITS", "1"), List.of());
        }
    }

    // ------------------------------------------------------------ H5 quotas

    @Test
    void aClientOverItsJobQuotaGets429WhileOthersAreUnaffected() throws Exception {
        start(new QuotaSettings(3, 2, 1L << 30, 1000, 1L << 40, 42, 100));
        for (int i = 0; i < 3; i++) {
            manager.create("count", ALICE, DaliParameters.EMPTY, List.of());
        }
        JobRequestException.QuotaExceeded e = assertThrows(JobRequestException.QuotaExceeded.class,
                () -> manager.create("count", ALICE, DaliParameters.EMPTY, List.of()));
        assertEquals("Too many jobs: this client already has 3 jobs PENDING, QUEUED or EXECUTING, its limit"
                + " (muwclass.jobs.quota.jobs = 3); delete finished or unneeded jobs, or try again later",
                e.getMessage());
        assertEquals(42, e.retryAfterSeconds());
        JobRecord bobs = manager.create("count", BOB, DaliParameters.EMPTY, List.of());
        assertEquals(ExecutionPhase.PENDING, bobs.phase(), "another client is not affected");
    }

    @Test
    void aClientOverItsActiveQuotaCannotQueueMore() throws Exception {
        start(new QuotaSettings(10, 2, 1L << 30, 1000, 1L << 40, 60, 100));
        DaliParameters slow = DaliParameters.of("UNITS", "1000", "MS", "10");
        JobRecord a = manager.create("count", ALICE, slow.updatedWith(DaliParameters.of("PHASE", "RUN")), List.of());
        manager.create("count", ALICE, slow.updatedWith(DaliParameters.of("PHASE", "RUN")), List.of());
        JobRecord third = manager.create("count", ALICE, slow, List.of());
        JobRequestException.QuotaExceeded e = assertThrows(JobRequestException.QuotaExceeded.class,
                () -> manager.run("count", third.id(), null));
        assertTrue(e.getMessage().contains("(muwclass.jobs.quota.active = 2)"), e.getMessage());
        assertThrows(JobRequestException.QuotaExceeded.class, () -> manager.create("count", ALICE,
                DaliParameters.of("PHASE", "RUN"), List.of()));
        manager.abort("count", a.id(), null);
        manager.run("count", third.id(), null);
        assertTrue(manager.get("count", third.id(), null).phase().holdsQueueSlot(), "queued once a slot is free");
    }

    @Test
    void bytesOverTheClientQuotaGive413AndGlobalLimitsGive503() throws Exception {
        start(new QuotaSettings(10, 5, 100, 3, 1L << 40, 60, 100));
        Path staging = manager.files().newStagingDirectory();
        Path f = Files.write(staging.resolve("big"), new byte[150]);
        JobRequestException.StorageQuotaExceeded big = assertThrows(JobRequestException.StorageQuotaExceeded.class,
                () -> manager.create("count", ALICE, DaliParameters.EMPTY,
                        List.of(new UploadedFile("DATA", "big.bin", null, f, 150))));
        assertEquals("Too much data: this client stores 0 bytes of uploads and results and this request adds 150;"
                + " the limit is 100 bytes (muwclass.jobs.quota.bytes). Delete jobs you no longer need",
                big.getMessage());
        assertEquals(0, manager.list(new JobFilter("count", null, Set.of(), null, null)).size(), "nothing stored");
        manager.create("count", ALICE, DaliParameters.EMPTY, List.of());
        manager.create("count", BOB, DaliParameters.EMPTY, List.of());
        manager.create("count", Caller.anonymous("10.0.0.3"), DaliParameters.EMPTY, List.of());
        JobRequestException.ServiceFull full = assertThrows(JobRequestException.ServiceFull.class,
                () -> manager.create("count", Caller.anonymous("10.0.0.4"), DaliParameters.EMPTY, List.of()));
        assertTrue(full.getMessage().contains("(muwclass.jobs.global.jobs)"), full.getMessage());
        assertEquals(60, full.retryAfterSeconds());
    }

    @Test
    void parameterCountPerJobIsCapped() throws Exception {
        start(new QuotaSettings(10, 5, 1L << 30, 1000, 1L << 40, 60, 3));
        ParameterException tooMany = assertThrows(ParameterException.class, () -> manager.create("count", ALICE,
                DaliParameters.of("A", "1", "B", "2", "C", "3", "D", "4", "PHASE", "RUN"), List.of()));
        assertEquals("Parameter (parameters): '4' is not allowed; expected at most 3 parameters per job"
                + " (muwclass.jobs.quota.parameters)", tooMany.getMessage());
        JobRecord job = manager.create("count", ALICE, DaliParameters.of("A", "1"), List.of());
        manager.updateParameters("count", job.id(), null, DaliParameters.of("B", "1"), List.of());
        manager.updateParameters("count", job.id(), null, DaliParameters.of("C", "1"), List.of());
        for (int i = 0; i < 50; i++) {
            manager.updateParameters("count", job.id(), null, DaliParameters.of("C", Integer.toString(i)), List.of());
        }
        assertThrows(ParameterException.class, () -> manager.updateParameters("count", job.id(), null,
                DaliParameters.of("E", "1"), List.of()));
        assertEquals(3, manager.get("count", job.id(), null).parameters().asList().size());
    }

    @Test
    void destructionCannotBePushedBeyondCreationPlusTheLifetime() throws Exception {
        start(QuotaSettings.UNLIMITED);
        JobRecord job = manager.create("count", ALICE, DaliParameters.of("DESTRUCTION", "2999-01-01T00:00:00Z"),
                List.of());
        Instant latest = job.creationTime().plus(Duration.ofDays(7));
        assertFalse(job.destruction().isAfter(latest), "capped at creation");
        for (int i = 0; i < 5; i++) {
            Thread.sleep(20);
            assertEquals(latest, manager.setDestruction("count", job.id(), null, "2999-01-01T00:00:00Z"),
                    "re-posting does not move it");
        }
        assertEquals(Instant.parse("2030-01-01T00:00:00Z").isBefore(latest) ? Instant.parse("2030-01-01T00:00:00Z")
                : latest, manager.setDestruction("count", job.id(), null, "2030-01-01T00:00:00Z"));
        Instant sooner = job.creationTime().plus(Duration.ofHours(1));
        assertEquals(sooner, manager.setDestruction("count", job.id(), null, sooner.toString()), "earlier is kept");
    }

    // ------------------------------------------------------------ M1 WAIT

    @Test
    void waitersBeyondTheCapAreAnsweredAtOnceAndAllAreReleasedByThePhaseChange() throws Exception {
        start(2, 10, QuotaSettings.UNLIMITED, new WaitSettings(Duration.ofSeconds(30), 2, Duration.ofSeconds(10)));
        JobRecord job = executingBlockingJob(ALICE);
        CompletableFuture<JobRecord> w1 = manager.awaitAsync("block", job.id(), null, Duration.ofSeconds(100), null);
        CompletableFuture<JobRecord> w2 = manager.awaitAsync("block", job.id(), null, Duration.ofSeconds(-1), null);
        assertFalse(w1.isDone() || w2.isDone(), "two wait");
        assertEquals(2, manager.waitersHeld());
        CompletableFuture<JobRecord> w3 = manager.awaitAsync("block", job.id(), null, Duration.ofSeconds(30), null);
        assertTrue(w3.isDone(), "beyond the cap: answered at once");
        assertEquals(ExecutionPhase.EXECUTING, w3.get().phase());
        manager.abort("block", job.id(), null);
        assertEquals(ExecutionPhase.ABORTED, w1.get(5, TimeUnit.SECONDS).phase());
        assertEquals(ExecutionPhase.ABORTED, w2.get(5, TimeUnit.SECONDS).phase());
        assertEquals(0, manager.waitersHeld());
    }

    @Test
    void waitIsCappedAtTheWaitLimit() throws Exception {
        start(2, 10, QuotaSettings.UNLIMITED, new WaitSettings(Duration.ofSeconds(1), 10, Duration.ofSeconds(10)));
        JobRecord job = executingBlockingJob(ALICE);
        long t0 = System.nanoTime();
        JobRecord after = manager.awaitAsync("block", job.id(), null, Duration.ofSeconds(100_000), null).get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ExecutionPhase.EXECUTING, after.phase());
        assertTrue(ms >= 900 && ms < 5000, "returned at the 1 s cap: " + ms + " ms");
    }

    // ------------------------------------------------------------ H6, M3 stopping

    @Test
    void abortRunsTheStopActionsFreesTheSlotAndWithdrawsWhatWasPublished() throws Exception {
        start(1, 1, QuotaSettings.UNLIMITED, WaitSettings.DEFAULT);
        JobRecord job = executingBlockingJob(ALICE);
        assertEquals(1, manager.slotsInUse());
        manager.abort("block", job.id(), null);
        assertEquals(1, blocking.stopActionsRun.get(), "the running statement was cancelled at once");
        assertTrue(blocking.left.await(5, TimeUnit.SECONDS), "the thread left the job");
        assertEquals(0, manager.slotsInUse());
        long until = System.currentTimeMillis() + 5000;
        while (!blocking.discarded.contains(job.id()) && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertTrue(blocking.published.isEmpty(), "an aborted job keeps no published rows");
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd("count", manager.create("count", BOB,
                DaliParameters.of("PHASE", "RUN", "UNITS", "1"), List.of())).phase(), "the one worker is free");
    }

    @Test
    void theExecutionDurationCancelsTheRunningWorkAtOnce() throws Exception {
        start(1, 1, QuotaSettings.UNLIMITED, WaitSettings.DEFAULT);
        long t0 = System.nanoTime();
        JobRecord job = manager.create("block", ALICE, DaliParameters.of("PHASE", "RUN", "EXECUTIONDURATION", "1"),
                List.of());
        assertTrue(blocking.left.await(10, TimeUnit.SECONDS), "the thread left at the deadline, not after 60 s");
        assertTrue(System.nanoTime() - t0 < 8_000_000_000L);
        assertEquals(1, blocking.stopActionsRun.get(), "the stop action (statement cancel) ran");
        JobRecord ended = manager.get("block", job.id(), null);
        assertEquals(ExecutionPhase.ERROR, ended.phase());
        assertTrue(ended.error().message().startsWith("The job exceeded its execution duration of 1 s"),
                ended.error().message());
        long until = System.currentTimeMillis() + 5000;
        while (manager.slotsInUse() != 0 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, manager.slotsInUse());
    }

    @Test
    void destroyingAnExecutingJobStopsItAndLeavesNoRowFilesOrPublishedRows() throws Exception {
        start(1, 2, QuotaSettings.UNLIMITED, WaitSettings.DEFAULT);
        JobRecord job = executingBlockingJob(ALICE);
        Path jobDir = manager.files().jobDirectory(job.id());
        assertTrue(Files.exists(jobDir.resolve("work/scratch")));
        long t0 = System.nanoTime();
        manager.delete("block", job.id(), null);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "stopped at once, not at the 60 s the job would take");
        assertEquals(1, blocking.stopActionsRun.get());
        assertTrue(blocking.left.await(1, TimeUnit.SECONDS), "the thread had left before the files went");
        assertThrows(JobRequestException.NotFound.class, () -> manager.get("block", job.id(), null));
        Thread.sleep(200);
        assertFalse(Files.exists(jobDir), "no directory recreated");
        assertTrue(blocking.published.isEmpty(), "published rows withdrawn");
        assertTrue(blocking.destroyed.contains(job.id()));
        assertEquals(0, manager.slotsInUse());
    }

    // ------------------------------------------------------------ M2 restart

    @Test
    void startRemovesCrashLeftoversAndWithdrawsRowsOfJobsCutOffWhileExecuting() throws Exception {
        start(QuotaSettings.UNLIMITED);
        JobRecord kept = manager.create("count", ALICE, DaliParameters.EMPTY, List.of());
        JobRecord cut = manager.create("block", ALICE, DaliParameters.EMPTY, List.of());
        manager.close();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE uws.jobs SET phase = 'EXECUTING', start_time = 1 WHERE job_id = '" + cut.id()
                    + "'");
        }
        blocking.published.add(cut.id()); // it published, then kill -9 before COMPLETED
        Path jobs = dir.resolve("jobs");
        Path staging = Files.createDirectories(jobs.resolve(".staging/req123"));
        Files.writeString(staging.resolve("INPUT"), "half an upload");
        Path sync = Files.createDirectories(dir.resolve("tmp/sync-" + java.util.UUID.randomUUID()));
        Files.writeString(sync.resolve("upload"), "half a sync upload");
        Path otherTmp = Files.writeString(dir.resolve("tmp/keep.txt"), "not ours");
        Path orphan = Files.createDirectories(jobs.resolve(JobIds.newId()).resolve("uploads"));
        Files.writeString(orphan.resolve("INPUT"), "moved in before the insert committed");
        Path keptDir = Files.createDirectories(manager.files().jobDirectory(kept.id()).resolve("uploads"));

        start(QuotaSettings.UNLIMITED);
        assertFalse(Files.exists(staging), "staging swept");
        assertFalse(Files.exists(sync), "sync upload swept");
        assertFalse(Files.exists(orphan.getParent()), "orphan job directory swept");
        assertTrue(Files.exists(otherTmp), "other files kept");
        assertTrue(Files.exists(keptDir), "a live job's directory kept");
        assertEquals(ExecutionPhase.ERROR, manager.get("block", cut.id(), null).phase());
        assertTrue(blocking.discarded.contains(cut.id()) && blocking.published.isEmpty(),
                "rows published before the crash are withdrawn");
    }

    @Test
    void aRunCreationIsStoredQueuedSoNoCrashLeavesItPending() throws Exception {
        start(1, 10, QuotaSettings.UNLIMITED, WaitSettings.DEFAULT);
        JobRecord blocker = executingBlockingJob(ALICE);
        JobRecord queued = manager.create("count", ALICE, DaliParameters.of("PHASE", "RUN"), List.of());
        assertEquals(ExecutionPhase.QUEUED, queued.phase());
        manager.close(); // as if killed: the row says QUEUED, so the next start queues it again
        manager = null;
        start(1, 10, QuotaSettings.UNLIMITED, WaitSettings.DEFAULT);
        assertEquals(ExecutionPhase.ERROR, manager.get("block", blocker.id(), null).phase());
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd("count", manager.get("count", queued.id(), null)).phase());
    }
}
