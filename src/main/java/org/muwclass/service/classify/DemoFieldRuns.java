package org.muwclass.service.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.service.config.DemoSettings;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.uws.ErrorType;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobRequestException;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.UploadedFile;
import org.muwclass.tables.MediaTypes;

/**
 * Classifies the shipped demo fields (NGC 3532, IC 2395: CSC per-observation detections and nearest-counterpart
 * tables) once per database, as ordinary {@value ClassifyJobKind#NAME} jobs owned by {@value #OWNER} with
 * PUBLISH=yes, so {@code muwclass.classified_sources} holds the pipeline's own classifications of them with
 * {@code run_id} = job id.
 *
 * <p>Each submission is recorded in {@code muwclass.demo_runs} (field, job id, attempts), like the training-set load
 * in {@code muwclass.load_log}. At a later start a field is left alone when its job completed, is still queued or
 * running (it is waited for), or was deleted (an operator's choice). A job that ended in ERROR or ABORTED is
 * resubmitted, with the reason logged: always when a restart cut it off (transient error), otherwise once
 * ({@value #MAX_ATTEMPTS} attempts in all). Fields run one after the other so other workers stay free for users.
 *
 * <p>The jobs are destroyed only after {@link #KEPT_FOR}: destroying a job withdraws its published rows.
 */
public final class DemoFieldRuns {

    /**
     * Owner id of the demo jobs. No client can claim it (Basic user file, token or proxy header: see
     * org.muwclass.service.security.UserStore#isReserved), so the jobs are neither listed nor changeable over HTTP.
     */
    public static final String OWNER = SecuritySettings.SERVICE_OWNER;
    /** Submissions of one field that end in a non-transient failure before the service gives up. */
    public static final int MAX_ATTEMPTS = 2;
    /** Lifetime of the demo jobs: about a century, i.e. kept (the default job lifetime does not apply). */
    public static final Duration KEPT_FOR = Duration.ofDays(36_525);
    /** The shipped fields, under {@code /muwclass/demo/<field>/<field>_<per|gaia|2mass|...>.csv}. */
    public static final List<String> FIELDS = List.of("NGC3532", "IC2395");

    static final String LOG_TABLE = "muwclass.demo_runs";
    private static final Logger LOG = Logger.getLogger(DemoFieldRuns.class.getName());
    private static final Duration WAIT_STEP = Duration.ofSeconds(30);

    /** What happened to one field at this start. */
    public enum Action {
        /** a job was submitted (first time or retry) and waited for */
        SUBMITTED,
        /** an earlier job completed: nothing to do */
        ALREADY_DONE,
        /** an earlier job was still queued or running: waited for */
        RESUMED,
        /** the earlier job was deleted, or it failed MAX_ATTEMPTS times: not run again */
        NOT_RUN,
        /** the submission was refused (e.g. an invalid muwclass.demo.* setting) */
        REFUSED
    }

    /**
     * @param field  demo field name
     * @param action what this start did
     * @param jobId  the field's job, or null
     * @param phase  the job's phase when {@link #run} returned, or null
     */
    public record Outcome(String field, Action action, String jobId, ExecutionPhase phase) {
    }

    /** A row of muwclass.demo_runs; state is CLAIMED (a submission is under way), SUBMITTED or REFUSED. */
    private record LogRow(String jobId, int attempts, String state, Instant submittedAt, String note) {
    }

    /** A claim older than this without a job is taken as a submission cut off by a crash. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final JobManager jobs;
    private final DemoSettings settings;
    private final Clock clock;

    public DemoFieldRuns(DataSource dataSource, JobManager jobs, DemoSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Submits each demo field's job when due and waits for it before the next field (blocking; the service calls it
     * on a background thread). Returns early, leaving queued jobs to the job manager, when {@code stop} says so.
     */
    public List<Outcome> run(BooleanSupplier stop) throws SQLException {
        createLogTable();
        List<Outcome> outcomes = new ArrayList<>();
        for (String field : FIELDS) {
            if (stop.getAsBoolean()) {
                break;
            }
            Outcome o = runField(field);
            if (o.jobId() != null && o.phase() != null && o.phase().isActive()) {
                o = new Outcome(field, o.action(), o.jobId(), waitFor(field, o.jobId(), stop));
            }
            outcomes.add(o);
        }
        return outcomes;
    }

