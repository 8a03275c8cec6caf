package org.muwclass.service.db;

/** Test access to {@link QueryRole}'s package-private helpers. */
public final class QueryRoleAccess {

    private QueryRoleAccess() {
    }

    public static String h2ReaderUrl(String url) {
        return QueryRole.h2ReaderUrl(url);
    }
}
