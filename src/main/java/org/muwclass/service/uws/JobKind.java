package org.muwclass.service.uws;

import java.time.Duration;
import java.util.Optional;

/**
 * One kind of UWS job (classification, TAP query, ...). The machinery persists the job, queues it, enforces
 * limits and serves the UWS documents; the kind only validates and executes. Validation happens at creation
 * (and whenever parameters change while PENDING) by {@link #validate}, which runs in the request thread and so must
 * be cheap (names, values, sizes; no reading of whole uploads). {@link #parse}, which may read the uploads, runs
 * only in the worker thread just before execution, also after a restart, so it must be deterministic.
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

    /**
     * The cheap check at creation and parameter change: every error it can find without reading whole uploads.
     * The default parses fully (for kinds whose parse is cheap). Errors {@link #parse} finds later make the job
     * ERROR with the same message.
     *
     * @return the estimate if known without the expensive read, else empty (the quote waits for execution)
     * @throws ParameterException naming the parameter, the bad value and what is allowed
     */
    default Optional<Duration> validate(JobInput input) throws ParameterException {
        return Optional.ofNullable(estimate(parse(input)));
    }

    /** Honest estimate of the execution time of this job on one worker thread (used for the UWS quote). */
    Duration estimate(P parameters);

    /**
     * Whether {@link #estimate} is a measured prediction that a job must fit in its execution duration: such a job
     * is refused (or given a longer duration) when its quote exceeds it ({@link QuoteLimits}). The default, false,
     * suits rough placeholders (a TAP query's cost is unknown before it runs).
     */
    default boolean quoteMustFitDuration() {
        return false;
    }

    /**
     * Wall seconds this kind's work takes per second of its {@link #estimate} on this machine lately, for the quote
     * before a job has progress (e.g. the shared work pool's measured {@code PoolThroughput} factor, ~9 on a machine
     * whose other processes leave the pool 0.2 of a core). The default, 1, trusts the estimate.
     */
    default double quoteSpeedFactor() {
        return 1;
    }

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

    /**
     * Called when a job of this kind ended without completing (error, abort, execution duration, or cut off by a
     * restart) after it may have published something outside its directory: withdraw it. The default does nothing.
     */
    default void discarded(String jobId) throws Exception {
    }
}