    private Outcome runField(String field) throws SQLException {
        Optional<LogRow> row = readLog(field);
        if (row.isEmpty()) {
            // the primary key lets one member of a cluster sharing the database claim the field
            if (!claimNew(field)) {
                LOG.info(() -> "Demo field " + field + " is being submitted by another member");
                return new Outcome(field, Action.NOT_RUN, null, null);
            }
            return submit(field, 1, "first start of this database");
        }
        LogRow r = row.get();
        if (r.jobId() == null) {
            if (r.state().equals("CLAIMED") && r.submittedAt().plus(CLAIM_TIMEOUT).isAfter(clock.instant())) {
                LOG.info(() -> "Demo field " + field + " is being submitted by another member");
                return new Outcome(field, Action.NOT_RUN, null, null);
            }
            return retryOrGiveUp(field, r, false, r.state().equals("CLAIMED")
                    ? "the earlier submission was cut off" : "the earlier submission was refused: " + r.note());
        }
        JobRecord job;
        try {
            job = jobs.get(ClassifyJobKind.NAME, r.jobId(), OWNER);
        } catch (JobRequestException e) {
            LOG.info(() -> "Demo field " + field + ": its job " + r.jobId() + " was deleted, with its published rows;"
                    + " not classifying it again (delete its row in " + LOG_TABLE + " to have it run at the next"
                    + " start)");
            return new Outcome(field, Action.NOT_RUN, r.jobId(), null);
        }
        switch (job.phase()) {
            case COMPLETED:
                LOG.info(() -> "Demo field " + field + " was published by job " + job.id() + "; not classified again");
                return new Outcome(field, Action.ALREADY_DONE, job.id(), job.phase());
            case PENDING:
                try {
                    jobs.run(ClassifyJobKind.NAME, job.id(), OWNER);
                } catch (JobRequestException e) {
                    LOG.warning(() -> "Demo field " + field + ": cannot queue job " + job.id() + ": " + e.getMessage());
                }
                return new Outcome(field, Action.RESUMED, job.id(), currentPhase(job.id()));
            case QUEUED:
            case EXECUTING:
                return new Outcome(field, Action.RESUMED, job.id(), job.phase());
            default:
                boolean cutOff = job.error() != null && job.error().type() == ErrorType.TRANSIENT;
                String why = "job " + job.id() + " ended " + job.phase()
                        + (job.error() == null ? "" : ": " + job.error().message());
                return retryOrGiveUp(field, r, cutOff, why);
        }
    }

    private Outcome retryOrGiveUp(String field, LogRow r, boolean cutOffByRestart, String why) throws SQLException {
        if (!cutOffByRestart && r.attempts() >= MAX_ATTEMPTS) {
            LOG.warning(() -> "Demo field " + field + " is not classified again after " + r.attempts()
                    + " attempts; the last one failed (" + why + "). Delete its row in " + LOG_TABLE
                    + " to try again at the next start.");
            return new Outcome(field, Action.NOT_RUN, r.jobId(), null);
        }
        if (!claimRetry(field, r.attempts())) {
            LOG.info(() -> "Demo field " + field + " is being resubmitted by another member");
            return new Outcome(field, Action.NOT_RUN, null, null);
        }
        LOG.warning(() -> "Demo field " + field + ": retrying because " + why);
        if (r.jobId() != null) {
            try {
                jobs.delete(ClassifyJobKind.NAME, r.jobId(), OWNER);
            } catch (JobRequestException e) {
                // already gone
            }
        }
        return submit(field, r.attempts() + 1, "retry: " + why);
    }

    /** Submits the field's job; its row in muwclass.demo_runs is already claimed (attempt {@code attempt}). */
    private Outcome submit(String field, int attempt, String reason) throws SQLException {
        Path staging = null;
        try {
            staging = jobs.files().newStagingDirectory();
            List<UploadedFile> uploads = new ArrayList<>();
            uploads.add(copy(field, "per", "INPUT", staging));
            for (MwCatalog c : MwCatalog.values()) {
                uploads.add(copy(field, c.suffix(), c.suffix().toUpperCase(Locale.ROOT), staging));
            }
            JobParameters parameters = JobParameters.of("PHASE", "RUN", "RUNID", "demo-" + field,
                    "DRAWS", Integer.toString(settings.draws()), "SEED", Long.toString(settings.seed()),
                    "ALGORITHM", settings.algorithm(), "TREES", Integer.toString(settings.trees()),
                    "PUBLISH", "yes", "EXECUTIONDURATION", "0");
            JobRecord job = jobs.createForService(ClassifyJobKind.NAME, OWNER, parameters, uploads,
                    clock.instant().plus(KEPT_FOR));
            updateLog(field, job.id(), "SUBMITTED", reason);
            LOG.info(() -> "Demo field " + field + " (" + reason + "): classification job " + job.id() + " queued ("
                    + settings.draws() + " draws, seed " + settings.seed() + ", " + settings.algorithm() + ", "
                    + settings.trees() + " trees); its rows go into " + ClassifiedSourcesStore.TABLE
                    + " with run_id = the job id");
            return new Outcome(field, Action.SUBMITTED, job.id(), job.phase());
        } catch (ParameterException | JobRequestException | IOException e) {
            String message = e.getMessage();
            updateLog(field, null, "REFUSED", message);
            LOG.warning(() -> "Demo field " + field + " was not submitted: " + message);
            return new Outcome(field, Action.REFUSED, null, null);
        } finally {
            if (staging != null) {
                JobFiles.deleteTree(staging);
            }
        }
    }

