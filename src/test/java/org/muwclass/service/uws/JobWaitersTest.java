package org.muwclass.service.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muwclass.service.dali.DaliParameters;

class JobWaitersTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<JobRecord> current = new AtomicReference<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private JobWaiters waiters(int max) {
        return new JobWaiters(max, timer, Runnable::run, id -> {
            reads.incrementAndGet();
            return current.get();
        });
    }

    private static JobRecord job(String id, ExecutionPhase phase) {
        return new JobRecord(id, "count", null, null, phase, Instant.now(), null, null, Duration.ofSeconds(60),
                Instant.now().plusSeconds(3600), null, null, Progress.NONE, DaliParameters.EMPTY, List.of(), List.of());
    }

    @Test
    void onePhaseChangeReadsTheJobOnceForAllItsWaiters() throws Exception {
        JobWaiters w = waiters(1000);
        String id = JobIds.newId();
        current.set(job(id, ExecutionPhase.EXECUTING));
        List<CompletableFuture<JobRecord>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(w.register(id, ExecutionPhase.EXECUTING, Duration.ofSeconds(60), true).orElseThrow());
        }
        w.changed(id); // same phase (e.g. a racing signal): nobody is woken
        assertEquals(1, reads.get());
        assertFalse(futures.get(0).isDone());
        current.set(job(id, ExecutionPhase.COMPLETED));
        w.changed(id);
        assertEquals(2, reads.get(), "one read for 500 waiters");
        for (CompletableFuture<JobRecord> f : futures) {
            assertEquals(ExecutionPhase.COMPLETED, f.get(1, TimeUnit.SECONDS).phase());
        }
        assertEquals(0, w.size());
        w.changed(JobIds.newId());
        assertEquals(2, reads.get(), "jobs nobody waits on are not read");
    }

    @Test
    void theCapRefusesRequestsButNotTheServiceAndTimeoutsAnswerWithTheJobAsItIs() throws Exception {
        JobWaiters w = waiters(1);
        String id = JobIds.newId();
        current.set(job(id, ExecutionPhase.QUEUED));
        CompletableFuture<JobRecord> first = w.register(id, ExecutionPhase.QUEUED, Duration.ofMillis(200), true)
                .orElseThrow();
        assertTrue(w.register(id, ExecutionPhase.QUEUED, Duration.ofSeconds(10), true).isEmpty(), "capped");
        CompletableFuture<JobRecord> service = w.register(id, ExecutionPhase.QUEUED, Duration.ofMillis(200), false)
                .orElseThrow();
        assertEquals(ExecutionPhase.QUEUED, first.get(5, TimeUnit.SECONDS).phase(), "timed out");
        assertEquals(ExecutionPhase.QUEUED, service.get(5, TimeUnit.SECONDS).phase());
        assertEquals(0, w.size());
        CompletableFuture<JobRecord> gone = w.register(id, ExecutionPhase.QUEUED, Duration.ofSeconds(10), true)
                .orElseThrow();
        current.set(null);
        w.changed(id);
        assertNull(gone.get(1, TimeUnit.SECONDS), "destroyed: null");
    }
}
