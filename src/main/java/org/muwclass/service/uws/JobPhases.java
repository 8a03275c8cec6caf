package org.muwclass.service.uws;

import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Phase changes: a compare-and-set in the store, then what follows from it here: the queue slot is released when the
 * job leaves QUEUED/EXECUTING, and the job's waiters are told.
 */
final class JobPhases {

    private static final Logger LOG = Logger.getLogger(JobPhases.class.getName());

    private final JobStore store;
    private final JobSlots slots;
    private final JobWaiters waiters;
    private final Clock clock;

    JobPhases(JobStore store, JobSlots slots, JobWaiters waiters, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.waiters = waiters;
        this.clock = clock;
    }

    /** True if the job was in {@code from} and is now in {@code to}; false (logged) on a database error. */
    boolean transition(String id, ExecutionPhase from, ExecutionPhase to, ErrorSummary error) {
        boolean changed;
        try {
            changed = store.setPhase(id, from, to, clock.instant(), error);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Cannot change the phase of job " + id + " from " + from + " to " + to, e);
            return false;
        }
        if (changed) {
            if (from.holdsQueueSlot() && !to.holdsQueueSlot()) {
                slots.release(id);
            }
            waiters.changed(id);
        }
        return changed;
    }
}
