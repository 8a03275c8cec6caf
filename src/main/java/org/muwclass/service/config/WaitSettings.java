package org.muwclass.service.config;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Blocking WAIT and stopping of jobs (area JOBS of docs/security.md).
 *
 * @param maxWait     longest blocking WAIT; larger or negative WAIT values get this (muwclass.jobs.wait.limit.s,
 *                    60 s; ServiceConfig reads the same property with its older default, this one wins)
 * @param maxWaiters  WAIT requests held at once, all jobs together; beyond it WAIT answers at once with the
 *                    current job document, as UWS allows (muwclass.jobs.wait.max.waiters, 2,000)
 * @param stopGrace   how long destroying a running job waits for its thread to leave before removing its files
 *                    anyway (muwclass.jobs.stop.grace.s, 10 s)
 */
public record WaitSettings(Duration maxWait, int maxWaiters, Duration stopGrace) {

    public static final WaitSettings DEFAULT = new WaitSettings(Duration.ofSeconds(60), 2_000,
            Duration.ofSeconds(10));

    public WaitSettings {
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("muwclass.jobs.wait.limit.s must be positive, got " + maxWait);
        }
        if (maxWaiters < 0) {
            throw new IllegalArgumentException("muwclass.jobs.wait.max.waiters must be 0 or more, got " + maxWaiters);
        }
        if (stopGrace == null || stopGrace.isNegative()) {
            throw new IllegalArgumentException("muwclass.jobs.stop.grace.s must be 0 or more, got " + stopGrace);
        }
    }

    /** Reads the properties, each with its documented default. */
    public static WaitSettings fromConfig(Config cfg) {
        return new WaitSettings(
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.wait.limit.s", Long.class)
                        .orElse(DEFAULT.maxWait().toSeconds())),
                cfg.getOptionalValue("muwclass.jobs.wait.max.waiters", Integer.class).orElse(DEFAULT.maxWaiters()),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.stop.grace.s", Long.class)
                        .orElse(DEFAULT.stopGrace().toSeconds())));
    }
}
