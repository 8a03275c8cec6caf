package org.muwclass.service.uws;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded queue's slots of this member: a job that is QUEUED or EXECUTING here holds one. A slot is first
 * reserved (counted, so the limit holds while the request is checked), then bound to the job id, and released once,
 * by whoever sees the job leave QUEUED/EXECUTING.
 *
 * <p>Race rule (review H4): two requests may both reserve a slot for one PENDING job, but only one can bind it.
 * {@link #bind} tells the other, which must {@link #cancel} its own reservation and never release the id, since the
 * id's slot is the winner's.
 */
final class JobSlots {

    private final int limit;
    private final AtomicInteger inUse = new AtomicInteger();
    private final Set<String> jobs = ConcurrentHashMap.newKeySet();

    JobSlots(int limit) {
        this.limit = limit;
    }

    /** Reserves a slot or returns false when all {@code limit} are taken. */
    boolean reserve() {
        while (true) {
            int used = inUse.get();
            if (used >= limit) {
                return false;
            }
            if (inUse.compareAndSet(used, used + 1)) {
                return true;
            }
        }
    }

    /** Returns a reservation that was never bound. */
    void cancel() {
        inUse.decrementAndGet();
    }

    /**
     * Binds a reserved slot to {@code id}. False when the id already holds a slot: the caller lost the race and must
     * {@link #cancel()} its reservation.
     */
    boolean bind(String id) {
        return jobs.add(id);
    }

    /** Reserves and binds at once, beyond the limit (jobs found queued at start-up, or taken over). */
    void force(String id) {
        if (jobs.add(id)) {
            inUse.incrementAndGet();
        }
    }

    /** Frees the slot of {@code id}, if it holds one; safe to call more than once. */
    void release(String id) {
        if (jobs.remove(id)) {
            inUse.decrementAndGet();
        }
    }

    boolean holds(String id) {
        return jobs.contains(id);
    }

    List<String> ids() {
        return List.copyOf(jobs);
    }

    /** Slots reserved or bound now. */
    int inUse() {
        return inUse.get();
    }

    int limit() {
        return limit;
    }
}
