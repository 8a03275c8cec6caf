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
        DefaultDBTable table = new DefaultDBTable(null, null, t.schemaName().toLowerCase(), t.schemaName(),
                t.simpleName().toLowerCase(), t.simpleName());
        for (ColumnDescriptor c : t.columns()) {
            table.addColumn(new DescribedColumn(c.name(), c.name(), type(c.datatype(), c.arraysize()), table, c));
        }
        return table;
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