    private static UploadedFile copy(String field, String suffix, String part, Path staging) throws IOException {
        String name = field + "_" + suffix + ".csv";
        String resource = "/muwclass/demo/" + field + "/" + name;
        Path target = staging.resolve(part);
        try (InputStream in = DemoFieldRuns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + resource);
            }
            Files.copy(in, target);
        }
        return new UploadedFile(part, name, MediaTypes.CSV, target, Files.size(target));
    }

    private ExecutionPhase waitFor(String field, String jobId, BooleanSupplier stop) {
        ExecutionPhase phase = currentPhase(jobId);
        while (phase != null && phase.isActive() && !stop.getAsBoolean()) {
            try {
                phase = jobs.await(ClassifyJobKind.NAME, jobId, OWNER, WAIT_STEP, null).phase();
            } catch (JobRequestException e) {
                phase = null;
            }
        }
        if (phase == ExecutionPhase.COMPLETED) {
            int rows = publishedRows(jobId);
            LOG.info(() -> "Demo field " + field + ": " + rows + " classified sources published into "
                    + ClassifiedSourcesStore.TABLE + " by job " + jobId);
        } else if (phase != null && !phase.isActive()) {
            LOG.warning(() -> "Demo field " + field + ": job " + jobId + " ended " + currentPhaseText(jobId)
                    + "; it is retried at the next start unless it failed " + MAX_ATTEMPTS + " times");
        }
        return phase;
    }

    private ExecutionPhase currentPhase(String jobId) {
        try {
            return jobs.get(ClassifyJobKind.NAME, jobId, OWNER).phase();
        } catch (JobRequestException e) {
            return null;
        }
    }

    private String currentPhaseText(String jobId) {
        try {
            JobRecord j = jobs.get(ClassifyJobKind.NAME, jobId, OWNER);
            return j.phase() + (j.error() == null ? "" : " (" + j.error().message() + ")");
        } catch (JobRequestException e) {
            return "deleted";
        }
    }

    private int publishedRows(String jobId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + ClassifiedSourcesStore.TABLE + " WHERE " + ClassifiedSourcesStore.RUN_ID
                        + " = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ muwclass.demo_runs

    private void createLogTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS muwclass");
            s.execute("CREATE TABLE IF NOT EXISTS " + LOG_TABLE + " (field VARCHAR(100) PRIMARY KEY,"
                    + " job_id VARCHAR(100), attempts INTEGER NOT NULL, state VARCHAR(20) NOT NULL,"
                    + " submitted_at TIMESTAMP NOT NULL, note VARCHAR(2000))");
        }
    }

    private Optional<LogRow> readLog(String field) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT job_id, attempts, state, submitted_at, note FROM " + LOG_TABLE + " WHERE field = ?")) {
            ps.setString(1, field);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LogRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))) : Optional.empty();
            }
        }
    }

    /** Inserts the field's first claim; false when another member inserted it first. */
    private boolean claimNew(String field) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + LOG_TABLE + " (field, job_id, attempts, state, submitted_at, note) VALUES (?, NULL, 1, 'CLAIMED', ?,"
                + " NULL)")) {
            ps.setString(1, field);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // integrity constraint violation
                return false;
            }
            throw e;
        }
    }

    /** Compare-and-set of the attempt count; false when another member claimed the retry first. */
    private boolean claimRetry(String field, int seenAttempts) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET attempts = ?, job_id = NULL, state = 'CLAIMED', submitted_at = ?, note = NULL"
                + " WHERE field = ? AND attempts = ?")) {
            ps.setInt(1, seenAttempts + 1);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, field);
            ps.setInt(4, seenAttempts);
            return ps.executeUpdate() == 1;
        }
    }

    private void updateLog(String field, String jobId, String state, String note) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET job_id = ?, state = ?, note = ? WHERE field = ?")) {
            ps.setString(1, jobId);
            ps.setString(2, state);
            ps.setString(3, note == null ? null : note.substring(0, Math.min(note.length(), 2000)));
            ps.setString(4, field);
            ps.executeUpdate();
        }
    }
}
