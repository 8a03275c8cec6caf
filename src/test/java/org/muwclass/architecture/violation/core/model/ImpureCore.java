package org.muwclass.architecture.violation.core.model;

/** Violation: core code reading a database and calling the network. */
public class ImpureCore {

    public int rows(java.sql.Connection connection) throws java.sql.SQLException {
        return connection.getNetworkTimeout();
    }

    public java.net.http.HttpClient client() {
        return java.net.http.HttpClient.newHttpClient();
    }
}
