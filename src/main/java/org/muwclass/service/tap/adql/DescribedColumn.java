package org.muwclass.service.tap.adql;

import adql.db.DBColumn;
import adql.db.DBTable;
import adql.db.DBType;
import adql.db.DefaultDBColumn;
import org.muwclass.service.meta.ColumnDescriptor;

/**
 * A column the ADQL checker knows, carrying its published description so result columns inherit unit, UCD, utype
 * and description. Copies (made for select-list aliases) keep the description.
 */
public final class DescribedColumn extends DefaultDBColumn {

    private final ColumnDescriptor descriptor;
    private final String xtype;

    public DescribedColumn(String dbName, String adqlName, DBType type, DBTable table, ColumnDescriptor descriptor) {
        this(dbName, adqlName, type, table, descriptor, null);
    }

    /** @param xtype VOTable xtype of the values (e.g. "timestamp"), or null */
    public DescribedColumn(String dbName, String adqlName, DBType type, DBTable table, ColumnDescriptor descriptor,
                           String xtype) {
        super(dbName, adqlName, type, table);
        this.descriptor = descriptor;
        this.xtype = xtype;
    }

    /** VOTable xtype, or null. */
    public String xtype() {
        return xtype;
    }

    /** The published description, or null for a column without one (uploaded tables). */
    public ColumnDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public DBColumn copy(String dbName, String adqlName, DBTable dbTable) {
        return new DescribedColumn(dbName, adqlName, getDatatype(), dbTable, descriptor, xtype);
    }
}
