package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/** The job machinery end to end on an embedded H2 database, without an application server. */
class JobManagerTest {

    private static final org.muwclass.service.uws.Caller ALICE =
            new org.muwclass.service.uws.Caller("alice", java.util.Set.of(), "127.0.0.1");
    private static final org.muwclass.service.uws.Caller ANON =
            org.muwclass.service.uws.Caller.anonymous("127.0.0.1");


    private static final String KIND = "count";
    private static final Duration LONG_WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private DataSource pool;
    private JobManager manager;

    /** The database the jobs are stored in; a subclass runs the same tests on PostgreSQL. */
    protected DataSource openDatabase(Path dir) throws Exception {
        return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/uws") + ";DATABASE_TO_LOWER=TRUE", "sa",
                "");
    }

    protected void closeDatabase(DataSource db) throws Exception {
        ((JdbcConnectionPool) db).dispose();
    }

    private JobManager start(int threads, int queue) throws Exception {
        return start(threads, queue, Duration.ofSeconds(3600));
    }

    private JobManager start(int threads, int queue, Duration durationDefault) throws Exception {
        if (pool == null) {
            pool = openDatabase(dir);
        }
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new CountingJobKind()),
                new JobLimits(threads, queue, durationDefault, Duration.ofSeconds(7200), Duration.ofDays(7),
                        Duration.ofSeconds(30), Duration.ofSeconds(3600)), Clock.systemUTC());
        manager.start();
        return manager;
    }

    @AfterEach
    void stop() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (pool != null) {
            closeDatabase(pool);
        }
    }

    private JobRecord waitForEnd(JobRecord job) throws Exception {
        long until = System.currentTimeMillis() + LONG_WAIT.toMillis();
        JobRecord j = job;
        while (j.phase().isActive() && System.currentTimeMillis() < until) {
            j = manager.await(KIND, j.id(), j.ownerId(), LONG_WAIT, null);
        }
        return j;
    }

    @Test
    void jobRunsToCompletionWithResultAndProgress() throws Exception {
        start(2, 10);
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("UNITS", "4", "RUNID", "r1"), List.of());
        assertEquals(ExecutionPhase.PENDING, job.phase(), "created without PHASE=RUN");
        assertEquals("r1", job.runId());
        assertEquals(Duration.ofMillis(20), job.estimate(), "estimate from the kind");
        assertEquals(DaliParameters.of("UNITS", "4"), job.parameters(), "RUNID is not a kind parameter");
        manager.run(KIND, job.id(), null);
        JobRecord done = waitForEnd(job);
        assertEquals(ExecutionPhase.COMPLETED, done.phase());
        assertNotNull(done.startTime());
        assertNotNull(done.endTime());
        assertEquals(new Progress(4, 4), done.progress());
        assertEquals(List.of(new ResultInfo("result", "text/plain", 18)), done.results());
        assertEquals("units=4 uploaded=0", CountingJobKind.read(manager, done));
        assertEquals(done.endTime(), manager.quote(done).orElseThrow(), "quote of a finished job is its end");
    }

    @Test
    void uploadsMoveIntoTheJobDirectory() throws Exception {
        start(1, 10);
        Path staging = manager.files().newStagingDirectory();
        Path f = Files.writeString(staging.resolve("INPUT"), "12345");
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN"),
                List.of(new UploadedFile("INPUT", "t.csv", "text/csv", f, 5)));
        assertFalse(Files.exists(f), "moved out of staging");
        assertEquals(dir.resolve("jobs").resolve(job.id()).resolve("uploads/INPUT"), job.uploads().get(0).path());
        JobRecord done = waitForEnd(job);
        assertEquals("units=3 uploaded=5", CountingJobKind.read(manager, done));
    }

    @Test
    void badParameterRefusesCreationAndNamesTheParameter() throws Exception {
        start(1, 10);
        ParameterException e = assertThrows(ParameterException.class,
                () -> manager.create(KIND, ANON, DaliParameters.of("UNITS", "0"), List.of()));
        assertEquals("Parameter UNITS: '0' is not allowed; expected an integer from 1 to 10000", e.getMessage());
        ParameterException p = assertThrows(ParameterException.class,
                () -> manager.create(KIND, ANON, DaliParameters.of("PHASE", "ABORT"), List.of()));
        assertEquals("PHASE", p.parameter());
        assertThrows(ParameterException.class,
                () -> manager.create(KIND, ANON, DaliParameters.of("DESTRUCTION", "tomorrow"), List.of()));
        assertTrue(manager.list(JobFilter.all(KIND, null)).isEmpty(), "no job was created");
    }

    @Test
    void failuresGiveErrorSummaries() throws Exception {
        start(2, 10);
        JobRecord failed = waitForEnd(manager.create(KIND, ANON,
                DaliParameters.of("PHASE", "RUN", "FAIL", "Column 'x', row 2: NaN is not allowed"), List.of()));
        assertEquals(ExecutionPhase.ERROR, failed.phase());
        assertEquals(ErrorSummary.fatal("Column 'x', row 2: NaN is not allowed"), failed.error());
        JobRecord crashed = waitForEnd(manager.create(KIND, ANON,
                DaliParameters.of("PHASE", "RUN", "CRASH", "1"), List.of()));
        assertEquals(ExecutionPhase.ERROR, crashed.phase());
        assertTrue(crashed.error().message().startsWith("Internal error while executing the job"),
                crashed.error().message());
    }

    @Test
    void abortStopsAnExecutingJob() throws Exception {
        start(1, 10);
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN", "UNITS", "1000", "MS", "10"),
                List.of());
        JobRecord executing = manager.await(KIND, job.id(), null, LONG_WAIT, ExecutionPhase.QUEUED);
        if (executing.phase() == ExecutionPhase.QUEUED) {
            executing = manager.await(KIND, job.id(), null, LONG_WAIT, ExecutionPhase.QUEUED);
        }
        assertEquals(ExecutionPhase.EXECUTING, executing.phase());
        manager.abort(KIND, job.id(), null);
        JobRecord aborted = manager.get(KIND, job.id(), null);
        assertEquals(ExecutionPhase.ABORTED, aborted.phase());
        Thread.sleep(100);
        assertEquals(ExecutionPhase.ABORTED, manager.get(KIND, job.id(), null).phase(), "stays aborted");
        assertTrue(aborted.results().isEmpty());
        // the worker is free again: a new job completes
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd(manager.create(KIND, ANON,
                DaliParameters.of("PHASE", "RUN"), List.of())).phase());
    }

    @Test
    void executionDurationIsEnforcedEvenForCodeThatIgnoresStops() throws Exception {
        start(1, 10);
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN", "EXECUTIONDURATION", "1",
                "UNITS", "300", "MS", "10", "IGNORESTOP", "1"), List.of());
        assertEquals(Duration.ofSeconds(1), job.executionDuration());
        long t0 = System.nanoTime();
        JobRecord ended = waitForEnd(job);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ExecutionPhase.ERROR, ended.phase());
        assertTrue(ended.error().message().startsWith("The job exceeded its execution duration of 1 s"),
                ended.error().message());
        assertTrue(seconds < 2.5, "stopped near the limit, after " + seconds + " s");
    }

    @Test
    void fullQueueRefusesRunningJobsButNotPendingOnes() throws Exception {
        start(1, 2);
        DaliParameters slow = DaliParameters.of("PHASE", "RUN", "UNITS", "1000", "MS", "10");
        JobRecord a = manager.create(KIND, ANON, slow, List.of());
        manager.create(KIND, ANON, slow, List.of());
        JobRequestException.QueueFull full = assertThrows(JobRequestException.QueueFull.class,
                () -> manager.create(KIND, ANON, slow, List.of()));
        assertTrue(full.getMessage().contains("2 jobs are already queued or executing"), full.getMessage());
        JobRecord pending = manager.create(KIND, ANON, DaliParameters.of("UNITS", "1"), List.of());
        assertThrows(JobRequestException.QueueFull.class, () -> manager.run(KIND, pending.id(), null));
        assertEquals(ExecutionPhase.PENDING, manager.get(KIND, pending.id(), null).phase());
        manager.abort(KIND, a.id(), null);
        manager.run(KIND, pending.id(), null);
        assertEquals(ExecutionPhase.QUEUED, manager.get(KIND, pending.id(), null).phase(), "slot freed by abort");
        Instant quote = manager.quote(manager.get(KIND, pending.id(), null)).orElseThrow();
        assertTrue(quote.isAfter(Instant.now().plusSeconds(5)), "queued behind a ~10 s job: " + quote);
    }

    @Test
    void quoteOfAnExecutingJobFollowsItsMeasuredProgress() throws Exception {
        start(1, 10);
        // the kind's estimate says an hour; the job really takes about 2 s
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN", "UNITS", "200", "MS", "10",
                "EST_MS", "3600000"), List.of());
        JobRecord running = manager.get(KIND, job.id(), null);
        long until = System.currentTimeMillis() + 20_000;
        while ((running.phase() != ExecutionPhase.EXECUTING || running.progress().done() < 20)
                && System.currentTimeMillis() < until) {
            Thread.sleep(20);
            running = manager.get(KIND, job.id(), null);
        }
        assertEquals(ExecutionPhase.EXECUTING, running.phase());
        Instant quote = manager.quote(running).orElseThrow();
        assertTrue(quote.isBefore(Instant.now().plusSeconds(60)), "extrapolated, not the 1 h estimate: " + quote);
        manager.abort(KIND, job.id(), null);
    }

    @Test
    void destructionRemovesRowsAndFiles() throws Exception {
        start(1, 10);
        JobRecord job = waitForEnd(manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN"), List.of()));
        Path jobDir = dir.resolve("jobs").resolve(job.id());
        assertTrue(Files.exists(jobDir.resolve("results/result")));
        Instant later = manager.setDestruction(KIND, job.id(), null, "2999-01-01T00:00:00Z");
        assertTrue(later.isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(5)), "capped: " + later);
        assertEquals(0, manager.reap());
        manager.setDestruction(KIND, job.id(), null, "2020-01-01T00:00:00");
        assertEquals(1, manager.reap());
        assertThrows(JobRequestException.NotFound.class, () -> manager.get(KIND, job.id(), null));
        assertFalse(Files.exists(jobDir), "job directory removed");
    }

    @Test
    void deleteRemovesAnExecutingJob() throws Exception {
        start(1, 10);
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN", "UNITS", "1000", "MS", "10"),
                List.of());
        manager.await(KIND, job.id(), null, LONG_WAIT, ExecutionPhase.QUEUED);
        manager.delete(KIND, job.id(), null);
        assertThrows(JobRequestException.NotFound.class, () -> manager.get(KIND, job.id(), null));
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd(manager.create(KIND, ANON,
                DaliParameters.of("PHASE", "RUN"), List.of())).phase(), "queue slot and worker freed");
    }

    @Test
    void ownedJobsAreInvisibleToOthers() throws Exception {
        start(1, 10);
        JobRecord alices = manager.create(KIND, new Caller("alice", Set.of(), "127.0.0.1"), DaliParameters.EMPTY, List.of());
        JobRecord open = manager.create(KIND, ANON, DaliParameters.EMPTY, List.of());
        assertThrows(JobRequestException.Forbidden.class, () -> manager.get(KIND, alices.id(), "bob"));
        assertThrows(JobRequestException.Forbidden.class, () -> manager.get(KIND, alices.id(), null));
        assertThrows(JobRequestException.Forbidden.class, () -> manager.abort(KIND, alices.id(), "bob"));
        assertThrows(JobRequestException.Forbidden.class, () -> manager.delete(KIND, alices.id(), "bob"));
        assertEquals("alice", manager.get(KIND, alices.id(), "alice").ownerId());
        assertEquals(Set.of(alices.id()), ids(manager.list(JobFilter.all(KIND, "alice"))), "only one's own jobs");
        assertEquals(Set.of(), ids(manager.list(JobFilter.all(KIND, "bob"))));
        assertEquals(Set.of(), ids(manager.list(JobFilter.all(KIND, null))), "anonymous jobs are never listed");
        assertEquals(open.id(), manager.get(KIND, open.id(), "bob").id(), "an anonymous job's id is its capability");
        assertThrows(JobRequestException.NotFound.class, () -> manager.get("other-kind", open.id(), null));
        assertThrows(JobRequestException.NotFound.class, () -> manager.get(KIND, "../../x", null));
    }

    @Test
    void listFiltersByPhaseAfterAndLast() throws Exception {
        start(1, 10);
        JobRecord first = manager.create(KIND, ALICE, DaliParameters.EMPTY, List.of());
        Thread.sleep(5);
        JobRecord second = waitForEnd(manager.create(KIND, ALICE, DaliParameters.of("PHASE", "RUN"), List.of()));
        Thread.sleep(5);
        JobRecord third = manager.create(KIND, ALICE, DaliParameters.EMPTY, List.of());
        assertEquals(List.of(first.id(), second.id(), third.id()),
                manager.list(JobFilter.all(KIND, "alice")).stream().map(JobRecord::id).toList(), "oldest first");
        assertEquals(Set.of(first.id(), third.id()), ids(manager.list(new JobFilter(KIND, "alice",
                EnumSet.of(ExecutionPhase.PENDING), null, null))));
        assertEquals(Set.of(second.id(), third.id()), ids(manager.list(new JobFilter(KIND, "alice", Set.of(),
                first.creationTime(), null))));
        assertEquals(List.of(third.id(), second.id()), manager.list(new JobFilter(KIND, "alice", Set.of(), null, 2))
                .stream().map(JobRecord::id).toList(), "LAST: newest first");
        assertEquals(List.of(second.id()), manager.list(new JobFilter(KIND, "alice",
                EnumSet.of(ExecutionPhase.COMPLETED), null, 1)).stream().map(JobRecord::id).toList());
    }

    @Test
    void waitReturnsAtOnceForPendingFinishedOrOtherPhaseAndBlocksOtherwise() throws Exception {
        start(1, 10);
        JobRecord pending = manager.create(KIND, ANON, DaliParameters.EMPTY, List.of());
        long t0 = System.nanoTime();
        assertEquals(ExecutionPhase.PENDING, manager.await(KIND, pending.id(), null, Duration.ofSeconds(10),
                ExecutionPhase.EXECUTING).phase());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "PHASE differs: no blocking");
        t0 = System.nanoTime();
        assertEquals(ExecutionPhase.PENDING, manager.awaitAsync(KIND, pending.id(), null, Duration.ofSeconds(10),
                null).get().phase());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "a request's WAIT on PENDING: no blocking");
        assertEquals(0, manager.waitersHeld());
        t0 = System.nanoTime();
        manager.await(KIND, pending.id(), null, Duration.ofMillis(300), null);
        long pendingMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(pendingMs >= 250 && pendingMs < 5000, "the service's own WAIT blocks, so loops do not spin: "
                + pendingMs + " ms");

        JobRecord slow = manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN", "UNITS", "1000", "MS", "10"),
                List.of());
        JobRecord executing = manager.await(KIND, slow.id(), null, LONG_WAIT, ExecutionPhase.QUEUED);
        assertEquals(ExecutionPhase.EXECUTING, executing.phase());
        t0 = System.nanoTime();
        manager.await(KIND, slow.id(), null, Duration.ofMillis(300), null);
        long blockedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(blockedMs >= 250 && blockedMs < 5000, "blocked for the WAIT time: " + blockedMs + " ms");
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(200);
                manager.abort(KIND, slow.id(), null);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        waker.start();
        t0 = System.nanoTime();
        assertEquals(ExecutionPhase.ABORTED, manager.await(KIND, slow.id(), null, Duration.ofSeconds(20), null)
                .phase());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "woken by the phase change");
        waker.join();
        assertEquals(0, manager.waitersHeld(), "no waiter left behind");
    }

    @Test
    void parametersChangeOnlyWhilePending() throws Exception {
        start(1, 10);
        JobRecord job = manager.create(KIND, ANON, DaliParameters.of("UNITS", "2"), List.of());
        JobRecord changed = manager.updateParameters(KIND, job.id(), null, DaliParameters.of("units", "5"), List.of());
        assertEquals(DaliParameters.of("units", "5"), changed.parameters());
        assertEquals(Duration.ofMillis(25), changed.estimate());
        assertThrows(ParameterException.class, () -> manager.updateParameters(KIND, job.id(), null,
                DaliParameters.of("UNITS", "x"), List.of()));
        assertEquals(Duration.ofSeconds(7200), manager.setExecutionDuration(KIND, job.id(), null, "0"),
                "0 (unlimited) gets the limit");
        manager.run(KIND, job.id(), null);
        JobRecord done = waitForEnd(job);
        assertEquals("units=5 uploaded=0", CountingJobKind.read(manager, done));
        assertThrows(JobRequestException.WrongPhase.class, () -> manager.updateParameters(KIND, job.id(), null,
                DaliParameters.of("UNITS", "1"), List.of()));
        assertThrows(JobRequestException.WrongPhase.class,
                () -> manager.setExecutionDuration(KIND, job.id(), null, "10"));
    }

    @Test
    void restartRequeuesQueuedJobsAndFailsInterruptedOnes() throws Exception {
        start(1, 10);
        JobRecord completed = waitForEnd(manager.create(KIND, ANON, DaliParameters.of("PHASE", "RUN"), List.of()));
        JobRecord wasExecuting = manager.create(KIND, ANON, DaliParameters.EMPTY, List.of());
        JobRecord wasQueued = manager.create(KIND, ANON, DaliParameters.of("UNITS", "2"), List.of());
        manager.close();
        // what a killed process leaves behind: phases set, no thread running them
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE uws.jobs SET phase = 'EXECUTING', start_time = 1 WHERE job_id = '"
                    + wasExecuting.id() + "'");
            s.executeUpdate("UPDATE uws.jobs SET phase = 'QUEUED' WHERE job_id = '" + wasQueued.id() + "'");
        }
        Path partial = dir.resolve("jobs").resolve(wasExecuting.id()).resolve("results/result");
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "partial");

        start(1, 10);
        JobRecord failed = manager.get(KIND, wasExecuting.id(), null);
        assertEquals(ExecutionPhase.ERROR, failed.phase());
        assertEquals(ErrorType.TRANSIENT, failed.error().type());
        assertTrue(failed.error().message().startsWith("The service was restarted while this job was executing"),
                failed.error().message());
        assertFalse(Files.exists(partial), "partial results removed");
        assertEquals(ExecutionPhase.COMPLETED, waitForEnd(manager.get(KIND, wasQueued.id(), null)).phase());
        JobRecord kept = manager.get(KIND, completed.id(), null);
        assertEquals(ExecutionPhase.COMPLETED, kept.phase());
        assertEquals("units=3 uploaded=0", CountingJobKind.read(manager, kept), "finished result survives");
    }

    private static Set<String> ids(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::id).collect(Collectors.toSet());
    }

    @Test
    void recordsWithoutEstimateHaveNoQuote() {
        JobRecord r = new JobRecord(JobIds.newId(), KIND, null, null, ExecutionPhase.PENDING, Instant.now(), null,
                null, Duration.ZERO, Instant.now(), null, null, null, null, List.of(), List.of());
        assertNull(r.error());
        assertTrue(r.accessibleTo("anyone"));
    }
}
