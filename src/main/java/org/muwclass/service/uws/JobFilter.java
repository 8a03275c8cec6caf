package org.muwclass.service.uws;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which jobs a job-list request wants (UWS 1.1 section 2.2.1.1).
 *
 * @param kind   only jobs of this kind
 * @param caller the requesting owner (null when anonymous): lists show only the caller's own jobs, none to an
 *               anonymous caller
 * @param phases PHASE values; empty means every phase except ARCHIVED
 * @param after  AFTER: only jobs created after this instant, or null
 * @param last   LAST: only the most recently created jobs, newest first, or null
 */
public record JobFilter(String kind, String caller, Set<ExecutionPhase> phases, Instant after, Integer last) {

    public JobFilter {
        phases = phases.isEmpty() ? EnumSet.noneOf(ExecutionPhase.class) : EnumSet.copyOf(phases);
        if (last != null && last < 0) {
            throw new IllegalArgumentException("LAST must not be negative");
        }
    }

    public static JobFilter all(String kind, String caller) {
        return new JobFilter(kind, caller, Set.of(), null, null);
    }
}
