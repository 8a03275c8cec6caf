package org.muwclass.service.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;
import org.muwclass.service.classify.DemoFieldRuns.Action;
import org.muwclass.service.classify.DemoFieldRuns.Outcome;
import org.muwclass.service.config.DemoSettings;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobFilter;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobStore;

/**
 * The demo fields are classified once per database by the service's own pipeline (small forests here), published
 * into muwclass.classified_sources with run_id = job id, kept from the reaper, and not classified again at a restart
 * unless the earlier attempt failed.
 */
class DemoFieldRunsTest {

    private static final DemoSettings SMALL = new DemoSettings(true, 2, 3L, "rf", 5);
    private static final List<String> P_COLUMNS = Arrays.stream(SourceClass.values())
            .map(k -> "p_" + k.label().toLowerCase(Locale.ROOT).replace('-', '_')).toList();

    @TempDir
    Path dir;

    private TapFixture db;
    private JobManager manager;

    @BeforeEach
    void open() throws Exception {
        db = TapFixture.h2();
        manager = startManager();
    }

    @AfterEach
    void close() {
        manager.close();
        db.close();
    }

    /** A job manager on the fixture's database, as a (re)start of the service builds it. */
    private JobManager startManager() throws Exception {
        ClassifiedSourcesStore store = new ClassifiedSourcesStore(db.database,
                db.voConfig.table(ClassifiedSourcesStore.TABLE).orElseThrow());
        ClassificationPublisher publisher = new ClassificationPublisher() {
            @Override
            public String publish(String runId, org.muwclass.classification.ClassificationOutput output,
                                  List<org.muwclass.core.model.SourceMeasurements> inputs) throws Exception {
                store.deleteRun(runId);
                store.insert(runId, ClassifiedSourcesPublisher.rows(output, inputs));
                return ClassifiedSourcesStore.TABLE;
            }

            @Override
            public void withdraw(String runId) throws Exception {
                store.deleteRun(runId);
            }
        };
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        JobManager m = new JobManager(new JobStore(db.database.dataSource(), files), files,
                List.of(new ClassifyJobKind(100, 1000, publisher)), new JobLimits(1, 10, Duration.ofSeconds(600),
                Duration.ofSeconds(3600), Duration.ofDays(7), Duration.ofSeconds(60), Duration.ofSeconds(3600)),
                Clock.systemUTC());
        m.start();
        return m;
    }

    private JobManager restart() throws Exception {
        manager.close();
        manager = startManager();
        return manager;
    }

    private List<Outcome> runDemo(DemoSettings settings) throws SQLException {
        return new DemoFieldRuns(db.database.dataSource(), manager, settings, Clock.systemUTC()).run(() -> false);
    }

    private List<JobRecord> serviceJobs() {
        return manager.list(JobFilter.all(ClassifyJobKind.NAME, DemoFieldRuns.OWNER)).stream()
                .filter(j -> DemoFieldRuns.OWNER.equals(j.ownerId())).toList();
    }

