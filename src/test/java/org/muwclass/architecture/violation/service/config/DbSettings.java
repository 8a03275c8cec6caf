package org.muwclass.architecture.violation.service.config;

/** Configuration the database may read. @param poolSize connections */
public record DbSettings(int poolSize) {
}
