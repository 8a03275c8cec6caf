package org.muwclass.service.meta;

import java.util.List;
import java.util.Optional;

/**
 * A table published through TAP, with its columns in order.
 *
 * @param schemaName  schema, e.g. "muwclass"
 * @param name        fully qualified name, e.g. "muwclass.training_set"
 * @param type        "table" or "view"
 * @param description human-readable description
 * @param utype       utype, usually empty
 * @param columns     the columns, in table order
 */
public record TableDescriptor(String schemaName, String name, String type, String description, String utype,
                              List<ColumnDescriptor> columns) {

    public TableDescriptor {
        columns = List.copyOf(columns);
        if (!name.startsWith(schemaName + ".")) {
            throw new IllegalArgumentException("Table '" + name + "' must be qualified by its schema '"
                    + schemaName + "'");
        }
    }

    /** The table name without the schema. */
    public String simpleName() {
        return name.substring(schemaName.length() + 1);
    }

    public Optional<ColumnDescriptor> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
