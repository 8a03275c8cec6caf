package org.muwclass.service.uws;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which cluster member runs each queued or executing job (table {@code uws.job_owners}); changes are
 * compare-and-set so only one member takes an orphaned job over. Used only with a {@link JobCoordination}.
 */
public final class JobOwners {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JobOwners(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS uws.job_owners (job_id VARCHAR(32) PRIMARY KEY"
                    + " REFERENCES uws.jobs (job_id) ON DELETE CASCADE, owner_member VARCHAR(64) NOT NULL,"
                    + " since BIGINT NOT NULL)");
        }
    }

    /** The owner of a job, if one is recorded. */
    public Optional<String> owner(String jobId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT owner_member FROM uws.job_owners WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records {@code member} as the owner, whoever owned the job before. */
    public void set(String jobId, String member) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement up = c.prepareStatement(
                "UPDATE uws.job_owners SET owner_member = ?, since = ? WHERE job_id = ?")) {
            up.setString(1, member);
            up.setLong(2, System.currentTimeMillis());
            up.setString(3, jobId);
            if (up.executeUpdate() == 0 && !insert(c, jobId, member)) {
                set(jobId, member); // inserted concurrently: overwrite
            }
        }
    }

    /**
     * Compare-and-set of the owner.
     *
     * @param expected the owner seen (null: no owner recorded)
     * @return true if {@code member} now owns the job
     */
    public boolean takeOver(String jobId, String expected, String member) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (expected == null) {
                return insert(c, jobId, member);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE uws.job_owners SET owner_member = ?, since = ?"
                    + " WHERE job_id = ? AND owner_member = ?")) {
                ps.setString(1, member);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, jobId);
                ps.setString(4, expected);
                return ps.executeUpdate() == 1;
            }
        }
    }

    private static boolean insert(Connection c, String jobId, String member) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO uws.job_owners (job_id, owner_member, since) VALUES (?,?,?)")) {
            ps.setString(1, jobId);
            ps.setString(2, member);
            ps.setLong(3, System.currentTimeMillis());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
