package org.muwclass.service.uws;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/**
 * Job records in the database (schema {@code uws}, portable SQL for H2 and PostgreSQL). Times are stored as epoch
 * milliseconds. Phase changes are compare-and-set: an UPDATE that succeeds only if the job is still in the expected
 * phase, so concurrent ABORT, timeout and completion cannot both win.
 *
 * <p>Why over 400 lines: it is the one DAO of the job tables, one short method per SQL statement (the UWS
 * attributes, parameters, results, leases and sweeps), kept together so the schema and every statement on it are
 * read in one file.
 */
public final class JobStore {

    private static final String JOB_COLUMNS = "job_id, kind, run_id, owner_id, phase, creation_time, start_time, "
            + "end_time, execution_duration_s, destruction, estimate_ms, error_type, error_message, progress_done, "
            + "progress_total";

    private final DataSource dataSource;
    private final JobFiles files;

    public JobStore(DataSource dataSource, JobFiles files) {
        this.dataSource = dataSource;
        this.files = files;
    }

    /** Creates the tables if missing (idempotent, run at every start-up). */
    public void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS uws");
            s.execute("CREATE TABLE IF NOT EXISTS uws.jobs (job_id VARCHAR(32) PRIMARY KEY, kind VARCHAR(40) NOT NULL,"
                    + " run_id VARCHAR(1000), owner_id VARCHAR(1000), phase VARCHAR(12) NOT NULL,"
                    + " creation_time BIGINT NOT NULL, start_time BIGINT, end_time BIGINT,"
                    + " execution_duration_s BIGINT NOT NULL, destruction BIGINT NOT NULL, estimate_ms BIGINT,"
                    + " error_type VARCHAR(10), error_message VARCHAR(20000),"
                    + " progress_done BIGINT DEFAULT 0 NOT NULL, progress_total BIGINT DEFAULT 0 NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS uws_jobs_destruction_idx ON uws.jobs (destruction)");
            s.execute("CREATE INDEX IF NOT EXISTS uws_jobs_creation_idx ON uws.jobs (creation_time)");
            s.execute("CREATE TABLE IF NOT EXISTS uws.job_parameters (job_id VARCHAR(32) NOT NULL"
                    + " REFERENCES uws.jobs (job_id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
                    + " name VARCHAR(200) NOT NULL, param_value VARCHAR(1000000) NOT NULL, PRIMARY KEY (job_id, seq))");
            s.execute("CREATE TABLE IF NOT EXISTS uws.job_uploads (job_id VARCHAR(32) NOT NULL"
                    + " REFERENCES uws.jobs (job_id) ON DELETE CASCADE, part_name VARCHAR(200) NOT NULL,"
                    + " file_name VARCHAR(1000), content_type VARCHAR(200), size_bytes BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, part_name))");
            s.execute("CREATE TABLE IF NOT EXISTS uws.job_results (job_id VARCHAR(32) NOT NULL"
                    + " REFERENCES uws.jobs (job_id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
                    + " name VARCHAR(100) NOT NULL, mime_type VARCHAR(200) NOT NULL, size_bytes BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, name))");
            // added by the quota work: existing databases get the column, old jobs count for nobody (null)
            s.execute("ALTER TABLE uws.jobs ADD COLUMN IF NOT EXISTS quota_key VARCHAR(1100)");
            s.execute("CREATE INDEX IF NOT EXISTS uws_jobs_quota_idx ON uws.jobs (quota_key, phase)");
            // SHA-256 of each upload as received, for the results' provenance (null for jobs stored before)
            s.execute("ALTER TABLE uws.job_uploads ADD COLUMN IF NOT EXISTS sha256 VARCHAR(64)");
        }
    }

    /** Stores a new job with its parameters and uploads in one transaction, counted for no client's quota. */
    public void insert(JobRecord job) throws SQLException {
        insert(job, null);
    }

    /**
     * Stores a new job with its parameters and uploads in one transaction.
     *
     * @param quotaKey the client whose quotas the job counts against ({@link Caller#quotaKey()}), or null
     */
    public void insert(JobRecord job, String quotaKey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws.jobs (" + JOB_COLUMNS
                        + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, job.id());
                    ps.setString(2, job.kind());
                    ps.setString(3, job.runId());
                    ps.setString(4, job.ownerId());
                    ps.setString(5, job.phase().name());
                    ps.setLong(6, job.creationTime().toEpochMilli());
                    setMillis(ps, 7, job.startTime());
                    setMillis(ps, 8, job.endTime());
                    ps.setLong(9, job.executionDuration().toSeconds());
                    ps.setLong(10, job.destruction().toEpochMilli());
                    if (job.estimate() == null) {
                        ps.setNull(11, Types.BIGINT);
                    } else {
                        ps.setLong(11, job.estimate().toMillis());
                    }
                    ps.setString(12, job.error() == null ? null : job.error().type().name());
                    ps.setString(13, job.error() == null ? null : job.error().message());
                    ps.setLong(14, job.progress().done());
                    ps.setLong(15, job.progress().total());
                    ps.executeUpdate();
                }
                if (quotaKey != null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE uws.jobs SET quota_key = ? WHERE job_id = ?")) {
                        ps.setString(1, quotaKey);
                        ps.setString(2, job.id());
                        ps.executeUpdate();
                    }
                }
                writeParameters(c, job.id(), job.parameters());
                writeUploads(c, job.id(), job.uploads());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void writeParameters(Connection c, String id, DaliParameters parameters) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM uws.job_parameters WHERE job_id = ?")) {
            del.setString(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO uws.job_parameters (job_id, seq, name, param_value) VALUES (?,?,?,?)")) {
            int seq = 0;
            for (DaliParameters.Parameter p : parameters.asList()) {
                ps.setString(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, p.name());
                ps.setString(4, p.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeUploads(Connection c, String id, List<UploadedFile> uploads) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws.job_uploads (job_id, part_name, file_name,"
                + " content_type, size_bytes, sha256) VALUES (?,?,?,?,?,?)")) {
            for (UploadedFile u : uploads) {
                ps.setString(1, id);
                ps.setString(2, u.partName());
                ps.setString(3, u.fileName());
                ps.setString(4, u.contentType());
                ps.setLong(5, u.size());
                ps.setString(6, u.sha256());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The full record: job row, parameters, uploads and results. */
    public Optional<JobRecord> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM uws.jobs WHERE job_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(rs, parameters(c, id), uploads(c, id), results(c, id)));
            }
        }
    }

    /**
     * Job rows matching the filter (parameters, uploads and results are left empty): only the caller's own jobs;
     * an anonymous caller (null) gets an empty list.
     */
    public List<JobRecord> list(JobFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + JOB_COLUMNS + " FROM uws.jobs WHERE kind = ?");
        if (filter.caller() == null) {
            // anonymous jobs are private: each is reached only through its own unguessable URL, never listed
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(filter.kind());
        sql.append(" AND owner_id = ?");
        args.add(filter.caller());
        if (filter.phases().isEmpty()) {
            sql.append(" AND phase <> 'ARCHIVED'");
        } else {
            sql.append(" AND phase IN (").append(filter.phases().stream().map(p -> "'" + p.name() + "'")
                    .collect(Collectors.joining(","))).append(')');
        }
        if (filter.after() != null) {
            sql.append(" AND creation_time > ?");
            args.add(filter.after().toEpochMilli());
        }
        // LAST asks for the newest first; without it the list is oldest first
        sql.append(filter.last() != null ? " ORDER BY creation_time DESC, job_id" : " ORDER BY creation_time, job_id");
        if (filter.last() != null) {
            sql.append(" LIMIT ").append(filter.last());
        }
        List<JobRecord> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs, DaliParameters.EMPTY, List.of(), List.of()));
                }
            }
        }
        return jobs;
    }

    /** Jobs of any kind that hold a queue slot (QUEUED, EXECUTING), oldest first, without parameters. */
    public List<JobRecord> active() throws SQLException {
        List<JobRecord> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + JOB_COLUMNS + " FROM uws.jobs WHERE phase IN ('QUEUED', 'EXECUTING') ORDER BY creation_time")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs, DaliParameters.EMPTY, List.of(), List.of()));
                }
            }
        }
        return jobs;
    }

    /**
     * Jobs counted against a client's quota in the given phases.
     *
     * @param quotaKey the client, or null for all jobs
     * @param phases   the phases counted, or null for every phase
     */
    public long countJobs(String quotaKey, Set<ExecutionPhase> phases) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM uws.jobs WHERE 1 = 1");
        if (quotaKey != null) {
            sql.append(" AND quota_key = ?");
        }
        if (phases != null) {
            sql.append(" AND phase IN (").append(phases.stream().map(p -> "'" + p.name() + "'")
                    .collect(Collectors.joining(","))).append(')');
        }
        return single(sql.toString(), quotaKey);
    }

    /** Bytes of uploads and results stored for a client's jobs (null: all jobs). */
    public long storedBytes(String quotaKey) throws SQLException {
        String where = quotaKey == null ? "" : " WHERE j.quota_key = ?";
        return single("SELECT COALESCE(SUM(u.size_bytes), 0) FROM uws.job_uploads u JOIN uws.jobs j"
                + " ON u.job_id = j.job_id" + where, quotaKey)
                + single("SELECT COALESCE(SUM(r.size_bytes), 0) FROM uws.job_results r JOIN uws.jobs j"
                + " ON r.job_id = j.job_id" + where, quotaKey);
    }

    /** The client a job counts against, or empty (the service's own jobs, jobs older than quotas). */
    public Optional<String> quotaKey(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT quota_key FROM uws.jobs WHERE job_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets the estimate (known once the job's input has been read at execution). */
    public void setEstimate(String id, Duration estimate) throws SQLException {
        update("UPDATE uws.jobs SET estimate_ms = ? WHERE job_id = ?", estimate.toMillis(), id);
    }

    /** Sets the estimate of a job still PENDING (computed in the background); a job that started keeps its own. */
    public void setPendingEstimate(String id, Duration estimate) throws SQLException {
        update("UPDATE uws.jobs SET estimate_ms = ? WHERE job_id = ? AND phase = 'PENDING'", estimate.toMillis(), id);
    }

    /** Whether a job row exists. */
    public boolean exists(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM uws.jobs WHERE job_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long single(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Ids of jobs (any kind) in the given phases, oldest first. */
    public List<String> idsInPhases(Set<ExecutionPhase> phases) throws SQLException {
        String in = phases.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(","));
        return ids("SELECT job_id FROM uws.jobs WHERE phase IN (" + in + ") ORDER BY creation_time", null);
    }

    /** Ids of jobs whose destruction time is at or before {@code now}. */
    public List<String> expired(Instant now) throws SQLException {
        return ids("SELECT job_id FROM uws.jobs WHERE destruction <= ?", now.toEpochMilli());
    }

    private List<String> ids(String sql, Long arg) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Compare-and-set of the phase. Entering EXECUTING sets the start time; entering a final phase sets the end
     * time and the error summary (null clears nothing).
     *
     * @return true if the job was in {@code from} and is now in {@code to}
     */
    public boolean setPhase(String id, ExecutionPhase from, ExecutionPhase to, Instant now, ErrorSummary error)
            throws SQLException {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("No transition " + from + " -> " + to);
        }
        StringBuilder sql = new StringBuilder("UPDATE uws.jobs SET phase = ?");
        if (to == ExecutionPhase.EXECUTING) {
            sql.append(", start_time = ?");
        } else if (to.isFinal()) {
            sql.append(", end_time = ?");
        }
        if (error != null) {
            sql.append(", error_type = ?, error_message = ?");
        }
        sql.append(" WHERE job_id = ? AND phase = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, to.name());
            if (to == ExecutionPhase.EXECUTING || to.isFinal()) {
                ps.setLong(i++, now.toEpochMilli());
            }
            if (error != null) {
                ps.setString(i++, error.type().name());
                ps.setString(i++, truncate(error.message(), 20000));
            }
            ps.setString(i++, id);
            ps.setString(i, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Replaces parameters and adds uploads, only while the job is PENDING. */
    public boolean updatePending(String id, DaliParameters parameters, List<UploadedFile> newUploads,
                                 Duration estimate) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE uws.jobs SET estimate_ms = ? WHERE job_id = ? AND phase = 'PENDING'")) {
                    if (estimate == null) {
                        ps.setNull(1, Types.BIGINT);
                    } else {
                        ps.setLong(1, estimate.toMillis());
                    }
                    ps.setString(2, id);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                writeParameters(c, id, parameters);
                try (PreparedStatement del = c.prepareStatement(
                        "DELETE FROM uws.job_uploads WHERE job_id = ? AND part_name = ?")) {
                    for (UploadedFile u : newUploads) {
                        del.setString(1, id);
                        del.setString(2, u.partName());
                        del.executeUpdate();
                    }
                }
                writeUploads(c, id, newUploads);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Raises the execution duration of a job that has not finished (its quote needs longer: {@link QuoteLimits}). */
    public boolean extendExecutionDuration(String id, Duration duration) throws SQLException {
        return update("UPDATE uws.jobs SET execution_duration_s = ? WHERE job_id = ? AND phase IN ('PENDING', "
                + "'QUEUED', 'EXECUTING')", duration.toSeconds(), id) == 1;
    }

    /** Sets the execution duration, only while PENDING. */
    public boolean setExecutionDuration(String id, Duration duration) throws SQLException {
        return update("UPDATE uws.jobs SET execution_duration_s = ? WHERE job_id = ? AND phase = 'PENDING'",
                duration.toSeconds(), id) == 1;
    }

    public boolean setDestruction(String id, Instant destruction) throws SQLException {
        return update("UPDATE uws.jobs SET destruction = ? WHERE job_id = ?", destruction.toEpochMilli(), id) == 1;
    }

    public void setProgress(String id, Progress progress) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE uws.jobs SET progress_done = ?, progress_total = ? WHERE job_id = ?")) {
            ps.setLong(1, progress.done());
            ps.setLong(2, progress.total());
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Records a result (replacing one of the same name). */
    public void addResult(String id, ResultInfo result) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement(
                        "DELETE FROM uws.job_results WHERE job_id = ? AND name = ?")) {
                    del.setString(1, id);
                    del.setString(2, result.name());
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws.job_results (job_id, seq, name,"
                        + " mime_type, size_bytes) VALUES (?, (SELECT COALESCE(MAX(seq), -1) + 1 FROM"
                        + " uws.job_results WHERE job_id = ?), ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, id);
                    ps.setString(3, result.name());
                    ps.setString(4, result.mimeType());
                    ps.setLong(5, result.size());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Forgets all results of a job (their files are the caller's business). */
    public void clearResults(String id) throws SQLException {
        update("DELETE FROM uws.job_results WHERE job_id = ?", null, id);
    }

    /** Removes the job and (by cascade) its parameters, uploads and results. */
    public boolean delete(String id) throws SQLException {
        return update("DELETE FROM uws.jobs WHERE job_id = ?", null, id) == 1;
    }

    private int update(String sql, Long value, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (value != null) {
                ps.setLong(i++, value);
            }
            ps.setString(i, id);
            return ps.executeUpdate();
        }
    }

    private static DaliParameters parameters(Connection c, String id) throws SQLException {
        List<DaliParameters.Parameter> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, param_value FROM uws.job_parameters WHERE job_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new DaliParameters.Parameter(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return DaliParameters.of(list);
    }

    private List<UploadedFile> uploads(Connection c, String id) throws SQLException {
        List<UploadedFile> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT part_name, file_name, content_type, size_bytes, sha256"
                + " FROM uws.job_uploads WHERE job_id = ? ORDER BY part_name")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String part = rs.getString(1);
                    list.add(new UploadedFile(part, rs.getString(2), rs.getString(3), files.upload(id, part),
                            rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return list;
    }

    private static List<ResultInfo> results(Connection c, String id) throws SQLException {
        List<ResultInfo> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, mime_type, size_bytes FROM uws.job_results WHERE job_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new ResultInfo(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return list;
    }

    private static JobRecord read(ResultSet rs, DaliParameters parameters, List<UploadedFile> uploads,
                                  List<ResultInfo> results) throws SQLException {
        String errorType = rs.getString("error_type");
        ErrorSummary error = errorType == null ? null
                : new ErrorSummary(ErrorType.valueOf(errorType), rs.getString("error_message"));
        long estimate = rs.getLong("estimate_ms");
        Duration est = rs.wasNull() ? null : Duration.ofMillis(estimate);
        return new JobRecord(rs.getString("job_id"), rs.getString("kind"), rs.getString("run_id"),
                rs.getString("owner_id"), ExecutionPhase.valueOf(rs.getString("phase")),
                Instant.ofEpochMilli(rs.getLong("creation_time")), millis(rs, "start_time"), millis(rs, "end_time"),
                Duration.ofSeconds(rs.getLong("execution_duration_s")),
                Instant.ofEpochMilli(rs.getLong("destruction")), est, error,
                new Progress(rs.getLong("progress_done"), rs.getLong("progress_total")), parameters, uploads,
                results);
    }

    private static Instant millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setMillis(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
