package org.muwclass.service.uws;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs jobs on the fixed worker pool: QUEUED to EXECUTING, the expensive {@link JobKind#parse} and the kind's work,
 * the execution-duration timer, the final phase, and the clean-up once the thread is done (work directory; what a
 * destroyed or unfinished job published).
 */
final class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final JobStore store;
    private final JobFiles files;
    private final Map<String, JobKind<?>> kinds;
    private final JobLimits limits;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final JobSlots slots;
    private final JobPhases phases;
    private final JobRecovery recovery;
    private final Function<String, JobRecord> reader;
    private final BooleanSupplier closed;
    private final ThreadPoolExecutor workers;
    private final Map<String, JobExecution> running = new ConcurrentHashMap<>();

    JobRunner(JobStore store, JobFiles files, Map<String, JobKind<?>> kinds, JobLimits limits, Clock clock,
              ScheduledExecutorService timer, JobSlots slots, JobPhases phases, JobRecovery recovery,
              Function<String, JobRecord> reader, BooleanSupplier closed, ThreadFactory threads) {
        this.store = store;
        this.files = files;
        this.kinds = kinds;
        this.limits = limits;
        this.clock = clock;
        this.timer = timer;
        this.slots = slots;
        this.phases = phases;
        this.recovery = recovery;
        this.reader = reader;
        this.closed = closed;
        this.workers = new ThreadPoolExecutor(limits.workerThreads(), limits.workerThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
    }

    /** Hands a QUEUED job (holding its slot) to the workers. */
    void submitQueued(String id) {
        submit(() -> runQueued(id), id);
    }

    /** Hands an EXECUTING job taken over from a departed cluster member to the workers. */
    void submitExecuting(String id) {
        submit(() -> execute(id), id);
    }

    /** The execution of a job running here, or null. */
    JobExecution execution(String id) {
        return running.get(id);
    }

    Collection<JobExecution> executions() {
        return running.values();
    }

    /** Stops taking work and waits up to {@code wait} for the workers; false if some were still running. */
    boolean shutdown(Duration wait) throws InterruptedException {
        workers.shutdown();
        return workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable task, String id) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            slots.release(id); // shutting down: the job stays QUEUED and is queued again at the next start
        }
    }

    private void runQueued(String id) {
        if (closed.getAsBoolean() || !phases.transition(id, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING, null)) {
            slots.release(id); // another member took it, or it was aborted (then the slot is already released)
            return;
        }
        execute(id);
    }

    /** Runs a job that is EXECUTING (just started here, or taken over from a member that left the cluster). */
    private void execute(String id) {
        JobRecord job = reader.apply(id);
        if (job == null || job.phase() != ExecutionPhase.EXECUTING) {
            slots.release(id);
            return;
        }
        Instant deadline = job.executionDuration().isZero() ? null
                : job.startTime().plus(job.executionDuration());
        JobExecution ex = new JobExecution(job, deadline, store, files, closed);
        running.put(id, ex);
        ScheduledFuture<?> timeout = deadline == null ? null : timer.schedule(() -> timeOut(ex),
                Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        boolean completed = false;
        try {
            JobKind<?> kind = kinds.get(job.kind());
            if (kind == null) {
                throw new JobFailedException("This service no longer runs jobs of kind " + job.kind());
            }
            execute(kind, ex);
            ex.storeProgress(true);
            completed = phases.transition(id, ExecutionPhase.EXECUTING, ExecutionPhase.COMPLETED, null);
        } catch (JobStoppedException e) {
            LOG.fine(() -> "Job " + id + " stopped: " + e.getMessage());
        } catch (ParameterException e) {
            fail(ex, ErrorSummary.fatal(e.getMessage()));
        } catch (JobFailedException e) {
            fail(ex, new ErrorSummary(e.type(), e.getMessage()));
        } catch (Throwable t) {
            if (!ex.stopRequested()) {
                LOG.log(Level.SEVERE, "Job " + id + " failed", t);
                fail(ex, ErrorSummary.fatal("Internal error while executing the job (" + t.getClass().getSimpleName()
                        + "). This is a fault of the service, not of the request; the service log has details for"
                        + " job " + id + "."));
            }
            if (t instanceof Error err && !(t instanceof OutOfMemoryError) && !(t instanceof StackOverflowError)) {
                throw err;
            }
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
            running.remove(id);
            finishQuietly(ex, completed);
            ex.left();
        }
    }

    /** After the job's thread is done with it: what a destroyed or unfinished job leaves behind goes. */
    private void finishQuietly(JobExecution ex, boolean completed) {
        String id = ex.jobId();
        try {
            if (ex.isDestroyed()) {
                // destruction may have given up waiting: remove what the thread wrote since, and its published rows
                if (!store.exists(id)) {
                    JobFiles.deleteTree(files.jobDirectory(id));
                    recovery.destroyed(ex.job().kind(), id);
                }
                return;
            }
            JobFiles.deleteTree(files.work(id));
            if (!completed && !closed.getAsBoolean()) {
                recovery.discarded(ex.job().kind(), id);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Clean-up after job " + id + " failed", e);
        }
    }

    /** The expensive read happens here, in the worker: parse, then (if none yet) store the estimate, then run. */
    private <P> void execute(JobKind<P> kind, JobExecution ex) throws Exception {
        P parameters = kind.parse(ex.input());
        Duration estimate = ex.job().estimate();
        if (estimate == null) {
            estimate = kind.estimate(parameters);
            try {
                store.setEstimate(ex.jobId(), estimate);
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Cannot store the estimate of job " + ex.jobId(), e);
            }
        }
        if (kind.quoteMustFitDuration()) {
            coverQuote(ex, estimate);
        }
        ex.checkpoint();
        kind.execute(parameters, ex);
    }

    /** Refuses a job whose quote exceeds its execution duration, or raises the duration ({@link QuoteLimits}). */
    private void coverQuote(JobExecution ex, Duration estimate) throws JobFailedException {
        Duration duration = ex.job().executionDuration();
        Duration allowed = limits.quoteLimits().check(estimate, duration, ex.input().parameters());
        if (!allowed.equals(duration)) {
            try {
                store.extendExecutionDuration(ex.jobId(), allowed);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store the raised execution duration: " + e.getMessage(), e);
            }
            ex.deadline(ex.job().startTime().plus(allowed));
            LOG.info(() -> "Job " + ex.jobId() + ": execution duration raised from " + duration.toSeconds() + " s to "
                    + allowed.toSeconds() + " s to cover its quote of " + estimate.toSeconds() + " s");
        }
    }

    private void fail(JobExecution ex, ErrorSummary error) {
        ex.storeProgress(true);
        phases.transition(ex.jobId(), ExecutionPhase.EXECUTING, ExecutionPhase.ERROR, error);
    }

    private void timeOut(JobExecution ex) {
        Instant deadline = ex.deadline().orElse(null);
        if (deadline != null && deadline.isAfter(clock.instant())) { // raised to cover the quote: wait on
            timer.schedule(() -> timeOut(ex), Duration.between(clock.instant(), deadline).toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        long s = deadline == null ? ex.job().executionDuration().toSeconds()
                : Duration.between(ex.job().startTime(), deadline).toSeconds();
        String message = "The job exceeded its execution duration of " + s + " s (EXECUTIONDURATION) and was"
                + " stopped. Ask for a longer EXECUTIONDURATION (at most " + limits.executionDurationLimit().toSeconds()
                + " s) or fewer draws.";
        if (phases.transition(ex.jobId(), ExecutionPhase.EXECUTING, ExecutionPhase.ERROR,
                ErrorSummary.fatal(message))) {
            ex.stop(message);
        }
    }
}
