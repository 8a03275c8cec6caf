package org.muwclass.service.meta;

/**
 * A schema published through TAP.
 *
 * @param name        schema name
 * @param description human-readable description
 */
public record SchemaDescriptor(String name, String description) {
}
