package org.muwclass.service.tap.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.SchemaDescriptor;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.AdqlNames;

/**
 * TAP_SCHEMA (TAP 1.1 section 4): its five tables described like any published table, and their rows written from
 * the vo-config metadata at start-up. The tables are rebuilt on every start so they never disagree with vo-config.
 */
public final class TapSchema {

    public static final String SCHEMA = "TAP_SCHEMA";

    /**
     * A single-column foreign key, as published in TAP_SCHEMA.keys/key_columns and in /tables.
     *
     * @param id           key_id
     * @param fromTable    qualified name of the referencing table
     * @param targetTable  qualified name of the referenced table
     * @param fromColumn   column of the referencing table
     * @param targetColumn column of the referenced table
     * @param description  what the key means
     */
    public record ForeignKey(String id, String fromTable, String targetTable, String fromColumn, String targetColumn,
                             String description) {
    }

    /** The foreign keys whose referencing table is {@code table}. */
    public static List<ForeignKey> foreignKeys(String table) {
        return STANDARD_KEYS.stream().filter(k -> k[1].equalsIgnoreCase(table))
                .map(k -> new ForeignKey(k[0], k[1], k[2], k[3], k[4], k[5])).toList();
    }

    /** TAP 1.1 foreign keys between the TAP_SCHEMA tables: id, from table, target table, columns, description. */
    private static final List<String[]> STANDARD_KEYS = List.of(
            new String[]{"tap_schema_tables_schema", SCHEMA + ".tables", SCHEMA + ".schemas", "schema_name",
                    "schema_name", "The schema of a table"},
            new String[]{"tap_schema_columns_table", SCHEMA + ".columns", SCHEMA + ".tables", "table_name",
                    "table_name", "The table of a column"},
            new String[]{"tap_schema_keys_from", SCHEMA + ".keys", SCHEMA + ".tables", "from_table", "table_name",
                    "The table a key points from"},
            new String[]{"tap_schema_keys_target", SCHEMA + ".keys", SCHEMA + ".tables", "target_table",
                    "table_name", "The table a key points to"},
            new String[]{"tap_schema_key_columns_key", SCHEMA + ".key_columns", SCHEMA + ".keys", "key_id", "key_id",
                    "The key a column pair belongs to"});

    private static final Logger LOG = Logger.getLogger(TapSchema.class.getName());

    private TapSchema() {
    }

    public static SchemaDescriptor schema() {
        return new SchemaDescriptor(SCHEMA, "Metadata of the tables this service publishes (TAP 1.1)");
    }

    /** The TAP_SCHEMA tables, in the order of TAP 1.1. */
    public static List<TableDescriptor> tables() {
        return List.of(
                table("schemas", "The schemas published by this service",
                        str("schema_name", "Schema name, for reference in ADQL", "meta.id;meta.main", true),
                        str("utype", "utype of the schema", "meta.utype", false),
                        str("description", "Description of the schema", "meta.note", false),
                        num("schema_index", "Recommended display order of the schemas", "meta.number", false)),
                table("tables", "The tables published by this service",
                        str("schema_name", "Name of the schema containing the table", "meta.id", true),
                        str("table_name", "Fully qualified table name, for reference in ADQL", "meta.id;meta.main", true),
                        str("table_type", "table or view", "meta.code", true),
                        str("utype", "utype of the table", "meta.utype", false),
                        str("description", "Description of the table", "meta.note", false),
                        num("table_index", "Recommended display order of the tables", "meta.number", false)),
                table("columns", "The columns of the published tables",
                        str("table_name", "Fully qualified table name", "meta.id", true),
                        str("column_name", "Column name", "meta.id;meta.main", true),
                        str("datatype", "VOTable datatype", "meta.code", true),
                        str("arraysize", "VOTable arraysize", "meta.code", false),
                        str("xtype", "VOTable xtype", "meta.code", false),
                        num("size", "Deprecated size of the column (use arraysize)", "meta.number", false),
                        str("description", "Description of the column", "meta.note", false),
                        str("utype", "utype of the column", "meta.utype", false),
                        str("unit", "Unit in VO standard format", "meta.unit", false),
                        str("ucd", "UCD of the column", "meta.ucd", false),
                        num("indexed", "1 if the column is indexed, else 0", "meta.code", true),
                        num("principal", "1 if the column is principal, else 0", "meta.code", true),
                        num("std", "1 if the column is defined by a standard, else 0", "meta.code", true),
                        num("column_index", "Recommended display order of the columns", "meta.number", false)),
                table("keys", "Foreign keys between published tables",
                        str("key_id", "Unique key identifier", "meta.id;meta.main", true),
                        str("from_table", "Fully qualified table name of the referencing table", "meta.id", true),
                        str("target_table", "Fully qualified table name of the referenced table", "meta.id", true),
                        str("description", "Description of the key", "meta.note", false),
                        str("utype", "utype of the key", "meta.utype", false)),
                table("key_columns", "Columns of the foreign keys",
                        str("key_id", "Key identifier from TAP_SCHEMA.keys", "meta.id;meta.main", true),
                        str("from_column", "Column in the referencing table", "meta.id", true),
                        str("target_column", "Column in the referenced table", "meta.id", true)));
    }

