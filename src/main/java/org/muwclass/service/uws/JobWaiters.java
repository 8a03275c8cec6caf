package org.muwclass.service.uws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Blocking WAIT without a thread per waiter (review M1): each waiter is a future registered under its job id and
 * completed when that job changes phase (the job is read once per change, whatever the number of waiters) or when
 * its wait runs out. At most {@code maxWaiters} are held; {@link #register} refuses more, and the caller answers at
 * once (UWS lets WAIT return early).
 *
 * <p>Futures complete on {@code notifier}, not on the thread that changed the phase, so a job's worker is not held
 * up writing responses.
 */
final class JobWaiters {

    /** One WAIT: the phase it waits to see change, its future and its timeout. */
    private static final class Waiter {
        final ExecutionPhase initial;
        final CompletableFuture<JobRecord> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Waiter(ExecutionPhase initial) {
            this.initial = initial;
        }
    }

    private final Map<String, List<Waiter>> byJob = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int maxWaiters;
    private final ScheduledExecutorService timer;
    private final Executor notifier;
    private final Function<String, JobRecord> reader;

    /**
     * @param reader reads a job's current record, or null when it is gone
     */
    JobWaiters(int maxWaiters, ScheduledExecutorService timer, Executor notifier, Function<String, JobRecord> reader) {
        this.maxWaiters = maxWaiters;
        this.timer = timer;
        this.notifier = notifier;
        this.reader = reader;
    }

    /**
     * Registers a WAIT on job {@code id}, now in phase {@code initial}, for at most {@code wait}. The future
     * completes with the job record (null when the job was destroyed). Empty when {@code capped} and the cap is
     * reached (the service's own waits are not capped: they are few and hold their own thread anyway).
     */
    java.util.Optional<CompletableFuture<JobRecord>> register(String id, ExecutionPhase initial, Duration wait,
                                                              boolean capped) {
        if (count.incrementAndGet() > maxWaiters && capped) {
            count.decrementAndGet();
            return java.util.Optional.empty();
        }
        Waiter w = new Waiter(initial);
        byJob.compute(id, (k, list) -> {
            List<Waiter> l = list == null ? new ArrayList<>() : list;
            l.add(w);
            return l;
        });
        try {
            w.timeout = timer.schedule(() -> {
                if (remove(id, w)) {
                    completeAsync(w, () -> reader.apply(id));
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            if (remove(id, w)) {
                w.future.complete(reader.apply(id)); // shutting down: answer now
            }
        }
        return java.util.Optional.of(w.future);
    }

    /** The job changed (phase, or destroyed): waiters that see a different phase (or no job) are completed. */
    void changed(String id) {
        if (!byJob.containsKey(id)) {
            return;
        }
        JobRecord now = reader.apply(id);
        List<Waiter> done = new ArrayList<>();
        byJob.computeIfPresent(id, (k, list) -> {
            List<Waiter> keep = new ArrayList<>();
            for (Waiter w : list) {
                (now == null || now.phase() != w.initial ? done : keep).add(w);
            }
            return keep.isEmpty() ? null : keep;
        });
        for (Waiter w : done) {
            count.decrementAndGet();
            ScheduledFuture<?> t = w.timeout;
            if (t != null) {
                t.cancel(false);
            }
            completeAsync(w, () -> now);
        }
    }

    /** Ids of jobs someone waits on (polled in a cluster, where other members change phases). */
    Set<String> jobIds() {
        return Set.copyOf(byJob.keySet());
    }

    /** WAIT requests held now. */
    int size() {
        return count.get();
    }

    /** Answers every waiter at once with the job as it is (shutdown). */
    void releaseAll() {
        for (String id : jobIds()) {
            List<Waiter> list = byJob.remove(id);
            if (list != null) {
                JobRecord now = reader.apply(id);
                for (Waiter w : list) {
                    count.decrementAndGet();
                    w.future.complete(now);
                }
            }
        }
    }

    private boolean remove(String id, Waiter w) {
        boolean[] removed = new boolean[1];
        byJob.computeIfPresent(id, (k, list) -> {
            removed[0] = list.remove(w);
            return list.isEmpty() ? null : list;
        });
        if (removed[0]) {
            count.decrementAndGet();
        }
        return removed[0];
    }

    private void completeAsync(Waiter w, java.util.function.Supplier<JobRecord> value) {
        try {
            notifier.execute(() -> {
                try {
                    w.future.complete(value.get());
                } catch (RuntimeException e) {
                    w.future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            w.future.complete(value.get());
        }
    }
}
