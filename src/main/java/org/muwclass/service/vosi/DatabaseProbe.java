package org.muwclass.service.vosi;

import java.sql.Connection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.muwclass.service.db.Database;

/**
 * Whether the database answers, checked off the request thread (issue 13, item 6): /availability, /tap/availability
 * and the readiness check report the last known answer and start a new check in the background when it is older
 * than {@link #REFRESH_NANOS}, so they never wait for a store connection (the job store's pool may be busy, e.g.
 * under a burst of WAIT requests) and never queue behind the job machinery. A check that has not answered for
 * {@link #STALE_NANOS} makes the service unavailable ("the database has not answered for N s").
 */
final class DatabaseProbe {

    /** A check result. {@code nanos}: System.nanoTime() when it finished. */
    record State(boolean ok, String failure, long nanos) {
    }

    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** How long the very first request waits for the very first check (nothing is known before it). */
    static final long FIRST_WAIT_MS = 2_000;

    private static final DatabaseProbe INSTANCE = new DatabaseProbe();

    private final ThreadPoolExecutor checker;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Database database;
    private volatile State last;
    private volatile long checkStarted;

    private DatabaseProbe() {
        checker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "muwclass-availability-check");
            t.setDaemon(true);
            return t;
        });
        checker.allowCoreThreadTimeOut(true);
    }

    static DatabaseProbe instance() {
        return INSTANCE;
    }

    /**
     * The last known state of {@code db}: null ok means unknown (no check has finished yet, even after a short
     * wait). Starts a background check when the state is older than {@link #REFRESH_NANOS}. A running check older
     * than {@link #STALE_NANOS} is reported as a failure.
     */
    State state(Database db) {
        if (database != db) {
            synchronized (this) {
                if (database != db) {
                    database = db;
                    last = null;
                }
            }
        }
        long now = System.nanoTime();
        State s = last;
        if (s == null || now - s.nanos() > REFRESH_NANOS) {
            startCheck(db);
        }
        if (s == null) {
            s = awaitFirst();
            if (s == null) {
                return new State(false, "The database has not answered yet", now);
            }
        }
        if (checking.get() && now - checkStarted > STALE_NANOS) {
            return new State(false, "The database has not answered for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - checkStarted) + " s", now);
        }
        return s;
    }

    private void startCheck(Database db) {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        checkStarted = System.nanoTime();
        try {
            checker.execute(() -> {
                State result;
                try (Connection c = db.connection()) {
                    result = c.isValid(5) ? new State(true, null, System.nanoTime())
                            : new State(false, "The database does not answer", System.nanoTime());
                } catch (Exception e) {
                    result = new State(false, "The database does not answer: " + e.getMessage(), System.nanoTime());
                }
                synchronized (this) {
                    if (database == db) {
                        last = result;
                    }
                    checking.set(false);
                    notifyAll();
                }
            });
        } catch (RejectedExecutionException e) {
            checking.set(false);
        }
    }

    private synchronized State awaitFirst() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_WAIT_MS);
        while (last == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return last;
    }
}
