package org.muwclass.service.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.muwclass.service.meta.ColumnDescriptor;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoConfigReader;

/**
 * A classified-sources table made by an earlier version (without the result flag columns training_name,
 * training_class, input_flag) gets the missing columns at start-up; its rows stay.
 */
class ClassifiedSourcesMigrationTest {

    private static final List<String> FLAGS = List.of("training_name", "training_class", "input_flag");

    /** The vo-config table under a private schema, so a shared PostgreSQL's real table is not touched. */
    private static TableDescriptor table(String schema) throws Exception {
        TableDescriptor t = VoConfigReader.fromDirectory(Path.of("vo-config")).read()
                .table(ClassifiedSourcesStore.TABLE).orElseThrow();
        return new TableDescriptor(schema, schema + ".classified_sources", t.type(), t.description(), t.utype(),
                t.columns());
    }

    private static List<String> columns(Database db, String table) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    private static void migratesAndKeepsRows(Database db, String schema) throws Exception {
        TableDescriptor full = table(schema);
        List<ColumnDescriptor> old = full.columns().stream().filter(c -> !FLAGS.contains(c.name())).toList();
        TableDescriptor before = new TableDescriptor(schema, full.name(), full.type(), full.description(),
                full.utype(), old);
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute("DROP TABLE IF EXISTS " + full.name());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        new ClassifiedSourcesStore(db, before).createIfMissing();
        new ClassifiedSourcesStore(db, before).insert("old-run", List.of(Map.of("name", "kept", "ra", 1.5,
                "class", "AGN")));
        assertEquals(old.size(), columns(db, full.name()).size());

        ClassifiedSourcesStore store = new ClassifiedSourcesStore(db, full);
        store.createIfMissing();
        List<String> now = columns(db, full.name());
        List<String> expected = new ArrayList<>(old.stream().map(ColumnDescriptor::name).toList());
        expected.addAll(FLAGS); // added at the end: inserts name their columns
        assertEquals(expected, now);
        store.createIfMissing(); // idempotent
        assertEquals(now, columns(db, full.name()));

        Map<String, Object> flagged = new LinkedHashMap<>();
        flagged.put("name", "new");
        flagged.put("class", "YSO");
        flagged.put("training_name", "2CXO J000009.3+135618");
        flagged.put("training_class", "AGN");
        flagged.put("input_flag", "training_source_loo");
        store.insert("new-run", List.of(flagged));
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, ra, class, run_id, training_name, training_class, input_flag"
                     + " FROM " + full.name() + " ORDER BY name")) {
            rs.next();
            assertEquals("kept", rs.getString(1));
            assertEquals(1.5, rs.getDouble(2));
            assertEquals("AGN", rs.getString(3));
            assertEquals("old-run", rs.getString(4));
            assertNull(rs.getString(5));
            assertNull(rs.getString(7));
            rs.next();
            assertEquals("new", rs.getString(1));
            assertEquals("2CXO J000009.3+135618", rs.getString(5));
            assertEquals("AGN", rs.getString(6));
            assertEquals("training_source_loo", rs.getString(7));
        }
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + full.name());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @Test
    void h2TableWithoutFlagColumnsGetsThem() throws Exception {
        try (Database db = Database.open("jdbc:h2:mem:mig" + UUID.randomUUID().toString().replace("-", "")
                + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "")) {
            migratesAndKeepsRows(db, "muwclass");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MUWCLASS_PG_URL", matches = "jdbc:postgresql:.+")
    void postgresTableWithoutFlagColumnsGetsThem() throws Exception {
        try (Database db = Database.open(System.getenv("MUWCLASS_PG_URL"),
                System.getenv().getOrDefault("MUWCLASS_PG_USER", "tap"),
                System.getenv().getOrDefault("MUWCLASS_PG_PASSWORD", "tap"))) {
            migratesAndKeepsRows(db, "fixes_migration");
        }
    }
}
