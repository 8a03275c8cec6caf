package org.muwclass.service.uws;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** What a running job sees of the machinery. One context per execution; used from the job's thread. */
public interface JobContext {

    String jobId();

    /** The job's owner, if the creating request had one. */
    Optional<String> ownerId();

    /** Parameters and uploads as stored. */
    JobInput input();

    /** A scratch directory inside the job directory (removed with the job). */
    Path workDirectory() throws IOException;

    /**
     * Reports progress: {@code done} of {@code total}, in a unit proportional to cost (the quote extrapolates the
     * rate: units of unequal cost make it wrong), e.g. estimated core-ms. Cheap to call often (stored at most about
     * once a second). Also a checkpoint: throws {@link JobStoppedException} once the job must stop.
     */
    void progress(long done, long total);

    /** Throws {@link JobStoppedException} when the job was aborted or ran past its execution duration. */
    void checkpoint();

    /** True when the job has been told to stop (abort, execution duration or service shutdown). */
    boolean stopRequested();

    /**
     * Registers an action run once when the job is told to stop (ABORT, execution duration, destruction, shutdown),
     * from the thread that stops it: e.g. {@code statement::cancel}, so a long SQL statement frees its thread and
     * connection at once instead of at the next checkpoint. Runs at once if the job is already stopping.
     */
    void onStop(Runnable action);

    /** When the execution duration runs out, if limited. */
    Optional<Instant> deadline();

    /**
     * Opens a new result for writing. The result is listed at /{job}/results once the stream is closed.
     *
     * @param name     result id: letters, digits, '.', '_' or '-' (e.g. "result", "summary.png")
     * @param mimeType e.g. "application/x-votable+xml"
     */
    OutputStream openResult(String name, String mimeType) throws IOException;
}
