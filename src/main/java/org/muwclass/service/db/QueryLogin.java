package org.muwclass.service.db;

/**
 * How TAP query connections log in.
 *
 * @param url       JDBC URL
 * @param user      database user or role
 * @param password  its password
 * @param pgOptions PostgreSQL session options sent at connect time ({@code -c name=value ...}), or null
 */
public record QueryLogin(String url, String user, String password, String pgOptions) {

    @Override
    public String toString() { // never the password
        return "QueryLogin[" + user + " at " + url + (pgOptions == null ? "" : ", options " + pgOptions) + "]";
    }
}
