package org.muwclass.service.uws;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The UWS quote: when a job is expected to complete. Executing jobs extrapolate their progress so far (the kind's
 * estimate before the first work unit ends); queued and pending ones add their estimate to the work queued ahead of
 * them shared among the workers; finished jobs give their end time; empty when unknown (no estimate yet: a kind
 * whose estimate needs the expensive read of the input has one only once the job started).
 */
final class JobQuote {

    private final JobStore store;
    private final Clock clock;
    private final int workers;

    JobQuote(JobStore store, Clock clock, int workers) {
        this.store = store;
        this.clock = clock;
        this.workers = workers;
    }

    Optional<Instant> quote(JobRecord job) {
        if (job.phase().isFinal()) {
            return Optional.ofNullable(job.endTime());
        }
        if (job.estimate() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (job.phase() == ExecutionPhase.EXECUTING && job.startTime() != null) {
            Progress p = job.progress();
            Instant q;
            if (p.total() > 0 && p.done() > 0) {
                // extrapolate the rate measured so far: honest on a loaded machine too
                Duration elapsed = Duration.between(job.startTime(), now);
                q = job.startTime().plus(elapsed.multipliedBy(p.total()).dividedBy(p.done()));
            } else {
                q = job.startTime().plus(job.estimate());
            }
            return Optional.of(q.isBefore(now) ? now : q);
        }
        Duration ahead = Duration.ZERO;
        try {
            for (JobRecord other : store.active()) {
                // creation times can tie (stored at millisecond precision): a tie counts as ahead, the later quote
                boolean before = job.phase() == ExecutionPhase.PENDING
                        || !other.creationTime().isAfter(job.creationTime())
                        || other.phase() == ExecutionPhase.EXECUTING;
                if (!other.id().equals(job.id()) && before && other.estimate() != null) {
                    Duration remaining = other.estimate();
                    if (other.startTime() != null) {
                        remaining = remaining.minus(Duration.between(other.startTime(), now));
                    }
                    if (!remaining.isNegative()) {
                        ahead = ahead.plus(remaining);
                    }
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(now.plus(ahead.dividedBy(workers)).plus(job.estimate()));
    }
}
