package org.muwclass.service.uws;

import java.time.Duration;

/**
 * One kind of UWS job (classification, TAP query, ...). The machinery persists the job, queues it, enforces
 * limits and serves the UWS documents; the kind only validates and executes. Validation happens at creation
 * (and whenever parameters change while PENDING) so bad input is refused before a job runs; {@link #parse} is
 * called again from the stored parameters just before execution, also after a restart, so it must be
 * deterministic and cheap.
 *
 * <p>Implementations are application-scoped CDI beans; {@code UwsService} discovers every {@code JobKind} bean.
 *
 * @param <P> the validated, typed parameters of one job
 */
public interface JobKind<P> {

    /** Stable name stored with each job, e.g. "classify" or "tap". Lower case letters, digits, '-'. */
    String name();

    /**
     * Parses and validates parameters and uploads.
     *
     * @throws ParameterException naming the parameter, the bad value and what is allowed
     */
    P parse(JobInput input) throws ParameterException;

    /** Honest estimate of the execution time of this job on one worker thread (used for the UWS quote). */
    Duration estimate(P parameters);

    /**
     * Runs the job. Call {@link JobContext#checkpoint()} between work units so ABORT and the execution duration
     * take effect, report {@link JobContext#progress}, and write results with {@link JobContext#openResult}.
     *
     * @throws JobFailedException for failures the user should read (becomes the error summary)
     * @throws Exception          anything else: the job goes to ERROR with a generic summary, and it is logged
     */
    void execute(P parameters, JobContext context) throws Exception;

    /**
     * Called after a job of this kind was destroyed (DELETE or destruction time), its rows and files gone; for
     * anything the kind keeps outside the job directory. Failures are logged, not reported.
     */
    default void destroyed(String jobId) throws Exception {
    }
}
