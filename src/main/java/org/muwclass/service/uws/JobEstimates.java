package org.muwclass.service.uws;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Estimates of PENDING jobs whose kind cannot estimate cheaply (a classification must read its input): computed on
 * one low-priority background thread with a short bounded queue, so the UWS quote appears shortly after creation
 * without the request thread reading the input (review H5). When the queue is full the request is dropped: the job
 * then has no quote until it starts, which UWS allows.
 */
final class JobEstimates implements AutoCloseable {

    /** Jobs waiting for an estimate at most; more are not estimated before they start. */
    static final int QUEUE = 16;

    private static final Logger LOG = Logger.getLogger(JobEstimates.class.getName());

    private final JobStore store;
    private final Map<String, JobKind<?>> kinds;
    private final Function<String, JobRecord> reader;
    private final ThreadPoolExecutor executor;

    JobEstimates(JobStore store, Map<String, JobKind<?>> kinds, Function<String, JobRecord> reader) {
        this.store = store;
        this.kinds = kinds;
        this.reader = reader;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "uws-estimate");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Asks for the estimate of a PENDING job that has none. */
    void request(String id) {
        executor.execute(() -> estimate(id));
    }

    private void estimate(String id) {
        JobRecord job = reader.apply(id);
        if (job == null || job.phase() != ExecutionPhase.PENDING || job.estimate() != null) {
            return;
        }
        JobKind<?> kind = kinds.get(job.kind());
        if (kind == null) {
            return;
        }
        try {
            Duration d = estimate(kind, job.input());
            store.setPendingEstimate(id, d);
        } catch (ParameterException e) {
            LOG.fine(() -> "Job " + id + " cannot be estimated: " + e.getMessage()); // it fails when it runs
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot estimate job " + id, e);
        }
    }

    private static <P> Duration estimate(JobKind<P> kind, JobInput input) throws ParameterException {
        return kind.estimate(kind.parse(input));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
