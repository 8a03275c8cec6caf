package org.muwclass.service.uws.http;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobRecord;

/**
 * Makes a burst of identical blocking WAIT requests cheap before they are suspended (issue 13, item 6; review M1).
 * The first WAIT on a job (for one caller, PHASE and WAIT value) reads the job and registers a waiter with the job
 * manager as before: the "leader". WAITs with the same key that arrive within {@link #JOIN_WINDOW_MS} while the
 * leader is still waiting join its future instead of reading the job again (four table reads, twice, per request):
 * they are answered with the same job document when the job changes phase, or at the leader's deadline, at most
 * {@link #JOIN_WINDOW_MS} before their own (UWS lets a WAIT return early; clients loop). A leader whose answer was
 * immediate (the job is not executing, or is in another phase than PHASE) is never joined later: only a group
 * whose future is still open takes joiners, so no one gets a stale document.
 *
 * <p>Joiners count against the same cap as the manager's waiters (muwclass.jobs.wait.max.waiters); beyond it a
 * WAIT goes to the manager, which answers at once.
 */
final class WaitGroups {

    /** How long after a leader registered later WAITs may join it. */
    static final long JOIN_WINDOW_MS = 1_000;

    /** Who waits on what: joiners must match the leader in all of it (the owner check included). */
    record Key(String kind, String id, String owner, ExecutionPhase phase, long waitSeconds) {
    }

    /** A leader's wait, open to joiners until {@code joinUntil} (System.nanoTime()) or until it completes. */
    static final class Group {
        final CompletableFuture<JobRecord> future = new CompletableFuture<>();
        final long joinUntil;
        private volatile Object rendered;

        Group(long joinUntil) {
            this.joinUntil = joinUntil;
        }

        /** The response entity for the completed record, made once for the whole group. */
        Object rendered(java.util.function.Supplier<Object> render) {
            Object r = rendered;
            if (r == null) {
                synchronized (this) {
                    r = rendered;
                    if (r == null) {
                        r = Objects.requireNonNull(render.get());
                        rendered = r;
                    }
                }
            }
            return r;
        }
    }

    /** What {@link #enter} decided: lead (register with the manager, then {@link #lead}) or join {@code group}. */
    record Entry(Group group, boolean leader) {
    }

    private final Map<Key, Group> groups = new ConcurrentHashMap<>();
    private final AtomicInteger joiners = new AtomicInteger();

    /**
     * Joins the open group of {@code key}, or opens one that the caller must lead. Null when the caller should
     * go to the manager on its own: the waiter cap ({@code cap}, counting {@code held} manager waiters too) is
     * reached.
     */
    Entry enter(Key key, int cap, IntSupplier held) {
        long now = System.nanoTime();
        Group open = groups.get(key); // the common case, without a lock: join the open group
        if (open != null && now - open.joinUntil < 0 && !open.future.isDone()) {
            return join(open, cap, held);
        }
        Group[] found = new Group[2]; // [0]: an open group to join, [1]: a new group to lead
        groups.compute(key, (k, g) -> {
            if (g != null && now - g.joinUntil < 0 && !g.future.isDone()) {
                found[0] = g;
                return g;
            }
            found[1] = new Group(now + TimeUnit.MILLISECONDS.toNanos(JOIN_WINDOW_MS));
            return found[1];
        });
        if (found[0] != null) {
            return join(found[0], cap, held);
        }
        Group mine = found[1];
        mine.future.whenComplete((r, e) -> groups.remove(key, mine));
        return new Entry(mine, true);
    }

    private Entry join(Group g, int cap, IntSupplier held) {
        if (joiners.incrementAndGet() + held.getAsInt() > cap) {
            joiners.decrementAndGet();
            return null;
        }
        g.future.whenComplete((r, e) -> joiners.decrementAndGet());
        return new Entry(g, false);
    }

    /**
     * Links the leader's manager future (or its failure) to the group: joiners get what the leader gets.
     */
    static void lead(Group g, CompletableFuture<JobRecord> managerFuture) {
        managerFuture.whenComplete((r, e) -> {
            if (e != null) {
                g.future.completeExceptionally(e instanceof java.util.concurrent.CompletionException
                        && e.getCause() != null ? e.getCause() : e);
            } else {
                g.future.complete(r);
            }
        });
    }

    /** Joiners held now. */
    int joiners() {
        return joiners.get();
    }

    /** Groups open now (tests). */
    int groups() {
        return groups.size();
    }
}
