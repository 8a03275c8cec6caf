package org.muwclass.service.tap.web;

import java.util.List;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.SchemaDescriptor;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.AdqlNames;
import org.muwclass.service.tap.schema.TapSchema;

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
            x.append(" <schema>\n  <name>").append(Xml.esc(s.name())).append("</name>\n  ")
                    .append(Xml.elem("description", s.description())).append('\n');
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
        x.append("<vosi:table").append(NS).append(" type=\"").append(Xml.esc(t.type())).append("\">\n");
        body(x, t, true);
        return x.append("</vosi:table>\n").toString();
    }

    private static void table(StringBuilder x, TableDescriptor t, String element, boolean withColumns) {
        x.append("  <").append(element).append(" type=\"").append(Xml.esc(t.type())).append("\">\n");
        body(x, t, withColumns);
        x.append("  </").append(element).append(">\n");
    }

    private static void body(StringBuilder x, TableDescriptor t, boolean withColumns) {
        x.append("   <name>").append(Xml.esc(t.name())).append("</name>\n   ")
                .append(Xml.elem("description", t.description())).append(Xml.elem("utype", t.utype())).append('\n');
        if (!withColumns) {
            return;
        }
        for (ColumnDescriptor c : t.columns()) {
            x.append("   <column").append(c.std() ? " std=\"true\"" : "").append(">")
                    .append("<name>").append(Xml.esc(AdqlNames.published(c.name()))).append("</name>")
                    .append(Xml.elem("description", c.description())).append(Xml.elem("unit", c.unit()))
                    .append(Xml.elem("ucd", c.ucd())).append(Xml.elem("utype", c.utype()))
                    .append("<dataType xsi:type=\"vs:VOTableType\"")
                    .append(c.arraysize().isEmpty() ? "" : " arraysize=\"" + Xml.esc(c.arraysize()) + "\"")
                    .append(">").append(c.datatype()).append("</dataType>")
                    .append(c.indexed() ? "<flag>indexed</flag>" : "")
                    .append(c.principal() ? "<flag>primary</flag>" : "")
                    .append("</column>\n");
        }
        for (TapSchema.ForeignKey k : TapSchema.foreignKeys(t.name())) {
            x.append("   <foreignKey><targetTable>").append(Xml.esc(k.targetTable())).append("</targetTable>")
                    .append("<fkColumn><fromColumn>").append(Xml.esc(k.fromColumn())).append("</fromColumn>")
                    .append("<targetColumn>").append(Xml.esc(k.targetColumn())).append("</targetColumn></fkColumn>")
                    .append(Xml.elem("description", k.description())).append("</foreignKey>\n");
        }
    }
}
