package org.muwclass.service.meta;

import java.util.Objects;

/**
 * One column as described in vo-config and published in TAP_SCHEMA.columns.
 *
 * @param name         column name in the database and in ADQL (lower case)
 * @param sourceColumn column name in the source data file the table is loaded from (may be empty)
 * @param datatype     VOTable datatype: boolean, short, int, long, float, double or char
 * @param arraysize    VOTable arraysize ("*" for variable-length strings), empty for scalars
 * @param unit         VOUnit string, empty when dimensionless
 * @param ucd          UCD1+ string
 * @param utype        utype, usually empty
 * @param description  human-readable description
 * @param principal    whether the column is shown by default
 * @param indexed      whether the database has an index on it
 * @param std          whether it is a standard column
 */
public record ColumnDescriptor(String name, String sourceColumn, String datatype, String arraysize, String unit,
                               String ucd, String utype, String description, boolean principal, boolean indexed,
                               boolean std) {

    public ColumnDescriptor {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Column name '" + name + "' must be lower-case letters, digits and _");
        }
        if (!java.util.Set.of("boolean", "short", "int", "long", "float", "double", "char").contains(datatype)) {
            throw new IllegalArgumentException("Column '" + name + "': unsupported datatype '" + datatype
                    + "'; allowed: boolean, short, int, long, float, double, char");
        }
        arraysize = arraysize == null ? "" : arraysize;
        unit = unit == null ? "" : unit;
        ucd = ucd == null ? "" : ucd;
        utype = utype == null ? "" : utype;
        description = description == null ? "" : description;
        sourceColumn = sourceColumn == null ? "" : sourceColumn;
    }

    /** SQL type for CREATE TABLE, valid on H2 and PostgreSQL. */
    public String sqlType() {
        return switch (datatype) {
            case "boolean" -> "BOOLEAN";
            case "short" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "long" -> "BIGINT";
            case "float" -> "REAL";
            case "double" -> "DOUBLE PRECISION";
            case "char" -> arraysize.isEmpty() || arraysize.equals("1") ? "CHAR(1)" : "VARCHAR";
            default -> throw new IllegalStateException(datatype);
        };
    }
}
