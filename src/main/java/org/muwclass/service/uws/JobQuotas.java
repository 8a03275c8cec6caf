package org.muwclass.service.uws;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.muwclass.service.config.QuotaSettings;

/**
 * Per-client and global job quotas (review H5), counted from the job table so they hold across restarts and
 * cluster members. A check and the insert or phase change it guards run under the client's lock ({@link #lock}),
 * so one client's concurrent requests cannot all pass the same check (other members can still race: the limits are
 * then exceeded by at most one job per member).
 */
final class JobQuotas {

    private static final Set<ExecutionPhase> HELD = EnumSet.of(ExecutionPhase.PENDING, ExecutionPhase.QUEUED,
            ExecutionPhase.EXECUTING);
    private static final Set<ExecutionPhase> ACTIVE = EnumSet.of(ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING);

    private final QuotaSettings settings;
    private final JobStore store;
    private final Object[] locks = new Object[64];

    JobQuotas(QuotaSettings settings, JobStore store) {
        this.settings = settings;
        this.store = store;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    QuotaSettings settings() {
        return settings;
    }

    /** The lock that serialises quota checks of one client (striped: unrelated clients may share one). */
    Object lock(String quotaKey) {
        return locks[Math.floorMod(quotaKey == null ? 0 : quotaKey.hashCode(), locks.length)];
    }

    /**
     * Checks that the client {@code key} may create one more job storing {@code bytes} of uploads, queued at once
     * if {@code run}. A null key (the service's own jobs) skips the per-client checks.
     */
    void checkCreate(String key, boolean run, long bytes) throws JobRequestException {
        try {
            if (store.countJobs(null, null) >= settings.jobsGlobal()) {
                throw new JobRequestException.ServiceFull("The service holds its limit of " + settings.jobsGlobal()
                        + " jobs (muwclass.jobs.global.jobs); try again when older jobs have been destroyed",
                        settings.retryAfterS());
            }
            if (bytes > 0 && store.storedBytes(null) + bytes > settings.bytesGlobal()) {
                throw new JobRequestException.ServiceFull("The service stores its limit of "
                        + settings.bytesGlobal() + " bytes of job files (muwclass.jobs.global.bytes); try again"
                        + " when older jobs have been destroyed", settings.retryAfterS());
            }
            if (key == null) {
                return;
            }
            long held = store.countJobs(key, HELD);
            if (held >= settings.jobsPerClient()) {
                throw new JobRequestException.QuotaExceeded("Too many jobs: this client already has " + held
                        + " jobs PENDING, QUEUED or EXECUTING, its limit (muwclass.jobs.quota.jobs = "
                        + settings.jobsPerClient() + "); delete finished or unneeded jobs, or try again later",
                        settings.retryAfterS());
            }
            if (run) {
                checkActive(key);
            }
            checkBytes(key, bytes);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count jobs for the quota: " + e.getMessage(), e);
        }
    }

    /** Checks that the client owning {@code quotaKey} may have one more job QUEUED or EXECUTING. */
    void checkActive(String quotaKey) throws JobRequestException {
        if (quotaKey == null) {
            return; // the service's own jobs, and jobs stored before quotas existed
        }
        try {
            long active = store.countJobs(quotaKey, ACTIVE);
            if (active >= settings.activePerClient()) {
                throw new JobRequestException.QuotaExceeded("Too many running jobs: this client already has "
                        + active + " jobs QUEUED or EXECUTING, its limit (muwclass.jobs.quota.active = "
                        + settings.activePerClient() + "); wait for one to finish or abort one",
                        settings.retryAfterS());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count jobs for the quota: " + e.getMessage(), e);
        }
    }

    /** Checks that the client owning {@code quotaKey} may store {@code bytes} more. */
    void checkBytes(String quotaKey, long bytes) throws JobRequestException {
        if (bytes <= 0) {
            return;
        }
        try {
            if (store.storedBytes(null) + bytes > settings.bytesGlobal()) {
                throw new JobRequestException.ServiceFull("The service stores its limit of "
                        + settings.bytesGlobal() + " bytes of job files (muwclass.jobs.global.bytes); try again"
                        + " when older jobs have been destroyed", settings.retryAfterS());
            }
            if (quotaKey == null) {
                return;
            }
            long stored = store.storedBytes(quotaKey);
            if (stored + bytes > settings.bytesPerClient()) {
                throw new JobRequestException.StorageQuotaExceeded("Too much data: this client stores " + stored
                        + " bytes of uploads and results and this request adds " + bytes + "; the limit is "
                        + settings.bytesPerClient() + " bytes (muwclass.jobs.quota.bytes). Delete jobs you no longer"
                        + " need");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count stored bytes for the quota: " + e.getMessage(), e);
        }
    }

    /** Checks the number of parameters a job would store. */
    void checkParameterCount(int count) throws ParameterException {
        if (count > settings.parametersPerJob()) {
            throw new ParameterException("(parameters)", Integer.toString(count), "at most "
                    + settings.parametersPerJob() + " parameters per job (muwclass.jobs.quota.parameters)");
        }
    }
}
