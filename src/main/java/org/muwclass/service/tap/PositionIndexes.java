package org.muwclass.service.tap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.tap.adql.SkyIndex;

/**
 * The position indexes that translated ADQL geometry uses: the HEALPix cell column on H2, the pgSphere GiST index on
 * PostgreSQL. They belong to TAP, not to the stores, because the SQL they serve is the ADQL translators'.
 */
public final class PositionIndexes {

    private static final Logger LOG = Logger.getLogger(PositionIndexes.class.getName());

    private PositionIndexes() {
    }

    /** The index of the database's dialect for a table with ra/dec columns, unless it exists. */
    public static void create(Database database, TableDescriptor table) throws SQLException {
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
}
