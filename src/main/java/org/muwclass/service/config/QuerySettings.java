package org.muwclass.service.config;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How TAP queries reach the database: their own connection pool and login, and the limits of synchronous queries
 * (docs/security.md, "TAP queries and the database").
 *
 * @param queryUser             PostgreSQL role TAP queries log in as (muwclass.db.query.user); empty: the store login
 *                              with read-only sessions, and a warning. Ignored on H2, where the service makes its own
 *                              non-admin user {@code tap_reader} with a fresh random password at every start
 * @param queryPassword         its password (muwclass.db.query.password, default empty)
 * @param storePoolSize         connections of the job store and loaders (muwclass.db.pool.store.size, default 16)
 * @param queryPoolSize         connections of TAP queries, sync and async (muwclass.db.pool.query.size, default 16)
 * @param syncTimeout           longest a synchronous query may run, rows written included (muwclass.tap.sync.timeout.s,
 *                              seconds, default 120)
 * @param syncConcurrency       synchronous queries running at once; more are answered 503 with Retry-After
 *                              (muwclass.tap.sync.concurrency, default 12, at most the query pool size)
 * @param statementTimeout      PostgreSQL statement_timeout of query sessions, a backstop for every statement and
 *                              cursor fetch (muwclass.db.query.statement.timeout.s, seconds, default 86400, the
 *                              default execution-duration limit of jobs)
 * @param uploadSweepMinAge     leftover TAP_UPLOAD tables at least this old are dropped at start-up
 *                              (muwclass.tap.upload.sweep.min.age.s, seconds, default 0: all of them; in a cluster
 *                              sharing one PostgreSQL database set it above the longest query)
 */
public record QuerySettings(Optional<String> queryUser, String queryPassword, int storePoolSize, int queryPoolSize,
                            Duration syncTimeout, int syncConcurrency, Duration statementTimeout,
                            Duration uploadSweepMinAge) {

    /** The documented defaults. */
    public static final QuerySettings DEFAULT = new QuerySettings(Optional.empty(), "", 16, 16,
            Duration.ofSeconds(120), 12, Duration.ofSeconds(86_400), Duration.ZERO);

    /** Seconds a client is told to wait (Retry-After) when all synchronous query slots are taken. */
    public static final int SYNC_RETRY_AFTER_S = 10;

    public QuerySettings {
        queryUser = queryUser.map(String::trim).filter(u -> !u.isEmpty());
        queryPassword = queryPassword == null ? "" : queryPassword;
        if (storePoolSize < 2 || storePoolSize > 1000) {
            throw new IllegalArgumentException("muwclass.db.pool.store.size must be from 2 to 1000, got "
                    + storePoolSize);
        }
        if (queryPoolSize < 2 || queryPoolSize > 1000) {
            throw new IllegalArgumentException("muwclass.db.pool.query.size must be from 2 to 1000, got "
                    + queryPoolSize);
        }
        if (syncTimeout.isNegative() || syncTimeout.isZero() || syncTimeout.toSeconds() > 86_400) {
            throw new IllegalArgumentException("muwclass.tap.sync.timeout.s must be from 1 to 86400 s, got "
                    + syncTimeout.toSeconds());
        }
        if (syncConcurrency < 1 || syncConcurrency > queryPoolSize) {
            throw new IllegalArgumentException("muwclass.tap.sync.concurrency must be from 1 to the query pool size "
                    + queryPoolSize + " (muwclass.db.pool.query.size), got " + syncConcurrency);
        }
        if (statementTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("muwclass.db.query.statement.timeout.s must be at least 1 s, got "
                    + statementTimeout.toSeconds());
        }
        if (uploadSweepMinAge.isNegative()) {
            throw new IllegalArgumentException("muwclass.tap.upload.sweep.min.age.s must not be negative, got "
                    + uploadSweepMinAge.toSeconds());
        }
    }

    /** Reads every property with its documented default. */
    public static QuerySettings fromConfig(Config cfg) {
        int queryPool = cfg.getOptionalValue("muwclass.db.pool.query.size", Integer.class)
                .orElse(DEFAULT.queryPoolSize());
        return new QuerySettings(
                cfg.getOptionalValue("muwclass.db.query.user", String.class),
                cfg.getOptionalValue("muwclass.db.query.password", String.class).orElse(""),
                cfg.getOptionalValue("muwclass.db.pool.store.size", Integer.class).orElse(DEFAULT.storePoolSize()),
                queryPool,
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.tap.sync.timeout.s", Long.class)
                        .orElse(DEFAULT.syncTimeout().toSeconds())),
                cfg.getOptionalValue("muwclass.tap.sync.concurrency", Integer.class)
                        .orElse(Math.min(DEFAULT.syncConcurrency(), Math.max(1, queryPool - 4))),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.db.query.statement.timeout.s", Long.class)
                        .orElse(DEFAULT.statementTimeout().toSeconds())),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.tap.upload.sweep.min.age.s", Long.class)
                        .orElse(0L)));
    }
}
