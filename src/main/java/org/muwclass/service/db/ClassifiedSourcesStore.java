package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.TableDescriptor;

/**
 * The published table of classified sources ({@code muwclass.classified_sources}): created empty at start-up and
 * filled by the classification pipeline, one run at a time. Every row records the run that produced it
 * ({@code run_id}), so a run's rows can be replaced or withdrawn together.
 */
public final class ClassifiedSourcesStore {

    public static final String TABLE = "muwclass.classified_sources";
    public static final String RUN_ID = "run_id";

    private static final Logger LOG = Logger.getLogger(ClassifiedSourcesStore.class.getName());
    private static final int BATCH = 500;

    private final Database database;
    private final TableDescriptor table;

    /**
     * @param table the description of {@value #TABLE} from vo-config; it must have a {@value #RUN_ID} column
     */
    public ClassifiedSourcesStore(Database database, TableDescriptor table) {
        if (table.column(RUN_ID).isEmpty()) {
            throw new IllegalArgumentException("vo-config: " + table.name() + " needs a '" + RUN_ID + "' column");
        }
        this.database = database;
        this.table = table;
    }

    public TableDescriptor table() {
        return table;
    }

    /**
     * Creates the table and its column indexes unless they exist; a table made by an earlier version gets the
     * columns it lacks (e.g. the result flags training_name, training_class, input_flag), NULL in its rows. Nothing
     * is dropped. The position indexes that ADQL geometry uses are TAP's
     * ({@code org.muwclass.service.tap.PositionIndexes}).
     */
    public void createIfMissing() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + table.schemaName());
            s.execute(TableLoader.createTableSql(table).replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
            Set<String> present = existingColumns(s);
            for (ColumnDescriptor col : table.columns()) {
                if (!present.contains(col.name())) {
                    s.execute("ALTER TABLE " + table.name() + " ADD COLUMN " + col.name() + " " + col.sqlType());
                    LOG.info(() -> table.name() + ": added column " + col.name() + " (rows so far: NULL)");
                }
            }
            for (ColumnDescriptor col : table.columns()) {
                if (col.indexed()) {
                    s.execute("CREATE INDEX IF NOT EXISTS " + table.simpleName() + "_" + col.name() + "_idx ON "
                            + table.name() + " (" + col.name() + ")");
                }
            }
        }
    }

    /** Column names of the existing table, lower case (H2 without DATABASE_TO_LOWER reports upper case). */
    private Set<String> existingColumns(Statement s) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table.name() + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * Inserts the rows of one classification run in one transaction.
     *
     * @param runId identifier of the run (job id or demo-field run), stored in {@value #RUN_ID}
     * @param rows  one map per source, keyed by column name of {@value #TABLE}; absent keys are NULL; values are
     *              numbers for numeric columns and strings for char columns
     * @return the number of rows inserted
     * @throws IllegalArgumentException naming the row and column when a key is unknown or a value has the wrong type
     */
    public int insert(String runId, List<? extends Map<String, ?>> rows) throws SQLException {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("runId must not be empty");
        }
        List<ColumnDescriptor> cols = table.columns();
        for (int r = 0; r < rows.size(); r++) {
            for (String key : rows.get(r).keySet()) {
                if (table.column(key).isEmpty() || key.equals(RUN_ID)) {
                    throw new IllegalArgumentException("Row " + (r + 1) + ": '" + key + "' is not a column of "
                            + TABLE + (key.equals(RUN_ID) ? " that rows may set (it is the runId argument)" : ""));
                }
            }
        }
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ",
                cols.stream().map(ColumnDescriptor::name).toList()) + ") VALUES ("
                + "?,".repeat(cols.size() - 1) + "?)";
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int r = 0; r < rows.size(); r++) {
                    Map<String, ?> row = rows.get(r);
                    for (int i = 0; i < cols.size(); i++) {
                        ColumnDescriptor col = cols.get(i);
                        bind(ps, i + 1, col, col.name().equals(RUN_ID) ? runId : row.get(col.name()), r);
                    }
                    ps.addBatch();
                    if ((r + 1) % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info(() -> "Stored " + rows.size() + " classified sources of run " + runId);
        return rows.size();
    }

    /** Deletes the rows of one run; returns how many were deleted. */
    public int deleteRun(String runId) throws SQLException {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + table.name() + " WHERE " + RUN_ID + " = ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, int pos, ColumnDescriptor col, Object v, int row)
            throws SQLException {
        boolean text = col.datatype().equals("char");
        if (v == null || (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN())) {
            ps.setNull(pos, text ? Types.VARCHAR : Types.DOUBLE);
        } else if (text) {
            ps.setString(pos, v.toString());
        } else if (v instanceof Number n) {
            switch (col.datatype()) {
                case "int", "short" -> ps.setInt(pos, n.intValue());
                case "long" -> ps.setLong(pos, n.longValue());
                case "boolean" -> ps.setBoolean(pos, n.intValue() != 0);
                default -> ps.setDouble(pos, n.doubleValue());
            }
        } else {
            throw new IllegalArgumentException("Row " + (row + 1) + ", column '" + col.name() + "': expected a number ("
                    + col.datatype() + "), got " + v.getClass().getSimpleName() + " '" + v + "'");
        }
    }
}
