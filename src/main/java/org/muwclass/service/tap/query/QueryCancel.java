package org.muwclass.service.tap.query;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops one running query from another thread: ABORT, an expired execution duration or the sync watchdog call
 * {@link #cancel}; the statement is cancelled in the database ({@link Statement#cancel()}, which also interrupts a
 * PostgreSQL cursor fetch), and the row-writing loop stops at its next row. Thread-safe.
 */
public final class QueryCancel {

    private static final Logger LOG = Logger.getLogger(QueryCancel.class.getName());

    private Statement statement;
    private String reason;

    /** Attaches the running statement; cancels it at once when {@link #cancel} came first. */
    synchronized void attach(Statement st) {
        statement = st;
        if (reason != null) {
            cancelQuietly(st);
        }
    }

    /** Detaches the statement before it is closed. */
    synchronized void detach() {
        statement = null;
    }

    /**
     * @param why what the client is told, e.g. "the synchronous query ran past its 120 s limit"
     */
    public synchronized void cancel(String why) {
        if (reason == null) {
            reason = why;
            if (statement != null) {
                cancelQuietly(statement);
            }
        }
    }

    /** Why the query was stopped, or null while it may run. */
    public synchronized String reason() {
        return reason;
    }

    public boolean cancelled() {
        return reason() != null;
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Cancelling a query statement failed", e);
        }
    }
}
