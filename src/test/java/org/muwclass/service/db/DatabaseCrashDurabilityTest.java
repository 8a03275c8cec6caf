package org.muwclass.service.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit survives kill -9 also after a restart on a file a kill -9 left (issue "lost job after kill -9"). H2 2.5.252
 * opens such a file, then writes new chunks into space freed inside it, and the next recovery does not find them: every
 * transaction committed since the restart was gone. RETENTION_TIME=0 lets freed space be reused at once (by default
 * after 45 s, as in the service). Each step runs in a child JVM killed with SIGKILL.
 */
class DatabaseCrashDurabilityTest {

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").resolve("muwclass")
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;RETENTION_TIME=0";
    }

    @Test
    void commitsAfterARestartOnACrashedFileSurviveTheNextKill(@TempDir Path dir) throws Exception {
        runAndKill(dir, "fill", 0);
        for (int id = 1; id <= 3; id++) {
            runAndKill(dir, "insert", id);
        }
        List<Integer> ids = new ArrayList<>();
        try (Database db = Database.open(url(dir), "sa", ""); Connection c = db.connection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        assertEquals(List.of(1, 2, 3), ids, "rows committed before each kill -9");
    }

    /**
     * A commit written into file space freed by earlier commits survives kill -9. H2 2.5.252 lost it (its recovery did
     * not find the chunk; a job created on a service that had run for more than RETENTION_TIME was gone after a kill
     * -9, found by scripts/acceptance/crash-clean.sh on a loaded CI machine); 2.4.240 keeps it.
     */
    @Test
    void commitsWrittenIntoReusedFileSpaceSurviveTheNextKill(@TempDir Path dir) throws Exception {
        runAndKill(dir, "fill", 0);
        for (int id = 1; id <= 3; id++) {
            runAndKill(dir, "churn", id);
        }
        List<Integer> ids = new ArrayList<>();
        try (Database db = Database.open(url(dir), "sa", ""); Connection c = db.connection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        assertEquals(List.of(1, 2, 3), ids, "rows committed after 2,000 small commits, before each kill -9");
    }

    @Test
    void onlyEmbeddedFilesAreClosedAtStart() {
        assertTrue(Database.isEmbeddedH2File("jdbc:h2:file:/data/db/muwclass;WRITE_DELAY=0"));
        assertTrue(Database.isEmbeddedH2File("jdbc:h2:./data/db"));
        assertTrue(!Database.isEmbeddedH2File("jdbc:h2:mem:tap"));
        assertTrue(!Database.isEmbeddedH2File("jdbc:h2:tcp://localhost/db"));
        assertTrue(!Database.isEmbeddedH2File("jdbc:h2:file:/db;AUTO_SERVER=TRUE"));
    }

    /** Runs {@link Child} in a new JVM, waits for it to report the commit, and kills it (SIGKILL). */
    private static void runAndKill(Path dir, String mode, int id) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), url(dir), mode, Integer.toString(id)).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
                if (line.equals("COMMITTED")) {
                    break;
                }
            }
            assertTrue(out.toString().contains("COMMITTED"), "child " + mode + " " + id + " failed:\n" + out);
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook closes the database
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The child JVM: opens the database as the service does, commits, reports, and waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Database db = Database.open(args[0], "sa", "");
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY)");
                if (args[1].equals("fill")) { // a file with chunks to free: tables made, dropped, thinned
                    for (int k = 0; k < 5; k++) {
                        s.execute("CREATE TABLE big" + k + " AS SELECT \"X\" AS id, REPEAT('abcdefgh', 50) || \"X\" AS v"
                                + " FROM SYSTEM_RANGE(1, 5000)");
                    }
                    s.execute("DROP TABLE big1");
                    s.execute("DROP TABLE big3");
                    s.execute("DELETE FROM big2 WHERE MOD(id, 2) = 0");
                } else {
                    if (args[1].equals("churn")) { // many small commits: chunks freed and their space reused at once
                        s.execute("CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, v VARCHAR(2000))");
                        for (int i = 0; i < 2000; i++) {
                            s.execute("MERGE INTO churn VALUES (" + (i % 500) + ", REPEAT('y', " + (100 + i % 1000) + "))");
                        }
                    }
                    c.setAutoCommit(false);
                    s.execute("INSERT INTO t VALUES (" + Integer.parseInt(args[2]) + ")");
                    c.commit();
                }
            }
            System.out.println("COMMITTED");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
