package org.muwclass.service.meta;

import java.util.List;
import java.util.Optional;

/**
 * Everything vo-config describes: the service and the schemas, tables and columns it publishes.
 */
public record VoMetadata(ServiceDescription service, List<SchemaDescriptor> schemas, List<TableDescriptor> tables) {

    public VoMetadata {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
    }

    public Optional<TableDescriptor> table(String qualifiedName) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(qualifiedName)).findFirst();
    }

    /** A copy with one more (or a replaced) table, for tables created at run time. */
    public VoMetadata withTable(TableDescriptor table) {
        List<TableDescriptor> copy = new java.util.ArrayList<>(tables);
        copy.removeIf(t -> t.name().equalsIgnoreCase(table.name()));
        copy.add(table);
        return new VoMetadata(service, schemas, copy);
    }
}
