package org.muwclass.service.tap.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.tap.query.QueryCancel;

/**
 * Limits of synchronous TAP queries (review finding H6): at most {@link QuerySettings#syncConcurrency()} run at once,
 * below the query pool size so async jobs keep connections, and a watchdog cancels each one that runs, rows written
 * included, past {@link QuerySettings#syncTimeout()}.
 */
@ApplicationScoped
public class SyncQueries {

    /** Seconds after the sync time limit at which a query's connection and slot are taken back regardless. */
    public static final int EXPIRY_GRACE_S = 30;

    @Inject
    QuerySettings settings;

    private volatile Semaphore slots;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "muwclass-sync-query-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** A taken slot; {@link #close} is idempotent and also stops the watchdog of its query. */
    public final class Slot implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);
        private volatile ScheduledFuture<?> timer;
        private volatile ScheduledFuture<?> expiry;

        /** Cancels {@code cancel} with {@code why} once the sync time limit has passed. */
        public void watch(QueryCancel cancel, String why) {
            Duration limit = settings.syncTimeout();
            timer = watchdog.schedule(() -> cancel.cancel(why), limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * Runs {@code release} (closing the query) and frees the slot {@value #EXPIRY_GRACE_S} s after the time limit
         * if the writer has not done so: e.g. a client that stopped reading, or a response never written.
         */
        public void expireAfterLimit(Runnable release) {
            long ms = settings.syncTimeout().toMillis() + EXPIRY_GRACE_S * 1000L;
            expiry = watchdog.schedule(() -> {
                try {
                    release.run();
                } finally {
                    close();
                }
            }, ms, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                for (ScheduledFuture<?> t : new ScheduledFuture<?>[]{timer, expiry}) {
                    if (t != null) {
                        t.cancel(false);
                    }
                }
                slots().release();
            }
        }
    }

    /** A slot, or null when {@link QuerySettings#syncConcurrency()} queries run already. */
    public Slot tryEnter() {
        return slots().tryAcquire() ? new Slot() : null;
    }

    /**
     * Whether every slot is taken now: a hint to refuse a request before reading its body (the slot itself is
     * still taken with {@link #tryEnter}, which may fail when this said there was room).
     */
    public boolean full() {
        return slots().availablePermits() == 0;
    }

    public QuerySettings settings() {
        return settings;
    }

    private Semaphore slots() {
        Semaphore s = slots;
        if (s == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new Semaphore(settings.syncConcurrency());
                }
                s = slots;
            }
        }
        return s;
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }
}