    private Map<String, Integer> rowsByRun() throws SQLException {
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT run_id, COUNT(*) FROM muwclass.classified_sources GROUP BY run_id")) {
            Map<String, Integer> m = new java.util.HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getInt(2));
            }
            return m;
        }
    }

    @Test
    void demoFieldsArePublishedOnceWithTheirJobAsProvenance() throws Exception {
        Instant before = Instant.now();
        List<Outcome> first = runDemo(SMALL);
        assertEquals(List.of("NGC3532", "IC2395"), first.stream().map(Outcome::field).toList());
        for (Outcome o : first) {
            assertEquals(Action.SUBMITTED, o.action(), o.toString());
            assertEquals(ExecutionPhase.COMPLETED, o.phase(), o.toString());
        }
        Map<String, String> jobOf = first.stream().collect(Collectors.toMap(Outcome::field, Outcome::jobId));

        // one row per source of each field (the demo's averaged tables), run_id = the field's job
        Map<String, Integer> rows = rowsByRun();
        assertEquals(Map.of(jobOf.get("NGC3532"), CsvTable.readResource("/muwclass/demo/NGC3532/NGC3532_ave.csv")
                .rowCount(), jobOf.get("IC2395"), CsvTable.readResource("/muwclass/demo/IC2395/IC2395_ave.csv")
                .rowCount()), rows);
        checkRowsArePlausible();

        // ordinary classification jobs of the service owner, with the demo settings, kept from the reaper
        List<JobRecord> jobs = serviceJobs();
        assertEquals(new HashSet<>(jobOf.values()), jobs.stream().map(JobRecord::id).collect(Collectors.toSet()));
        for (JobRecord listed : jobs) {
            JobRecord j = manager.get(ClassifyJobKind.NAME, listed.id(), DemoFieldRuns.OWNER);
            assertEquals("yes", j.parameters().get("PUBLISH").orElseThrow());
            assertEquals("2", j.parameters().get("DRAWS").orElseThrow());
            assertEquals("3", j.parameters().get("SEED").orElseThrow());
            assertEquals(6, j.uploads().size(), "per-observation table + 5 counterpart tables");
            assertTrue(j.destruction().isAfter(before.plus(Duration.ofDays(365 * 50))), "kept: " + j.destruction());
            assertEquals(List.of("result", "summary.png"), j.results().stream().map(r -> r.name()).toList());
        }
        manager.reap();
        assertEquals(2, serviceJobs().size(), "not destroyed by the reaper");

        // a restart classifies nothing again
        restart();
        List<Outcome> second = runDemo(SMALL);
        for (Outcome o : second) {
            assertEquals(Action.ALREADY_DONE, o.action(), o.toString());
            assertEquals(jobOf.get(o.field()), o.jobId());
        }
        assertEquals(2, serviceJobs().size(), "no new jobs");
        assertEquals(rows, rowsByRun(), "no duplicated rows");

        // a demo job cut off by a restart is resubmitted at the next start, replacing its run
        try (Connection c = db.database.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE uws.jobs SET phase = 'EXECUTING' WHERE job_id = ?")) {
            ps.setString(1, jobOf.get("NGC3532"));
            assertEquals(1, ps.executeUpdate());
        }
        restart();
        List<Outcome> third = runDemo(SMALL);
        assertEquals(Action.SUBMITTED, third.get(0).action(), third.toString());
        assertEquals(ExecutionPhase.COMPLETED, third.get(0).phase());
        assertNotEquals(jobOf.get("NGC3532"), third.get(0).jobId());
        assertEquals(Action.ALREADY_DONE, third.get(1).action());
        Map<String, Integer> after = rowsByRun();
        assertEquals(Set.of(third.get(0).jobId(), jobOf.get("IC2395")), after.keySet(), "old run withdrawn");
        assertEquals(rows.get(jobOf.get("NGC3532")), after.get(third.get(0).jobId()));
        assertEquals(2, serviceJobs().size(), "the cut-off job was replaced");
    }

    private void checkRowsArePlausible() throws SQLException {
        Set<String> labels = Arrays.stream(SourceClass.values()).map(SourceClass::label).collect(Collectors.toSet());
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, ra, dec, class, class_prob, ct, ebv, "
                     + String.join(", ", P_COLUMNS) + " FROM muwclass.classified_sources")) {
            int n = 0;
            while (rs.next()) {
                n++;
                String name = rs.getString("name");
                assertNotNull(name);
                double sum = 0;
                double max = 0;
                for (String p : P_COLUMNS) {
                    double v = rs.getDouble(p);
                    assertTrue(v >= 0 && v <= 1, name + " " + p + " = " + v);
                    sum += v;
                    max = Math.max(max, v);
                }
                assertEquals(1.0, sum, 1e-9, "probabilities of " + name + " sum to 1");
                assertTrue(labels.contains(rs.getString("class")), name + ": class " + rs.getString("class"));
                assertEquals(max, rs.getDouble("class_prob"), 1e-12, name + ": class_prob is the largest P");
                rs.getDouble("ct");
                assertTrue(!rs.wasNull(), name + ": CT present");
                rs.getDouble("ebv");
                assertTrue(!rs.wasNull(), name + ": E(B-V) used is recorded");
                double ra = rs.getDouble("ra");
                assertTrue(ra >= 0 && ra < 360, name + " ra " + ra);
            }
            assertTrue(n > 500, "rows " + n);
        }
    }

    @Test
    void aRefusedSubmissionIsRetriedOnceThenLeftAlone() throws Exception {
        DemoSettings bad = new DemoSettings(true, 1, 1L, "nonsense", 5);
        List<Outcome> first = runDemo(bad);
        assertTrue(first.stream().allMatch(o -> o.action() == Action.REFUSED), first.toString());
        assertEquals(Map.of("NGC3532", 1, "IC2395", 1), attempts());
        restart();
        List<Outcome> second = runDemo(bad);
        assertTrue(second.stream().allMatch(o -> o.action() == Action.REFUSED), second.toString());
        assertEquals(Map.of("NGC3532", 2, "IC2395", 2), attempts());
        restart();
        List<Outcome> third = runDemo(SMALL);
        assertTrue(third.stream().allMatch(o -> o.action() == Action.NOT_RUN), "given up after "
                + DemoFieldRuns.MAX_ATTEMPTS + " failures: " + third);
        assertEquals(Map.of(), rowsByRun());
        assertEquals(List.of(), serviceJobs());
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM muwclass.demo_runs WHERE field = 'NGC3532'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("Parameter ALGORITHM: 'nonsense' is not allowed"), rs.getString(1));
        }
    }

    @Test
    void aFieldClaimedByAnotherMemberIsLeftToIt() throws Exception {
        runDemo(new DemoSettings(true, 1, 1L, "nonsense", 5)); // creates the table; both submissions refused
        try (Connection c = db.database.connection(); Statement s = c.createStatement()) {
            // another cluster member has just claimed NGC3532 and is submitting it
            s.executeUpdate("UPDATE muwclass.demo_runs SET state = 'CLAIMED', attempts = 1, submitted_at ="
                    + " CURRENT_TIMESTAMP WHERE field = 'NGC3532'");
            s.executeUpdate("DELETE FROM muwclass.demo_runs WHERE field = 'IC2395'");
        }
        List<Outcome> outcomes = runDemo(new DemoSettings(true, 1, 1L, "nonsense", 5));
        assertEquals(Action.NOT_RUN, outcomes.get(0).action(), outcomes.toString());
        assertEquals(Action.REFUSED, outcomes.get(1).action(), "IC2395 claimed afresh: " + outcomes);
        assertEquals(Map.of("NGC3532", 1, "IC2395", 1), attempts());
    }

    private Map<String, Integer> attempts() throws SQLException {
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT field, attempts FROM muwclass.demo_runs")) {
            Map<String, Integer> m = new java.util.HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getInt(2));
            }
            return m;
        }
    }

}
