package org.muwclass.architecture.violation.service.db;

import org.muwclass.architecture.violation.service.config.DbSettings;

/** Allowed: the database reads its configuration. */
public class DbReadsConfig {

    public int poolSize(DbSettings settings) {
        return settings.poolSize();
    }
}
