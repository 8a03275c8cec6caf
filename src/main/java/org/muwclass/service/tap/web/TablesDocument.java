package org.muwclass.service.tap.web;

import java.util.List;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.SchemaDescriptor;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.AdqlNames;
import org.muwclass.service.tap.schema.TapSchema;
import org.muwclass.tables.XmlText;

/** VOSI 1.1 tables documents (VODataService 1.1 tableset, or one table). */
public final class TablesDocument {

    private static final String NS = " xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\""
            + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private TablesDocument() {
    }

    /**
     * Whether the VOSI 1.1 {@code detail} parameter asks for columns: absent or {@code max} yes, {@code min} no
     * (names and descriptions only); anything else is refused.
     *
     * @throws IllegalArgumentException for another value
     */
    public static boolean withColumns(String detail) {
        if (detail == null || detail.isBlank() || "max".equalsIgnoreCase(detail.strip())) {
            return true;
        }
        if ("min".equalsIgnoreCase(detail.strip())) {
            return false;
        }
        throw new IllegalArgumentException("detail must be min (table names and descriptions) or max (with columns), "
                + "not '" + detail + "'");
    }

    /** The whole tableset; with {@code detail=min} (VOSI 1.1) tables are listed without columns. */
    public static String tableset(VoMetadata meta, boolean withColumns) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<vosi:tableset").append(NS).append(">\n");
        for (SchemaDescriptor s : meta.schemas()) {
            x.append(" <schema>\n  <name>").append(XmlText.escape(s.name())).append("</name>\n  ")
                    .append(XmlText.element("description", s.description())).append('\n');
            List<TableDescriptor> tables = meta.tables().stream()
                    .filter(t -> t.schemaName().equalsIgnoreCase(s.name())).toList();
            for (TableDescriptor t : tables) {
                table(x, t, "table", withColumns);
            }
            x.append(" </schema>\n");
        }
        return x.append("</vosi:tableset>\n").toString();
    }

    /** One table (VOSI 1.1 {@code /tables/<name>}). */
    public static String table(TableDescriptor t) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<vosi:table").append(NS).append(" type=\"").append(XmlText.escape(t.type())).append("\">\n");
        body(x, t, true);
        return x.append("</vosi:table>\n").toString();
    }

    private static void table(StringBuilder x, TableDescriptor t, String element, boolean withColumns) {
        x.append("  <").append(element).append(" type=\"").append(XmlText.escape(t.type())).append("\">\n");
        body(x, t, withColumns);
        x.append("  </").append(element).append(">\n");
    }

    private static void body(StringBuilder x, TableDescriptor t, boolean withColumns) {
        x.append("   <name>").append(XmlText.escape(t.name())).append("</name>\n   ")
                .append(XmlText.element("description", t.description())).append(XmlText.element("utype", t.utype())).append('\n');
        if (!withColumns) {
            return;
        }
        for (ColumnDescriptor c : t.columns()) {
            x.append("   <column").append(c.std() ? " std=\"true\"" : "").append(">")
                    .append("<name>").append(XmlText.escape(AdqlNames.published(c.name()))).append("</name>")
                    .append(XmlText.element("description", c.description())).append(XmlText.element("unit", c.unit()))
                    .append(XmlText.element("ucd", c.ucd())).append(XmlText.element("utype", c.utype()))
                    .append("<dataType xsi:type=\"vs:VOTableType\"")
                    .append(c.arraysize().isEmpty() ? "" : " arraysize=\"" + XmlText.escape(c.arraysize()) + "\"")
                    .append(">").append(c.datatype()).append("</dataType>")
                    .append(c.indexed() ? "<flag>indexed</flag>" : "")
                    .append(c.principal() ? "<flag>primary</flag>" : "")
                    .append("</column>\n");
        }
        for (TapSchema.ForeignKey k : TapSchema.foreignKeys(t.name())) {
            x.append("   <foreignKey><targetTable>").append(XmlText.escape(k.targetTable())).append("</targetTable>")
                    .append("<fkColumn><fromColumn>").append(XmlText.escape(k.fromColumn())).append("</fromColumn>")
                    .append("<targetColumn>").append(XmlText.escape(k.targetColumn())).append("</targetColumn></fkColumn>")
                    .append(XmlText.element("description", k.description())).append("</foreignKey>\n");
        }
    }
}
