package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.muwclass.core.io.CsvTable;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.TableDescriptor;

/**
 * Creates a published table from its descriptor and fills it from a CSV source, once. A row in
 * {@code muwclass.load_log} marks a finished load; it is written in the same transaction as the rows, so an
 * interrupted load is detected and redone at the next start instead of leaving a partial table.
 */
public final class TableLoader {

    private static final Logger LOG = Logger.getLogger(TableLoader.class.getName());
    private static final int BATCH = 500;

    private final Database database;

    public TableLoader(Database database) {
        this.database = database;
    }

    /**
     * Loads {@code data} into {@code table} unless a completed load of {@code datasetName} is recorded.
     *
     * @return the number of rows inserted (0 when the table was already loaded)
     */
    public int loadOnce(TableDescriptor table, String datasetName, CsvTable data, String checksum)
            throws SQLException {
        try (Connection c = database.connection()) {
            ensureLoadLog(c, table.schemaName());
            if (isLoaded(c, datasetName)) {
                LOG.info(() -> table.name() + " already loaded; not reloading");
                return 0;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table.name());
                s.execute(createTableSql(table));
                for (ColumnDescriptor col : table.columns()) {
                    if (col.indexed()) {
                        s.execute("CREATE INDEX " + table.simpleName() + "_" + col.name() + "_idx ON "
                                + table.name() + " (" + col.name() + ")");
                    }
                }
            }
            int rows = insertRows(c, table, data);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.schemaName()
                    + ".load_log (dataset, table_name, row_count, checksum, loaded_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, datasetName);
                ps.setString(2, table.name());
                ps.setInt(3, rows);
                ps.setString(4, checksum);
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            LOG.info(() -> "Loaded " + rows + " rows into " + table.name());
            return rows;
        }
    }

    static String createTableSql(TableDescriptor table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table.name()).append(" (");
        List<ColumnDescriptor> cols = table.columns();
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name()).append(' ').append(cols.get(i).sqlType());
        }
        return sql.append(')').toString();
    }

    private static void ensureLoadLog(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".load_log (dataset VARCHAR(200) PRIMARY KEY, "
                    + "table_name VARCHAR(200) NOT NULL, row_count INTEGER NOT NULL, checksum VARCHAR(100), "
                    + "loaded_at TIMESTAMP NOT NULL)");
        }
    }

    private static boolean isLoaded(Connection c, String dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT row_count FROM muwclass.load_log WHERE dataset = ?")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int insertRows(Connection c, TableDescriptor table, CsvTable data) throws SQLException {
        List<ColumnDescriptor> cols = table.columns();
        int[] source = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            source[i] = data.columnIndex(cols.get(i).sourceColumn());
            if (source[i] < 0) {
                throw new IllegalArgumentException("Source data for " + table.name() + " has no column '"
                        + cols.get(i).sourceColumn() + "' (for " + cols.get(i).name() + ")");
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" VALUES (");
        sql.append("?,".repeat(cols.size() - 1)).append("?)");
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int r = 0; r < data.rowCount(); r++) {
                for (int i = 0; i < cols.size(); i++) {
                    bind(ps, i + 1, cols.get(i), data.cell(r, source[i]), r);
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    private static void bind(PreparedStatement ps, int pos, ColumnDescriptor col, String text, int row)
            throws SQLException {
        if (text == null) {
            ps.setNull(pos, sqlNullType(col));
            return;
        }
        String v = text.trim();
        try {
            switch (col.datatype()) {
                case "double" -> ps.setDouble(pos, Double.parseDouble(v));
                case "float" -> ps.setFloat(pos, Float.parseFloat(v));
                case "int" -> ps.setInt(pos, Integer.parseInt(v));
                case "short" -> ps.setShort(pos, Short.parseShort(v));
                case "long" -> ps.setLong(pos, Long.parseLong(v));
                case "boolean" -> ps.setBoolean(pos, Boolean.parseBoolean(v));
                default -> ps.setString(pos, v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Column '" + col.sourceColumn() + "', row " + (row + 1) + ": '" + v
                    + "' is not a valid " + col.datatype());
        }
    }

    private static int sqlNullType(ColumnDescriptor col) {
        return switch (col.datatype()) {
            case "double" -> Types.DOUBLE;
            case "float" -> Types.REAL;
            case "int" -> Types.INTEGER;
            case "short" -> Types.SMALLINT;
            case "long" -> Types.BIGINT;
            case "boolean" -> Types.BOOLEAN;
            default -> Types.VARCHAR;
        };
    }
}
