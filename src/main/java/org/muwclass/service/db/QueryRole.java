package org.muwclass.service.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.muwclass.service.config.QuerySettings;

/**
 * Sets up the database login of TAP queries, which may only read the published schemas (review finding C1).
 * <ul>
 * <li>H2: the non-admin user {@value #H2_USER}, created or updated at every start with a new random password and
 * SELECT on each published schema. A non-admin H2 user cannot call FILE_READ, FILE_WRITE, CSVREAD, CSVWRITE, run
 * CREATE ALIAS, SCRIPT, BACKUP or SHUTDOWN, and cannot read the job store (uws.*).</li>
 * <li>PostgreSQL: the configured role (muwclass.db.query.user), given USAGE and SELECT on the published schemas, now
 * and for tables made later. Every query session is read-only and has a statement_timeout, set at connect time;
 * without a configured role the store login is used that way, with a warning.</li>
 * </ul>
 */
public final class QueryRole {

    /** The H2 user TAP queries run as. */
    public static final String H2_USER = "tap_reader";

    private static final Logger LOG = Logger.getLogger(QueryRole.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** H2 URL settings a non-admin user may give; the others (WRITE_DELAY ...) need admin rights and are set already. */
    private static final Set<String> H2_READER_SETTINGS = Set.of("DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
            "CASE_INSENSITIVE_IDENTIFIERS", "CIPHER", "AUTO_SERVER", "FILE_LOCK");

    private QueryRole() {
    }

    /**
     * @param schemas the schemas queries may read (published schemas, TAP_SCHEMA, tap_upload), existing already
     * @return the login of the query pool
     */
    public static QueryLogin prepare(Database db, Collection<String> schemas, QuerySettings settings)
            throws SQLException {
        QueryLogin store = db.storeLogin();
        List<String> names = schemas.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String s : names) {
            requireName(s);
        }
        if (db.dialect() == SqlDialect.H2) {
            String password = randomPassword();
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE USER IF NOT EXISTS " + H2_USER + " PASSWORD '" + password + "'");
                s.execute("ALTER USER " + H2_USER + " SET PASSWORD '" + password + "'");
                s.execute("ALTER USER " + H2_USER + " ADMIN FALSE");
                for (String schema : names) {
                    s.execute("GRANT SELECT ON SCHEMA " + schema + " TO " + H2_USER);
                }
            }
            return new QueryLogin(h2ReaderUrl(store.url()), H2_USER, password, null);
        }
        String options = "-c default_transaction_read_only=on -c statement_timeout="
                + settings.statementTimeout().toMillis();
        if (settings.queryUser().isEmpty()) {
            LOG.warning("muwclass.db.query.user is not set: TAP queries log in as the store user " + store.user()
                    + " in read-only sessions; create a read-only role (scripts/start-postgres.sh shows how) and set "
                    + "muwclass.db.query.user / muwclass.db.query.password");
            return new QueryLogin(store.url(), store.user(), store.password(), options);
        }
        String role = settings.queryUser().get();
        requireName(role);
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String schema : names) {
                s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
                s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
                s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT ON TABLES TO " + role);
            }
        }
        return new QueryLogin(store.url(), role, settings.queryPassword(), options);
    }

    /** The store URL with only the settings a non-admin user may give, and IFEXISTS so it never creates a database. */
    static String h2ReaderUrl(String url) {
        String[] parts = url.split(";");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            if (H2_READER_SETTINGS.contains(key)) {
                out.append(';').append(parts[i]);
            }
        }
        return out.append(";IFEXISTS=TRUE").toString();
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL name: '" + name + "'");
        }
    }

    /** 32 random bytes, URL-safe Base64 (no quote can appear in the SQL literal). */
    private static String randomPassword() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
