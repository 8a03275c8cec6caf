package org.muwclass.service.db;

/** The database engines the service runs on. */
public enum SqlDialect {
    /** Embedded H2 in file mode: the default. */
    H2,
    /** PostgreSQL 15 with pgSphere: production. */
    POSTGRESQL;

    /**
     * @throws IllegalArgumentException when the URL names another engine
     */
    public static SqlDialect fromJdbcUrl(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("muwclass.db.url '" + url
                + "' is not supported; use jdbc:h2:... (default) or jdbc:postgresql://...");
    }
}
