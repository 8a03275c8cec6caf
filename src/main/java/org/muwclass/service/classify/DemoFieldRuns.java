package org.muwclass.service.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.service.config.DemoSettings;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.db.DemoRunsTable;
import org.muwclass.service.uws.ErrorType;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobRequestException;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.MediaTypes;

/**
 * Classifies the shipped demo fields (NGC 3532, IC 2395: CSC per-observation detections and nearest-counterpart
 * tables) once per database, as ordinary {@value ClassifyJobKind#NAME} jobs owned by {@value #OWNER} with
 * PUBLISH=yes, so {@code muwclass.classified_sources} holds the pipeline's own classifications of them with
 * {@code run_id} = job id.
 *
 * <p>Each submission is recorded in {@code muwclass.demo_runs} (field, job id, attempts, settings, phase, progress),
 * like the training-set load in {@code muwclass.load_log}; TAP publishes that table, so clients see a field being
 * classified while its job runs. At a later start a field is left alone when its job completed, is still queued or
 * running (it is waited for), or was deleted (an operator's choice), as long as the job ran with the current
 * {@link DemoSettings}. A job with other settings (e.g. the 20-draw demo of earlier versions) is replaced by a new
 * one; its published rows stay until the new job completes, then it is destroyed. A job that ended in ERROR or
 * ABORTED is resubmitted, with the reason logged: always when a restart cut it off (transient error), otherwise once
 * ({@value #MAX_ATTEMPTS} attempts in all). Fields run one after the other on the shared work pool.
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

    static final String LOG_TABLE = DemoRunsTable.TABLE;
    /** The job parameters that make up the demo settings; a job differing in any of them is replaced. */
    static final List<String> SETTING_PARAMETERS = List.of("EQUIVALENT_DRAWS", "DRAWS", "TARGETS_PER_FOREST",
            "EBV_GRID", "SEED", "ALGORITHM", "TREES");
    private static final Logger LOG = Logger.getLogger(DemoFieldRuns.class.getName());
    /** How often a running demo job's progress is copied into muwclass.demo_runs. */
    private static final Duration WAIT_STEP = Duration.ofSeconds(10);

    /** What happened to one field at this start. */
    public enum Action {
        /** a job was submitted (first time or retry) and waited for */
        SUBMITTED,
        /** an earlier job with the same settings completed: nothing to do */
        ALREADY_DONE,
        /** the earlier job had other settings: a new job was submitted and waited for; the old one's rows stay
         * published until then */
        REPLACED,
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

    /**
     * A row of muwclass.demo_runs; state is CLAIMED (a submission is under way), SUBMITTED or REFUSED;
     * previousJobId is a completed job with other settings whose rows stay published until jobId completes.
     */
    private record LogRow(String jobId, int attempts, String state, Instant submittedAt, String note,
                          String previousJobId, String settings) {
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
            if (o.phase() == ExecutionPhase.COMPLETED) {
                withdrawPrevious(field, o.jobId());
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
            if (r.state().equals("REFUSED") && !settings.describe().equals(r.settings())) {
                // refused with other settings: the new ones get their own attempts
                if (!claimRetry(field, r, 1)) {
                    LOG.info(() -> "Demo field " + field + " is being resubmitted by another member");
                    return new Outcome(field, Action.NOT_RUN, null, null);
                }
                return submit(field, 1, "settings changed from " + r.settings() + " to " + settings.describe());
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
        if (!sameSettings(job.parameters())) {
            return replace(field, r, job);
        }
        switch (job.phase()) {
            case COMPLETED:
                LOG.info(() -> "Demo field " + field + " was published by job " + job.id() + " (" + settings.describe()
                        + "); not classified again");
                recordProgress(field, job);
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

    /**
     * The field's job ran with other settings: a new job replaces it (attempt 1: the old failures do not count). A
     * completed old job stays, with its published rows, until the new one completes ({@link #withdrawPrevious});
     * an unfinished or failed one is deleted now.
     */
    private Outcome replace(String field, LogRow r, JobRecord old) throws SQLException {
        String was = describe(old.parameters());
        String keep = old.phase() == ExecutionPhase.COMPLETED ? old.id() : r.previousJobId();
        if (!claimReplacement(field, old.id(), keep)) {
            LOG.info(() -> "Demo field " + field + " is being resubmitted by another member");
            return new Outcome(field, Action.NOT_RUN, null, null);
        }
        if (old.phase() != ExecutionPhase.COMPLETED) {
            try {
                jobs.delete(ClassifyJobKind.NAME, old.id(), OWNER);
            } catch (JobRequestException e) {
                // already gone
            }
        }
        String why = "settings changed from " + was + " (job " + old.id() + ", " + old.phase() + ") to "
                + settings.describe();
        LOG.info(() -> "Demo field " + field + ": " + why + (keep == null ? ""
                : "; the rows of job " + keep + " stay published until the new job completes"));
        Outcome o = submit(field, 1, why);
        return o.action() == Action.SUBMITTED ? new Outcome(field, Action.REPLACED, o.jobId(), o.phase()) : o;
    }

    /** Whether a job's parameters are the current settings' (every setting parameter equal, or absent in both). */
    boolean sameSettings(DaliParameters parameters) {
        Map<String, String> wanted = settings.jobParameters();
        for (String name : SETTING_PARAMETERS) {
            Optional<String> had = parameters.get(name).map(String::trim);
            if (!had.equals(Optional.ofNullable(wanted.get(name)))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(DaliParameters parameters) {
        StringBuilder sb = new StringBuilder();
        for (String name : SETTING_PARAMETERS) {
            parameters.get(name).ifPresent(v -> sb.append(sb.length() == 0 ? "" : " ").append(name).append('=')
                    .append(v));
        }
        return sb.length() == 0 ? "(none)" : sb.toString();
    }

    /** Destroys the field's previous job once its replacement completed: that withdraws the old rows. */
    private void withdrawPrevious(String field, String completedJobId) throws SQLException {
        Optional<LogRow> row = readLog(field);
        if (row.isEmpty() || row.get().previousJobId() == null || !completedJobId.equals(row.get().jobId())) {
            return;
        }
        String previous = row.get().previousJobId();
        try {
            jobs.delete(ClassifyJobKind.NAME, previous, OWNER);
        } catch (JobRequestException e) {
            // already gone
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET previous_job_id = NULL WHERE field = ? AND previous_job_id = ?")) {
            ps.setString(1, field);
            ps.setString(2, previous);
            ps.executeUpdate();
        }
        LOG.info(() -> "Demo field " + field + ": job " + previous + " (other settings) destroyed and its rows"
                + " withdrawn; job " + completedJobId + " publishes the field now");
    }

    private Outcome retryOrGiveUp(String field, LogRow r, boolean cutOffByRestart, String why) throws SQLException {
        if (!cutOffByRestart && r.attempts() >= MAX_ATTEMPTS) {
            LOG.warning(() -> "Demo field " + field + " is not classified again after " + r.attempts()
                    + " attempts; the last one failed (" + why + "). Delete its row in " + LOG_TABLE
                    + " to try again at the next start.");
            return new Outcome(field, Action.NOT_RUN, r.jobId(), null);
        }
        if (!claimRetry(field, r, r.attempts() + 1)) {
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
            List<String> nameValues = new ArrayList<>(List.of("PHASE", "RUN", "RUNID", "demo-" + field));
            settings.jobParameters().forEach((k, v) -> {
                nameValues.add(k);
                nameValues.add(v);
            });
            nameValues.addAll(List.of("PUBLISH", "yes", "EXECUTIONDURATION", "0"));
            DaliParameters parameters = DaliParameters.of(nameValues.toArray(String[]::new));
            JobRecord job = jobs.createForService(ClassifyJobKind.NAME, OWNER, parameters, uploads,
                    clock.instant().plus(KEPT_FOR));
            updateLog(field, job.id(), "SUBMITTED", reason);
            recordProgress(field, job);
            LOG.info(() -> "Demo field " + field + " (" + reason + "): classification job " + job.id() + " queued ("
                    + settings.describe() + "); its rows go into " + ClassifiedSourcesStore.TABLE
                    + " with run_id = the job id; progress in " + LOG_TABLE);
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
                JobRecord j = jobs.await(ClassifyJobKind.NAME, jobId, OWNER, WAIT_STEP, null);
                phase = j.phase();
                recordProgress(field, j);
            } catch (JobRequestException | SQLException e) {
                phase = currentPhase(jobId);
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
        DemoRunsTable.createIfMissing(dataSource);
    }

    /**
     * Copies the job's phase and progress (fraction of work units done, 1 once completed) into the field's row, with
     * the published row count once completed; only while the row still names this job.
     */
    private void recordProgress(String field, JobRecord job) throws SQLException {
        double fraction = job.phase() == ExecutionPhase.COMPLETED ? 1.0 : job.progress().fraction();
        Integer rows = job.phase() == ExecutionPhase.COMPLETED ? publishedRows(job.id()) : null;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET phase = ?, progress = ?, sources = ?, settings = ?, updated_utc = ?"
                + " WHERE field = ? AND job_id = ?")) {
            ps.setString(1, job.phase().name());
            if (Double.isNaN(fraction)) {
                ps.setNull(2, java.sql.Types.DOUBLE);
            } else {
                ps.setDouble(2, fraction);
            }
            if (rows == null || rows < 0) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, rows);
            }
            ps.setString(4, describe(job.parameters()));
            ps.setString(5, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            ps.setString(6, field);
            ps.setString(7, job.id());
            ps.executeUpdate();
        }
    }

    private Optional<LogRow> readLog(String field) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT job_id, attempts, state, submitted_at, note, previous_job_id, settings FROM " + LOG_TABLE
                        + " WHERE field = ?")) {
            ps.setString(1, field);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LogRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
                        : Optional.empty();
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

    /**
     * Compare-and-set of the attempt count and state seen in {@code seen}, setting the count to {@code attempt};
     * false when another member claimed the retry first.
     */
    private boolean claimRetry(String field, LogRow seen, int attempt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET attempts = ?, job_id = NULL, state = 'CLAIMED', submitted_at = ?, note = NULL"
                + " WHERE field = ? AND attempts = ? AND state = ?")) {
            ps.setInt(1, attempt);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, field);
            ps.setInt(4, seen.attempts());
            ps.setString(5, seen.state());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Compare-and-set on the job id: starts attempt 1 of new settings, keeping {@code keep} (a completed job whose
     * rows stay published meanwhile, or null); false when another member replaced the job first.
     */
    private boolean claimReplacement(String field, String seenJobId, String keep) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET attempts = 1, job_id = NULL, state = 'CLAIMED', submitted_at = ?, note = NULL,"
                + " previous_job_id = ?, phase = NULL, progress = NULL, sources = NULL WHERE field = ? AND job_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, keep);
            ps.setString(3, field);
            ps.setString(4, seenJobId);
            return ps.executeUpdate() == 1;
        }
    }

    private void updateLog(String field, String jobId, String state, String note) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE "
                + LOG_TABLE + " SET job_id = ?, state = ?, note = ?, settings = ?, phase = NULL, progress = NULL,"
                + " sources = NULL, updated_utc = ? WHERE field = ?")) {
            ps.setString(1, jobId);
            ps.setString(2, state);
            ps.setString(3, note == null ? null : note.substring(0, Math.min(note.length(), 2000)));
            ps.setString(4, settings.describe());
            ps.setString(5, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            ps.setString(6, field);
            ps.executeUpdate();
        }
    }
}
