package org.muwclass.service.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.io.CsvTable;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoConfigReader;

class TableLoaderTest {

    private static final TableDescriptor TD = VoConfigReader.fromDirectory(Path.of("vo-config")).read()
            .table("muwclass.training_set").orElseThrow();
    private static final CsvTable DATA = CsvTable.readResource("/muwclass/TD.csv");

    private static Database h2(Path dir) {
        return Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    @Test
    void loadsEveryRowTypedAndOnlyOnce(@TempDir Path dir) throws Exception {
        try (Database db = h2(dir)) {
            assertEquals(2941, new TableLoader(db).loadOnce(TD, "td", DATA, "x"));
            assertEquals(0, new TableLoader(db).loadOnce(TD, "td", DATA, "x"), "second start does not reload");
            assertEquals(2941, count(db, "SELECT COUNT(*) FROM muwclass.training_set"));
            Map<String, Integer> byClass = new LinkedHashMap<>();
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT true_class, COUNT(*) FROM muwclass.training_set "
                         + "GROUP BY true_class ORDER BY true_class")) {
                while (rs.next()) {
                    byClass.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertEquals(Map.of("AGN", 1390, "CV", 44, "HM-STAR", 118, "HMXB", 26, "LM-STAR", 207,
                    "LMXB", 65, "NS", 87, "YSO", 1004), byClass);
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ra, flux_s, p_inter, ct FROM muwclass.training_set "
                         + "WHERE name = '2CXO J000009.3+135618'")) {
                assertTrue(rs.next());
                assertEquals(0.0391148, rs.getDouble(1), 0);
                assertEquals(2e-15, rs.getDouble(2), 0);
                rs.getDouble(3);
                assertTrue(rs.wasNull(), "empty cell is SQL NULL");
                assertEquals(5.307, rs.getDouble(4), 0);
            }
        }
        try (Database db = h2(dir)) {
            assertEquals(0, new TableLoader(db).loadOnce(TD, "td", DATA, "x"), "data survive a restart");
        }
    }

    @Test
    void interruptedLoadIsRedone(@TempDir Path dir) throws Exception {
        try (Database db = h2(dir)) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA muwclass");
                s.execute(TableLoader.createTableSql(TD));
                s.execute("INSERT INTO muwclass.training_set (name) VALUES ('partial')");
            }
            assertEquals(2941, new TableLoader(db).loadOnce(TD, "td", DATA, "x"));
            assertEquals(2941, count(db, "SELECT COUNT(*) FROM muwclass.training_set"));
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = "MUWCLASS_PG_URL", matches = ".+")
    void loadsOnceIntoPostgresql() throws Exception {
        try (Database db = Database.open(System.getenv("MUWCLASS_PG_URL"), System.getenv("MUWCLASS_PG_USER"),
                System.getenv("MUWCLASS_PG_PASSWORD"))) {
            assertEquals(SqlDialect.POSTGRESQL, db.dialect());
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS muwclass.load_log");
            }
            assertEquals(2941, new TableLoader(db).loadOnce(TD, "td", DATA, "x"));
            assertEquals(0, new TableLoader(db).loadOnce(TD, "td", DATA, "x"));
            assertEquals(1390, count(db, "SELECT COUNT(*) FROM muwclass.training_set WHERE true_class = 'AGN'"));
        }
    }

    private static int count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
