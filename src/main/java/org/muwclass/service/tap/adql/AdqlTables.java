package org.muwclass.service.tap.adql;

import adql.db.DBTable;
import adql.db.DBType;
import adql.db.DBType.DBDatatype;
import adql.db.DefaultDBTable;
import java.util.ArrayList;
import java.util.List;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.TableDescriptor;

/**
 * Builds the ADQL checker's view of the database from published table descriptions. ADQL names keep the published
 * case (e.g. {@code TAP_SCHEMA.columns}); database names are lower case, which is how H2 (DATABASE_TO_LOWER) and
 * PostgreSQL store unquoted identifiers.
 */
public final class AdqlTables {

    private AdqlTables() {
    }

    public static List<DBTable> of(List<TableDescriptor> tables) {
        List<DBTable> out = new ArrayList<>();
        for (TableDescriptor t : tables) {
            out.add(of(t));
        }
        return out;
    }

    public static DBTable of(TableDescriptor t) {
        DefaultDBTable table = hasSkyPosition(t)
                ? new SkyIndexedTable(t.schemaName().toLowerCase(), t.schemaName(), t.simpleName().toLowerCase(),
                t.simpleName())
                : new DefaultDBTable(null, null, t.schemaName().toLowerCase(), t.schemaName(),
                t.simpleName().toLowerCase(), t.simpleName());
        for (ColumnDescriptor c : t.columns()) {
            table.addColumn(new DescribedColumn(c.name(), c.name(), type(c.datatype(), c.arraysize()), table, c));
        }
        return table;
    }

    /**
     * Whether a published table has floating-point {@code ra} and {@code dec} columns; on H2 such a table carries the
     * HEALPix cell column of {@link SkyIndex} (created by the TAP database set-up).
     */
    public static boolean hasSkyPosition(TableDescriptor t) {
        return t.column("ra").filter(c -> c.datatype().equals("double") || c.datatype().equals("float")).isPresent()
                && t.column("dec").filter(c -> c.datatype().equals("double") || c.datatype().equals("float"))
                .isPresent();
    }

    /** A published table with the HEALPix cell column on H2 (see {@link #hasSkyPosition}). */
    public static final class SkyIndexedTable extends DefaultDBTable {
        SkyIndexedTable(String dbSchema, String adqlSchema, String dbName, String adqlName) {
            super(null, null, dbSchema, adqlSchema, dbName, adqlName);
        }
    }

    /** The ADQL type of a VOTable datatype. */
    public static DBType type(String datatype, String arraysize) {
        return switch (datatype) {
            case "short", "boolean" -> new DBType(DBDatatype.SMALLINT);
            case "int" -> new DBType(DBDatatype.INTEGER);
            case "long" -> new DBType(DBDatatype.BIGINT);
            case "float" -> new DBType(DBDatatype.REAL);
            case "double" -> new DBType(DBDatatype.DOUBLE);
            case "char" -> arraysize == null || arraysize.isEmpty() || arraysize.equals("1")
                    ? new DBType(DBDatatype.CHAR, 1) : new DBType(DBDatatype.VARCHAR);
            default -> new DBType(DBDatatype.UNKNOWN);
        };
    }
}
