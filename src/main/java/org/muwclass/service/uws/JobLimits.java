package org.muwclass.service.uws;

import java.time.Duration;
import java.util.Objects;
import org.eclipse.microprofile.config.ConfigProvider;
import org.muwclass.service.config.ServiceConfig;

/**
 * Limits the job machinery enforces.
 *
 * @param workerThreads            jobs executing at once
 * @param queueLimit               jobs QUEUED or EXECUTING at once; creation with PHASE=RUN beyond it is refused
 * @param executionDurationDefault run-time limit of a job that does not ask for one
 * @param executionDurationLimit   largest run-time limit (EXECUTIONDURATION=0, "unlimited", gets this)
 * @param destructionDefault       how long after creation a job is destroyed; also the furthest DESTRUCTION allowed
 * @param maxWait                  longest blocking WAIT
 * @param reaperInterval           how often expired jobs are looked for
 * @param autoExtendDuration       whether a job whose quote exceeds its execution duration gets a longer one (up to
 *                                 executionDurationLimit) instead of being refused ({@link QuoteLimits})
 */
public record JobLimits(int workerThreads, int queueLimit, Duration executionDurationDefault,
                        Duration executionDurationLimit, Duration destructionDefault, Duration maxWait,
                        Duration reaperInterval, boolean autoExtendDuration) {

    /** Limits that refuse a job whose quote exceeds its execution duration. */
    public JobLimits(int workerThreads, int queueLimit, Duration executionDurationDefault,
                     Duration executionDurationLimit, Duration destructionDefault, Duration maxWait,
                     Duration reaperInterval) {
        this(workerThreads, queueLimit, executionDurationDefault, executionDurationLimit, destructionDefault, maxWait,
                reaperInterval, false);
    }

    public JobLimits {
        Objects.requireNonNull(executionDurationDefault);
        Objects.requireNonNull(executionDurationLimit);
        Objects.requireNonNull(destructionDefault);
        Objects.requireNonNull(maxWait);
        Objects.requireNonNull(reaperInterval);
        if (workerThreads <= 0 || queueLimit <= 0) {
            throw new IllegalArgumentException("workerThreads and queueLimit must be positive");
        }
        if (executionDurationDefault.compareTo(executionDurationLimit) > 0) {
            throw new IllegalArgumentException("muwclass.jobs.duration.default.s (" + executionDurationDefault
                    .toSeconds() + ") must not exceed muwclass.jobs.duration.limit.s ("
                    + executionDurationLimit.toSeconds() + ")");
        }
    }

    /** The limits of {@code config}, and {@code muwclass.jobs.duration.auto.extend} (default false). */
    public static JobLimits from(ServiceConfig config) {
        return new JobLimits(config.workerThreads(), config.queueLimit(), config.executionDurationDefault(),
                config.executionDurationLimit(), config.destructionDefault(), config.waitLimit(),
                config.reaperInterval(), ConfigProvider.getConfig()
                .getOptionalValue("muwclass.jobs.duration.auto.extend", Boolean.class).orElse(false));
    }

    /** What a job whose quote exceeds its execution duration gets. */
    QuoteLimits quoteLimits() {
        return new QuoteLimits(autoExtendDuration, executionDurationLimit);
    }
}
