package org.muwclass.service.uws;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One execution of a job: the {@link JobContext} the kind sees, the stop flag with its stop actions (e.g.
 * {@code Statement::cancel}), progress, and a latch released when the executing thread has left the job.
 *
 * <p>Once stopped, the context creates nothing more on disk: {@link #workDirectory()} and {@link #openResult}
 * throw {@link JobStoppedException}, so a destroyed job's directory is not recreated by its still-running thread.
 */
final class JobExecution implements JobContext {

    private static final Logger LOG = Logger.getLogger(JobExecution.class.getName());
    private static final long PROGRESS_STORE_INTERVAL_MS = 1000;

    private final JobRecord job;
    private volatile Instant deadline;
    private final JobStore store;
    private final JobFiles files;
    private final BooleanSupplier shuttingDown;
    private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();
    private final CountDownLatch left = new CountDownLatch(1);
    private volatile String stopReason;
    private volatile boolean destroyed;
    private volatile Progress progress;
    private volatile long progressStoredAt;

    JobExecution(JobRecord job, Instant deadline, JobStore store, JobFiles files, BooleanSupplier shuttingDown) {
        this.job = job;
        this.deadline = deadline;
        this.store = store;
        this.files = files;
        this.shuttingDown = shuttingDown;
        this.progress = job.progress();
    }

    JobRecord job() {
        return job;
    }

    Progress currentProgress() {
        return progress;
    }

    /** Tells the job to stop and runs its stop actions (once each), from the calling thread. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        for (Runnable action : stopActions) {
            if (stopActions.remove(action)) {
                runStopAction(action);
            }
        }
    }

    /** Marks the job destroyed: whatever its thread still does must not leave files or rows behind. */
    void destroyed(String reason) {
        destroyed = true;
        stop(reason);
    }

    boolean isDestroyed() {
        return destroyed;
    }

    /** Called by the executing thread when it leaves the job. */
    void left() {
        left.countDown();
    }

    /** Waits up to {@code grace} for the executing thread to leave; true if it did. */
    boolean awaitLeft(Duration grace) {
        try {
            return left.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void onStop(Runnable action) {
        stopActions.add(action);
        if (stopRequested() && stopActions.remove(action)) {
            runStopAction(action);
        }
    }

    private void runStopAction(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A stop action of job " + job.id() + " failed", e);
        }
    }

    @Override
    public String jobId() {
        return job.id();
    }

    @Override
    public Optional<String> ownerId() {
        return Optional.ofNullable(job.ownerId());
    }

    @Override
    public JobInput input() {
        return job.input();
    }

    @Override
    public Path workDirectory() throws IOException {
        checkpoint();
        Path w = files.work(job.id());
        Files.createDirectories(w);
        return w;
    }

    @Override
    public void progress(long done, long total) {
        progress = new Progress(Math.max(0, done), Math.max(0, total));
        storeProgress(false);
        checkpoint();
    }

    void storeProgress(boolean force) {
        long now = System.currentTimeMillis();
        if (force || now - progressStoredAt >= PROGRESS_STORE_INTERVAL_MS) {
            progressStoredAt = now;
            try {
                store.setProgress(job.id(), progress);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Cannot store progress of job " + job.id(), e);
            }
        }
    }

    @Override
    public void checkpoint() {
        String reason = stopReason;
        if (reason != null) {
            throw new JobStoppedException(reason);
        }
        if (shuttingDown.getAsBoolean()) {
            throw new JobStoppedException("The service is shutting down");
        }
    }

    @Override
    public boolean stopRequested() {
        return stopReason != null || shuttingDown.getAsBoolean();
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Moves the deadline (the execution duration was raised to cover the quote). */
    void deadline(Instant newDeadline) {
        deadline = newDeadline;
    }

    @Override
    public OutputStream openResult(String name, String mimeType) throws IOException {
        checkpoint();
        Path path = files.result(job.id(), name);
        Files.createDirectories(path.getParent());
        OutputStream out = Files.newOutputStream(path);
        return new FilterOutputStream(out) {
            private long size;
            private boolean closedStream;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                size++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                size += len;
            }

            @Override
            public void close() throws IOException {
                if (closedStream) {
                    return;
                }
                closedStream = true;
                super.close();
                if (!stopRequested()) {
                    try {
                        store.addResult(job.id(), new ResultInfo(name, mimeType, size));
                    } catch (SQLException e) {
                        throw new IOException("Cannot record result " + name + ": " + e.getMessage(), e);
                    }
                }
            }
        };
    }
}
