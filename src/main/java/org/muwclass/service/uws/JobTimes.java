package org.muwclass.service.uws;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The rules for EXECUTIONDURATION and DESTRUCTION.
 *
 * <ul>
 *   <li>EXECUTIONDURATION is whole seconds. 0 means "unlimited" in UWS; this service has no unlimited jobs, so 0 and
 *       values above {@link JobLimits#executionDurationLimit()} get that limit, which the job document then shows
 *       (it is never 0 there).</li>
 *   <li>DESTRUCTION is kept at or before creation + {@link JobLimits#destructionDefault()}: posting it again cannot
 *       push a job's end back for ever. An earlier time is accepted as given. A time the service set itself further
 *       out (its demo jobs) stays the ceiling for that job.</li>
 * </ul>
 */
final class JobTimes {

    private final JobLimits limits;

    JobTimes(JobLimits limits) {
        this.limits = limits;
    }

    /** The execution duration in effect for a requested EXECUTIONDURATION (seconds). */
    Duration duration(String seconds) throws ParameterException {
        long s;
        try {
            s = Long.parseLong(seconds.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException("EXECUTIONDURATION", seconds, "a whole number of seconds (0 or more than "
                    + limits.executionDurationLimit().toSeconds() + " means the limit, "
                    + limits.executionDurationLimit().toSeconds() + " s)");
        }
        if (s <= 0 || s > limits.executionDurationLimit().toSeconds()) {
            return limits.executionDurationLimit();
        }
        return Duration.ofSeconds(s);
    }

    /**
     * The destruction time in effect for a requested DESTRUCTION.
     *
     * @param created  the job's creation time (now, for a new job)
     * @param current  the job's destruction time now, or null for a new job
     */
    Instant destruction(String isoTime, Instant created, Instant current) throws ParameterException {
        Instant requested = parseInstant("DESTRUCTION", isoTime);
        Instant latest = created.plus(limits.destructionDefault());
        if (current != null && current.isAfter(latest)) {
            latest = current;
        }
        return requested.isAfter(latest) ? latest : requested;
    }

    /** ISO-8601 instant; a time without zone is taken as UTC. */
    static Instant parseInstant(String parameter, String value) throws ParameterException {
        String v = value.trim();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return OffsetDateTime.parse(v).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new ParameterException(parameter, value,
                            "an ISO-8601 time such as 2026-12-01T12:00:00Z");
                }
            }
        }
    }
}
