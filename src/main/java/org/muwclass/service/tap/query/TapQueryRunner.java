package org.muwclass.service.tap.query;

import adql.db.DBTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
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
import org.muwclass.tables.TableAnnotations;
import org.muwclass.tables.TableFormat;

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
    private final String dataLinkUrl;

    /**
     * @param publishedTables the tables queries may use (vo-config tables and TAP_SCHEMA), read at every query so
     *                        tables added at run time are seen
     */
    public TapQueryRunner(Database database, Supplier<List<DBTable>> publishedTables, long uploadLimitBytes,
                          String serviceVersion) {
        this(database, publishedTables, uploadLimitBytes, serviceVersion, null);
    }

    /**
     * @param dataLinkUrl absolute URL of the DataLink {links} endpoint, announced in VOTable results whose rows have
     *                    links ({@link DataLinkColumns}); null: never
     */
    public TapQueryRunner(Database database, Supplier<List<DBTable>> publishedTables, long uploadLimitBytes,
                          String serviceVersion, String dataLinkUrl) {
        this.dataLinkUrl = dataLinkUrl;
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

    public Result run(TapRequest request, UploadSource uploads, LocalResults localResults, int timeoutSeconds)
            throws TapException {
        return run(request, uploads, localResults, timeoutSeconds, new QueryCancel());
    }

    /**
     * Uploads are written with a store connection and committed (the query role may only read them); the query runs
     * on a connection of the query pool, as the read-only query role.
     *
     * @param timeoutSeconds most seconds the database may spend executing the query (0: no limit); the query then
     *                       fails with a message saying the limit
     * @param cancel         stops the query from another thread (ABORT, a watchdog), before or while it runs
     */
    public Result run(TapRequest request, UploadSource uploads, LocalResults localResults, int timeoutSeconds,
                      QueryCancel cancel) throws TapException {
        Connection c = null;
        UploadedTables uploaded = null;
        Statement st = null;
        try {
            uploaded = storeUploads(request, uploads, localResults);
            List<DBTable> tables = new ArrayList<>(publishedTables.get());
            if (uploaded != null) {
                tables.addAll(uploaded.tables());
            }
            CompiledQuery query = new AdqlCompiler(tables, database.dialect()).compile(request.query());
            LOG.fine(() -> "ADQL " + request.query() + "\nSQL " + query.sql());
            c = database.queryConnection();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(FETCH_SIZE);
            if (timeoutSeconds > 0) {
                st.setQueryTimeout(timeoutSeconds);
            }
            if (request.maxrec() < Integer.MAX_VALUE) {
                st.setMaxRows(request.maxrec() + 1); // one more than returned, to detect overflow
            }
            cancel.attach(st);
            if (cancel.cancelled()) { // cancel() of a statement that is not executing yet does nothing on PostgreSQL
                throw TapException.stopped(cancel.reason());
            }
            ResultSet rs;
            try {
                rs = st.executeQuery(query.sql());
            } catch (SQLException e) {
                throw failed(e, cancel, timeoutSeconds);
            }
            ResultSetStarTable table = new ResultSetStarTable(rs, query.columns(), request.maxrec(), cancel);
            TableAnnotations infos = TableAnnotations.of(ResultWriter.queryInfos(request.query(), serviceVersion));
            infos = DataLinkColumns.descriptor(query.columns(), dataLinkUrl).map(infos::withDescriptor).orElse(infos);
            return new Result(c, st, uploaded, table, request.format(), query, infos, database, cancel);
        } catch (AdqlException e) {
            close(c, st, uploaded, database, cancel);
            throw TapException.user(e.getMessage());
        } catch (TapException e) {
            close(c, st, uploaded, database, cancel);
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            close(c, st, uploaded, database, cancel);
            throw TapException.fault("The query could not be run: " + e.getMessage(), e);
        }
    }

    /** Writes and commits the uploads with a store connection, which goes back to its pool at once; null: none. */
    private UploadedTables storeUploads(TapRequest request, UploadSource uploads, LocalResults localResults)
            throws TapException, SQLException, IOException {
        if (request.uploads().isEmpty()) {
            return null;
        }
        try (Connection store = database.connection()) {
            store.setAutoCommit(false);
            UploadedTables uploaded = new UploadedTables(store);
            try {
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
                store.commit();
                return uploaded;
            } catch (TapException | SQLException | IOException | RuntimeException e) {
                store.rollback();
                uploaded.close(store); // H2 DDL commits at once: drop what was created
                store.commit();
                throw e;
            }
        }
    }

    /** The database's failure as the client's problem; a cancelled or timed-out statement says why it stopped. */
    private static TapException failed(SQLException e, QueryCancel cancel, int timeoutSeconds) {
        if (cancel.cancelled()) {
            return TapException.stopped(cancel.reason());
        }
        if (e instanceof SQLTimeoutException || "57014".equals(e.getSQLState()) || e.getErrorCode() == 57014) {
            return TapException.stopped("The query ran past its time limit of " + timeoutSeconds + " s and was "
                    + "stopped");
        }
        return TapException.user("The query failed in the database: " + e.getMessage().lines().findFirst()
                .orElse(e.getMessage()));
    }

    private static void close(Connection c, Statement st, UploadedTables uploaded, Database database,
                              QueryCancel cancel) {
        cancel.detach();
        try {
            if (st != null) {
                st.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a query statement failed", e);
        }
        try {
            if (c != null) {
                c.rollback();
                c.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing a query connection failed", e);
        }
        if (uploaded != null) {
            try (Connection store = database.connection()) {
                store.setAutoCommit(true);
                uploaded.close(store);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not drop this query's upload tables", e);
            }
        }
    }

    /** An executed query whose rows have not been read yet. Close it after writing. */
    public static final class Result implements AutoCloseable {
        private final Connection connection;
        private final Statement statement;
        private final UploadedTables uploads;
        private final ResultSetStarTable table;
        private final TableFormat format;
        private final CompiledQuery query;
        private final TableAnnotations infos;
        private final Database database;
        private final QueryCancel cancel;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        private Result(Connection connection, Statement statement, UploadedTables uploads, ResultSetStarTable table,
                       TableFormat format, CompiledQuery query, TableAnnotations infos,
                       Database database, QueryCancel cancel) {
            this.database = database;
            this.cancel = cancel;
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

        /** Idempotent and thread-safe: the writer and a watchdog may both close it. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                TapQueryRunner.close(connection, statement, uploads, database, cancel);
            }
        }
    }
}
