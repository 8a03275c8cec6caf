package org.muwclass.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.tap.adql.SkyIndex;

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
     * Creates the table and its indexes unless they exist. On PostgreSQL the position also gets the pgSphere GiST
     * expression index that the translated CONTAINS/INTERSECTS predicates use.
     */
    public void createIfMissing() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + table.schemaName());
            s.execute(TableLoader.createTableSql(table).replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
            for (ColumnDescriptor col : table.columns()) {
                if (col.indexed()) {
                    s.execute("CREATE INDEX IF NOT EXISTS " + table.simpleName() + "_" + col.name() + "_idx ON "
                            + table.name() + " (" + col.name() + ")");
                }
            }
        }
        if (database.dialect() == SqlDialect.POSTGRESQL) {
            createSphereIndex(database, table);
        } else {
            createSkyCellIndex(database, table);
        }
    }

    /**
     * H2: adds the invisible generated HEALPix cell column {@value SkyIndex#COLUMN} of a table with ra/dec columns and
     * its B-tree index, unless they exist (the values of existing rows are computed now, new rows' at insert). The
     * translated cone searches select their candidate rows with it ({@link SkyIndex}). Needs the H2 functions
     * registered first.
     */
    public static void createSkyCellIndex(Database database, TableDescriptor table) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table.name() + " ADD COLUMN IF NOT EXISTS " + SkyIndex.COLUMN + " "
                    + SkyIndex.h2ColumnDefinition());
            s.execute("CREATE INDEX IF NOT EXISTS " + table.simpleName() + "_" + SkyIndex.COLUMN + "_idx ON "
                    + table.name() + " (" + SkyIndex.COLUMN + ")");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /**
     * Creates the pgSphere GiST expression index on {@code spoint(radians(ra), radians(dec))} of a table with ra/dec
     * columns (the expression VOLLT's PgSphereTranslator emits, so the planner can match it).
     */
    public static void createSphereIndex(Database database, TableDescriptor table) {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX IF NOT EXISTS " + table.simpleName() + "_spoint_gist ON " + table.name()
                    + " USING gist (spoint(radians(ra), radians(dec)))");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "No pgSphere index on " + table.name() + " (is the pg_sphere extension installed"
                    + " in this database?): " + e.getMessage());
        }
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