    /** The metadata a client sees: vo-config's schemas and tables plus TAP_SCHEMA itself. */
    public static VoMetadata publishedMetadata(VoMetadata voConfig) {
        List<SchemaDescriptor> schemas = new ArrayList<>(voConfig.schemas());
        schemas.add(schema());
        List<TableDescriptor> tables = new ArrayList<>(voConfig.tables());
        tables.addAll(tables());
        return new VoMetadata(voConfig.service(), schemas, tables);
    }

    /**
     * Creates the TAP_SCHEMA tables afresh and fills them from {@code published} (which should include TAP_SCHEMA,
     * see {@link #publishedMetadata}), in one transaction.
     */
    public static void install(Connection c, VoMetadata published) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS tap_schema");
            for (TableDescriptor t : tables()) {
                s.execute("DROP TABLE IF EXISTS " + dbName(t));
                s.execute(createSql(t));
            }
            int i = 0;
            for (SchemaDescriptor schema : published.schemas()) {
                insert(c, "schemas", schema.name(), "", schema.description(), i++);
            }
            i = 0;
            for (TableDescriptor t : published.tables()) {
                insert(c, "tables", t.schemaName(), t.name(), t.type(), t.utype(), t.description(), i++);
                int ci = 0;
                for (ColumnDescriptor col : t.columns()) {
                    insert(c, "columns", t.name(), AdqlNames.published(col.name()), col.datatype(), col.arraysize(), "", null,
                            col.description(), col.utype(), col.unit(), col.ucd(), col.indexed() ? 1 : 0,
                            col.principal() ? 1 : 0, col.std() ? 1 : 0, ci++);
                }
            }
            for (String[] k : STANDARD_KEYS) {
                insert(c, "keys", k[0], k[1], k[2], k[5], "");
                insert(c, "key_columns", k[0], k[3], k[4]);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        LOG.info(() -> "TAP_SCHEMA describes " + published.tables().size() + " tables");
    }

    /** Database name of a published table: lower case, schema-qualified. */
    public static String dbName(TableDescriptor t) {
        return t.schemaName().toLowerCase() + "." + t.simpleName().toLowerCase();
    }

    private static String createSql(TableDescriptor t) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(dbName(t)).append(" (");
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnDescriptor col = t.columns().get(i);
            sql.append(i == 0 ? "" : ", ").append('"').append(col.name()).append("\" ").append(col.sqlType());
        }
        return sql.append(')').toString();
    }

    private static void insert(Connection c, String table, Object... values) throws SQLException {
        String sql = "INSERT INTO tap_schema." + table + " VALUES (" + "?,".repeat(values.length - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof String str && str.isEmpty()) {
                    v = null; // empty metadata is NULL in TAP_SCHEMA
                }
                if (v == null) {
                    ps.setNull(i + 1, isIntColumn(table, i) ? java.sql.Types.INTEGER
                            : java.sql.Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.executeUpdate();
        }
    }

    private static boolean isIntColumn(String table, int index) {
        TableDescriptor t = tables().stream().filter(d -> d.simpleName().equals(table)).findFirst().orElseThrow();
        return t.columns().get(index).datatype().equals("int");
    }

    private static TableDescriptor table(String name, String description, ColumnDescriptor... columns) {
        return new TableDescriptor(SCHEMA, SCHEMA + "." + name, "table", description, "", List.of(columns));
    }

    private static ColumnDescriptor str(String name, String description, String ucd, boolean principal) {
        return new ColumnDescriptor(name, "", "char", "*", "", ucd, "", description, principal, false, true);
    }

    private static ColumnDescriptor num(String name, String description, String ucd, boolean principal) {
        return new ColumnDescriptor(name, "", "int", "", "", ucd, "", description, principal, false, true);
    }
}
