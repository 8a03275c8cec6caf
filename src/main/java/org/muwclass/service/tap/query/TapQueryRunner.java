package org.muwclass.service.tap.query;

import adql.db.DBTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.db.Database;
import org.muwclass.service.tap.adql.AdqlCompiler;
import org.muwclass.service.tap.adql.AdqlException;
import org.muwclass.service.tap.adql.CompiledQuery;

/**
 * Runs one TAP query: stores the uploads, checks and translates the ADQL, executes the SQL and hands back a
 * {@link Result} that streams the rows from the open cursor. Everything that can fail because of the request fails in
 * {@link #run} with a {@link TapException}, before any output is written.
 */
public final class TapQueryRunner {

    private static final Logger LOG = Logger.getLogger(TapQueryRunner.class.getName());
    private static final int FETCH_SIZE = 1_000;

    /** Opens the content of a multipart part by name; null when the request has no such part. */
    @FunctionalInterface
    public interface UploadSource {
        InputStream open(String part) throws IOException;

        UploadSource NONE = part -> null;
    }

    /**
     * Opens a result of this service's own jobs by its URL, reading the local file; never fetches anything.
     *
     * @throws TapException (user error) when the URL is not such a result
     */
    @FunctionalInterface
    public interface LocalResults {
        InputStream open(String url) throws TapException, IOException;

        LocalResults NONE = url -> {
            throw TapException.user("UPLOAD from " + url + " is not accepted: this service does not fetch URLs");
        };
    }

    private final Database database;
    private final Supplier<List<DBTable>> publishedTables;
    private final long uploadLimitBytes;
    private final String serviceVersion;

    /**
     * @param publishedTables the tables queries may use (vo-config tables and TAP_SCHEMA), read at every query so
     *                        tables added at run time are seen
     */
    public TapQueryRunner(Database database, Supplier<List<DBTable>> publishedTables, long uploadLimitBytes,
                          String serviceVersion) {
        this.database = database;
        this.publishedTables = publishedTables;
        this.uploadLimitBytes = uploadLimitBytes;
        this.serviceVersion = serviceVersion;
    }

    /** Checks and translates a query without running it (no uploads). */
    public CompiledQuery compile(String adql) throws TapException {
        try {
            return new AdqlCompiler(publishedTables.get(), database.dialect()).compile(adql);
        } catch (AdqlException e) {
            throw TapException.user(e.getMessage());
        }
    }

    public Result run(TapRequest request, UploadSource uploads) throws TapException {
        return run(request, uploads, LocalResults.NONE);
    }

    public Result run(TapRequest request, UploadSource uploads, LocalResults localResults) throws TapException {
        return run(request, uploads, localResults, 0);
    }

    /**
     * @param timeoutSeconds most seconds the database may spend executing the query (0: no limit); the query then
     *                       fails with the database's cancellation message
     */
    public Result run(TapRequest request, UploadSource uploads, LocalResults localResults, int timeoutSeconds)
            throws TapException {
        Connection c = null;
        UploadedTables uploaded = null;
        Statement st = null;
        try {
            c = database.connection();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            uploaded = new UploadedTables(c);
            for (TapRequest.Upload u : request.uploads()) {
                InputStream in = u.part() != null ? uploads.open(u.part()) : localResults.open(u.url());
                if (in == null) {
                    throw TapException.user("UPLOAD " + u.name() + ",param:" + u.part() + ": the request has no "
                            + "multipart part named '" + u.part() + "'");
                }
                try (in) {
                    uploaded.add(u.name(), in, uploadLimitBytes);
                }
            }
            List<DBTable> tables = new ArrayList<>(publishedTables.get());
            tables.addAll(uploaded.tables());
            CompiledQuery query = new AdqlCompiler(tables, database.dialect()).compile(request.query());
            LOG.fine(() -> "ADQL " + request.query() + "\nSQL " + query.sql());
            st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(FETCH_SIZE);
            if (timeoutSeconds > 0) {
                st.setQueryTimeout(timeoutSeconds);
            }
            if (request.maxrec() < Integer.MAX_VALUE) {
                st.setMaxRows(request.maxrec() + 1); // one more than returned, to detect overflow
            }
            ResultSet rs;
            try {
                rs = st.executeQuery(query.sql());
            } catch (SQLException e) {
                throw TapException.user("The query failed in the database: " + e.getMessage().lines().findFirst()
                        .orElse(e.getMessage()));
            }
            ResultSetStarTable table = new ResultSetStarTable(rs, query.columns(), request.maxrec());
            return new Result(c, st, uploaded, table, request.format(), query,
                    ResultWriter.queryInfos(request.query(), serviceVersion));
        } catch (AdqlException e) {
            close(c, st, uploaded);
            throw TapException.user(e.getMessage());
        } catch (TapException e) {
            close(c, st, uploaded);
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            close(c, st, uploaded);
            throw TapException.fault("The query could not be run: " + e.getMessage(), e);
        }
    }

    private static void close(Connection c, Statement st, UploadedTables uploaded) {
        try {
            if (st != null) {
                st.close();
            }
            if (uploaded != null) {
                uploaded.close();
            }
            if (c != null) {
                c.rollback();
                c.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing a query connection failed", e);
        }
    }

    /** An executed query whose rows have not been read yet. Close it after writing. */
    public static final class Result implements AutoCloseable {
        private final Connection connection;
        private final Statement statement;
        private final UploadedTables uploads;
        private final ResultSetStarTable table;
        private final ResponseFormat format;
        private final CompiledQuery query;
        private final java.util.Map<String, String> infos;

        private Result(Connection connection, Statement statement, UploadedTables uploads, ResultSetStarTable table,
                       ResponseFormat format, CompiledQuery query, java.util.Map<String, String> infos) {
            this.connection = connection;
            this.statement = statement;
            this.uploads = uploads;
            this.table = table;
            this.format = format;
            this.query = query;
            this.infos = infos;
        }

        public String contentType() {
            return format.mimeType();
        }

        public CompiledQuery query() {
            return query;
        }

        /** Streams the rows in the requested format; {@code out} is flushed, not closed. */
        public void writeTo(OutputStream out) throws IOException {
            ResultWriter.write(table, format, infos, out);
        }

        public boolean overflowed() {
            return table.overflowed();
        }

        public long rowCount() {
            return table.rowsRead();
        }

        @Override
        public void close() {
            TapQueryRunner.close(connection, statement, uploads);
        }
    }
}
