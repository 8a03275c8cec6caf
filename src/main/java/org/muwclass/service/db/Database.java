package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The service's database: a data source and its dialect, behind a connection pool created here (H2's
 * JdbcConnectionPool, for both engines: Payara's DriverManager does not see the WAR's H2 driver under child-first
 * class loading, and PostgreSQL connections are expensive to open).
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final JdbcConnectionPool pool;

    private Database(DataSource dataSource, SqlDialect dialect, JdbcConnectionPool pool) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.pool = pool;
    }

    public static Database open(String url, String user, String password) {
        SqlDialect dialect = SqlDialect.fromJdbcUrl(url);
        if (dialect == SqlDialect.H2) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
            pool.setMaxConnections(32);
            return new Database(pool, dialect, pool);
        }
        // Pooled as well: a new PostgreSQL connection costs tens of ms, more than a cone search (docs/benchmarks.md).
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setPassword(password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
        pool.setMaxConnections(32);
        return new Database(pool, dialect, pool);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.dispose();
        }
    }
}
