package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The service's database: two connection pools and the dialect. The store pool (the configured, owning login) serves
 * the job store, loaders and TAP_UPLOAD writes; the query pool serves TAP queries only, logged in as a role that can
 * only read the published schemas ({@link QueryLogin}), so 40 heavy queries cannot take the job store's connections.
 * Both are H2's JdbcConnectionPool, for both engines: Payara's DriverManager does not see the WAR's H2 driver under
 * child-first class loading, and PostgreSQL connections are expensive to open.
 */
public final class Database implements AutoCloseable {

    /** Pool size of {@link #open(String, String, String)}. */
    public static final int DEFAULT_POOL_SIZE = 16;

    private final QueryLogin storeLogin;
    private final SqlDialect dialect;
    private final JdbcConnectionPool pool;
    private volatile JdbcConnectionPool queryPool;

    private Database(QueryLogin storeLogin, SqlDialect dialect, JdbcConnectionPool pool) {
        this.storeLogin = storeLogin;
        this.dialect = dialect;
        this.pool = pool;
    }

    public static Database open(String url, String user, String password) {
        return open(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** Opens the store pool; TAP queries need {@link #openQueryPool} as well. */
    public static Database open(String url, String user, String password, int poolSize) {
        SqlDialect dialect = SqlDialect.fromJdbcUrl(url);
        if (dialect == SqlDialect.H2 && isEmbeddedH2File(url)) {
            closeCleanly(url, user, password);
        }
        return new Database(new QueryLogin(url, user, password, null), dialect, pool(dialect, url, user, password, null, poolSize));
    }

    /**
     * Opens an embedded H2 file once and closes it with SHUTDOWN before the pools open it, so the service never runs
     * on a store in the state a kill -9 leaves. H2 2.5.252 (no longer used: it also lost commits written into
     * reused file space, see DatabaseCrashDurabilityTest) recovers such a file (its header names no last chunk, or
     * not the last one) on open, but the chunks it then writes into space freed inside the file are not all found by
     * the next recovery: after a second kill -9, transactions committed with WRITE_DELAY=0 were missing from the file
     * (a job created after a crash and a restart was lost, issue "lost job after kill -9"). A clean close writes the
     * store header (last chunk, clean flag), the state a clean restart leaves, which has no such loss. Cheap: one
     * open and close of the file at start-up. H2 2.3.232 and Payara's 2.2.224 do not lose these commits (same test,
     * {@code DatabaseCrashDurabilityTest}); the clean close keeps the file safe whichever H2 runs.
     */
    static void closeCleanly(String url, String user, String password) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        // the WAR's driver class directly: Payara's DriverManager does not see it under child-first class loading
        try (Connection c = new org.h2.Driver().connect(url, p); Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                if (rs.next() && rs.getInt(1) > 1) {
                    return; // already open in this JVM (another Database on the same file): not ours to close
                }
            }
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // e.g. a login without admin rights: the pools still open the file, as before
            java.util.logging.Logger.getLogger(Database.class.getName()).warning(
                    "Could not close the H2 database cleanly at start-up: " + e.getMessage());
        }
    }

    /** Whether the URL names an embedded H2 file (not an in-memory database or a server). */
    static boolean isEmbeddedH2File(String url) {
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(java.util.Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:") || rest.contains(";auto_server=true"));
    }

    private static JdbcConnectionPool pool(SqlDialect dialect, String url, String user, String password,
                                           String pgOptions, int size) {
        JdbcConnectionPool pool;
        if (dialect == SqlDialect.H2) {
            pool = JdbcConnectionPool.create(url, user, password);
        } else {
            // Pooled as well: a new PostgreSQL connection costs tens of ms, more than a cone search (docs/benchmarks.md).
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            if (pgOptions != null) {
                pg.setOptions(pgOptions); // session defaults from the start-up packet: what RESET ALL returns to
            }
            pool = JdbcConnectionPool.create(pg);
        }
        pool.setMaxConnections(size);
        pool.setLoginTimeout(30); // s to wait for a free connection before failing
        return pool;
    }

    /** Opens (or replaces) the pool of TAP query connections. */
    public synchronized void openQueryPool(QueryLogin login, int size) {
        JdbcConnectionPool old = queryPool;
        queryPool = pool(dialect, login.url(), login.user(), login.password(), login.pgOptions(), size);
        if (old != null) {
            old.dispose();
        }
    }

    /** The store login (the configured database user). */
    public QueryLogin storeLogin() {
        return storeLogin;
    }

    /** The store pool. */
    public DataSource dataSource() {
        return pool;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** A connection of the store pool (job store, loaders, TAP_UPLOAD writes). */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * A connection for one TAP query, logged in as the read-only query role, in auto-commit mode. On PostgreSQL every
     * setting is reset to the session defaults first, so nothing a previous query changed survives on the pooled
     * connection.
     *
     * @throws IllegalStateException when {@link #openQueryPool} was not called
     */
    public Connection queryConnection() throws SQLException {
        JdbcConnectionPool p = queryPool;
        if (p == null) {
            throw new IllegalStateException("The TAP query pool is not open");
        }
        Connection c = p.getConnection();
        try {
            c.setAutoCommit(true);
            if (dialect == SqlDialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("RESET ALL");
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Connections of the query pool in use now. */
    public int queryConnectionsActive() {
        JdbcConnectionPool p = queryPool;
        return p == null ? 0 : p.getActiveConnections();
    }

    @Override
    public void close() {
        JdbcConnectionPool p = queryPool;
        if (p != null) {
            p.dispose();
        }
        pool.dispose();
    }
}
