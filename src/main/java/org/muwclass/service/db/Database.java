package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The service's database: a data source and its dialect. H2 gets a connection pool created here (Payara's
 * DriverManager does not see the WAR's H2 driver under child-first class loading).
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final JdbcConnectionPool h2Pool;

    private Database(DataSource dataSource, SqlDialect dialect, JdbcConnectionPool h2Pool) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.h2Pool = h2Pool;
    }

    public static Database open(String url, String user, String password) {
        SqlDialect dialect = SqlDialect.fromJdbcUrl(url);
        if (dialect == SqlDialect.H2) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
            pool.setMaxConnections(32);
            return new Database(pool, dialect, pool);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setPassword(password);
        return new Database(pg, dialect, null);
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
        if (h2Pool != null) {
            h2Pool.dispose();
        }
    }
}
