package org.muwclass.service.config;

import org.eclipse.microprofile.config.Config;

/**
 * Per-client and global limits on UWS jobs (area JOBS of docs/security.md). A client is a
 * {@code org.muwclass.service.uws.Caller#quotaKey()}: the authenticated user, or the network address of an anonymous
 * one. Jobs the service submits itself (demo fields) count towards the global totals but have no client quota.
 *
 * @param jobsPerClient    PENDING + QUEUED + EXECUTING jobs one client may hold (muwclass.jobs.quota.jobs, 20)
 * @param activePerClient  QUEUED + EXECUTING jobs one client may hold (muwclass.jobs.quota.active, 5)
 * @param bytesPerClient   bytes of uploads and results one client may store (muwclass.jobs.quota.bytes, 1 GiB)
 * @param jobsGlobal       jobs of all clients stored at once, finished ones included (muwclass.jobs.global.jobs,
 *                         10,000)
 * @param bytesGlobal      bytes of uploads and results of all jobs (muwclass.jobs.global.bytes, 20 GiB)
 * @param retryAfterS      seconds sent in Retry-After with 429 and 503 (muwclass.jobs.quota.retry.after.s, 60)
 * @param parametersPerJob parameters one job may store, control parameters excluded
 *                         (muwclass.jobs.quota.parameters, 100)
 */
public record QuotaSettings(int jobsPerClient, int activePerClient, long bytesPerClient, int jobsGlobal,
                            long bytesGlobal, int retryAfterS, int parametersPerJob) {

    /** The documented defaults. */
    public static final QuotaSettings DEFAULT = new QuotaSettings(20, 5, 1L << 30, 10_000, 20L << 30, 60, 100);

    /** No limits at all (embedded uses and tests that are not about quotas). */
    public static final QuotaSettings UNLIMITED = new QuotaSettings(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, 60, 10_000);

    public QuotaSettings {
        positive("muwclass.jobs.quota.jobs", jobsPerClient);
        positive("muwclass.jobs.quota.active", activePerClient);
        positive("muwclass.jobs.quota.bytes", bytesPerClient);
        positive("muwclass.jobs.global.jobs", jobsGlobal);
        positive("muwclass.jobs.global.bytes", bytesGlobal);
        positive("muwclass.jobs.quota.retry.after.s", retryAfterS);
        positive("muwclass.jobs.quota.parameters", parametersPerJob);
        if (activePerClient > jobsPerClient) {
            throw new IllegalArgumentException("muwclass.jobs.quota.active (" + activePerClient
                    + ") must not exceed muwclass.jobs.quota.jobs (" + jobsPerClient + ")");
        }
    }

    /** Reads the properties, each with its documented default. */
    public static QuotaSettings fromConfig(Config cfg) {
        return new QuotaSettings(
                cfg.getOptionalValue("muwclass.jobs.quota.jobs", Integer.class).orElse(DEFAULT.jobsPerClient()),
                cfg.getOptionalValue("muwclass.jobs.quota.active", Integer.class).orElse(DEFAULT.activePerClient()),
                cfg.getOptionalValue("muwclass.jobs.quota.bytes", Long.class).orElse(DEFAULT.bytesPerClient()),
                cfg.getOptionalValue("muwclass.jobs.global.jobs", Integer.class).orElse(DEFAULT.jobsGlobal()),
                cfg.getOptionalValue("muwclass.jobs.global.bytes", Long.class).orElse(DEFAULT.bytesGlobal()),
                cfg.getOptionalValue("muwclass.jobs.quota.retry.after.s", Integer.class)
                        .orElse(DEFAULT.retryAfterS()),
                cfg.getOptionalValue("muwclass.jobs.quota.parameters", Integer.class)
                        .orElse(DEFAULT.parametersPerJob()));
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
