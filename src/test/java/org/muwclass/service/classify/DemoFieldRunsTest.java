package org.muwclass.service.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;
import org.muwclass.service.classify.DemoFieldRuns.Action;
import org.muwclass.service.classify.DemoFieldRuns.Outcome;
import org.muwclass.service.config.DemoSettings;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobFilter;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobStore;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo fields are classified once per database by the service's own pipeline (small forests here), published
 * into muwclass.classified_sources with run_id = job id, kept from the reaper, and not classified again at a restart
 * unless the earlier attempt failed.
 */
class DemoFieldRunsTest {

    private static final DemoSettings SMALL = DemoSettings.plainDraws(2, 3L, "rf", 5);
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
        DemoSettings bad = DemoSettings.plainDraws(1, 1L, "nonsense", 5);
        List<Outcome> first = runDemo(bad);
        assertTrue(first.stream().allMatch(o -> o.action() == Action.REFUSED), first.toString());
        assertEquals(Map.of("NGC3532", 1, "IC2395", 1), attempts());
        restart();
        List<Outcome> second = runDemo(bad);
        assertTrue(second.stream().allMatch(o -> o.action() == Action.REFUSED), second.toString());
        assertEquals(Map.of("NGC3532", 2, "IC2395", 2), attempts());
        restart();
        List<Outcome> third = runDemo(bad);
        assertTrue(third.stream().allMatch(o -> o.action() == Action.NOT_RUN), "given up after "
                + DemoFieldRuns.MAX_ATTEMPTS + " failures: " + third);
        assertEquals(Map.of(), rowsByRun());
        assertEquals(List.of(), serviceJobs());
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM muwclass.demo_runs WHERE field = 'NGC3532'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("Parameter ALGORITHM: 'nonsense' is not allowed"), rs.getString(1));
        }
        // the operator corrects the setting: the new settings get their own attempts
        restart();
        List<Outcome> fixed = runDemo(SMALL);
        assertTrue(fixed.stream().allMatch(o -> o.action() == Action.SUBMITTED
                && o.phase() == ExecutionPhase.COMPLETED), fixed.toString());
        assertEquals(Map.of("NGC3532", 1, "IC2395", 1), attempts());
    }

    @Test
    void aFieldClaimedByAnotherMemberIsLeftToIt() throws Exception {
        runDemo(DemoSettings.plainDraws(1, 1L, "nonsense", 5)); // creates the table; both submissions refused
        try (Connection c = db.database.connection(); Statement s = c.createStatement()) {
            // another cluster member has just claimed NGC3532 and is submitting it
            s.executeUpdate("UPDATE muwclass.demo_runs SET state = 'CLAIMED', attempts = 1, submitted_at ="
                    + " CURRENT_TIMESTAMP WHERE field = 'NGC3532'");
            s.executeUpdate("DELETE FROM muwclass.demo_runs WHERE field = 'IC2395'");
        }
        List<Outcome> outcomes = runDemo(DemoSettings.plainDraws(1, 1L, "nonsense", 5));
        assertEquals(Action.NOT_RUN, outcomes.get(0).action(), outcomes.toString());
        assertEquals(Action.REFUSED, outcomes.get(1).action(), "IC2395 claimed afresh: " + outcomes);
        assertEquals(Map.of("NGC3532", 1, "IC2395", 1), attempts());
    }

    /** The job parameters of a demo job, as stored, with one of them changed or dropped (null). */
    private static DaliParameters paramsOf(DemoSettings settings, String name, String value) {
        List<String> nv = new java.util.ArrayList<>(List.of("RUNID", "demo-NGC3532", "PUBLISH", "yes"));
        Map<String, String> p = new java.util.LinkedHashMap<>(settings.jobParameters());
        if (name != null) {
            if (value == null) {
                p.remove(name);
            } else {
                p.put(name, value);
            }
        }
        p.forEach((k, v) -> {
            nv.add(k);
            nv.add(v);
        });
        return DaliParameters.of(nv.toArray(String[]::new));
    }

    @Test
    void aJobMatchesTheSettingsOnlyWhenEverySettingParameterIsTheSame() {
        DemoFieldRuns runs = new DemoFieldRuns(db.database.dataSource(), manager, DemoSettings.DEFAULT,
                Clock.systemUTC());
        assertTrue(runs.sameSettings(paramsOf(DemoSettings.DEFAULT, null, null)));
        assertTrue(runs.sameSettings(paramsOf(DemoSettings.DEFAULT, "SEED", " 1 ")), "values are trimmed");
        // the demo of earlier versions: 20 plain draws, nothing about targets per forest or the grid
        assertFalse(runs.sameSettings(DaliParameters.of("RUNID", "demo-NGC3532", "DRAWS", "20", "SEED", "1",
                "ALGORITHM", "fastrf", "TREES", "100", "PUBLISH", "yes", "EXECUTIONDURATION", "0")));
        for (String name : DemoFieldRuns.SETTING_PARAMETERS) {
            if (!name.equals("DRAWS")) {
                assertFalse(runs.sameSettings(paramsOf(DemoSettings.DEFAULT, name, "7")), name + " changed");
            }
            if (!name.equals("DRAWS") && !name.equals("EQUIVALENT_DRAWS")) {
                assertFalse(runs.sameSettings(paramsOf(DemoSettings.DEFAULT, name, null)), name + " missing");
            }
        }
        assertFalse(runs.sameSettings(paramsOf(DemoSettings.DEFAULT, "DRAWS", "8040")), "DRAWS as well");
    }

    /**
     * A second start with the same settings and seed recomputes nothing; with other settings (here another seed) a
     * new job replaces the field's run, the old rows staying published until it completes; the progress is in
     * muwclass.demo_runs throughout.
     */
    @Test
    void otherSettingsReplaceThePublishedRunOnlyOnceTheNewOneCompleted() throws Exception {
        List<Outcome> first = runDemo(SMALL);
        Map<String, String> jobOf = first.stream().collect(Collectors.toMap(Outcome::field, Outcome::jobId));
        Map<String, Integer> rows = rowsByRun();
        assertEquals(Map.of("NGC3532", List.of("COMPLETED", "1.0", "373", SMALL.describe()),
                "IC2395", List.of("COMPLETED", "1.0", "200", SMALL.describe())), progressRows());

        restart();
        assertEquals(List.of(Action.ALREADY_DONE, Action.ALREADY_DONE),
                runDemo(SMALL).stream().map(Outcome::action).toList(), "same settings and seed: nothing recomputed");
        assertEquals(rows, rowsByRun());

        // new settings; this start is stopped right after submitting NGC3532's new job
        DemoSettings reseeded = DemoSettings.plainDraws(2, 4L, "rf", 5);
        restart();
        boolean[] submitted = {false};
        List<Outcome> cut = new DemoFieldRuns(db.database.dataSource(), manager, reseeded, Clock.systemUTC())
                .run(() -> {
                    boolean stop = submitted[0];
                    submitted[0] = true;
                    return stop;
                });
        assertEquals(1, cut.size(), cut.toString());
        assertEquals(Action.REPLACED, cut.get(0).action());
        String newJob = cut.get(0).jobId();
        assertNotEquals(jobOf.get("NGC3532"), newJob);
        assertTrue(rowsByRun().containsKey(jobOf.get("NGC3532")), "old rows stay published meanwhile");
        assertEquals("4", manager.get(ClassifyJobKind.NAME, newJob, DemoFieldRuns.OWNER).parameters().get("SEED")
                .orElseThrow());
        assertEquals(reseeded.describe(), progressRows().get("NGC3532").get(3));

        // the next start waits for it, then withdraws the old run; IC2395 is replaced as well
        List<Outcome> next = runDemo(reseeded);
        assertEquals(Action.RESUMED, next.get(0).action(), next.toString());
        assertEquals(newJob, next.get(0).jobId());
        assertEquals(Action.REPLACED, next.get(1).action(), next.toString());
        assertTrue(next.stream().allMatch(o -> o.phase() == ExecutionPhase.COMPLETED), next.toString());
        Map<String, Integer> after = rowsByRun();
        assertEquals(Map.of(newJob, 373, next.get(1).jobId(), 200), after, "one run per field, the new ones");
        assertEquals(Set.of(newJob, next.get(1).jobId()),
                serviceJobs().stream().map(JobRecord::id).collect(Collectors.toSet()), "old jobs destroyed");
        assertEquals(Map.of("NGC3532", List.of("COMPLETED", "1.0", "373", reseeded.describe()),
                "IC2395", List.of("COMPLETED", "1.0", "200", reseeded.describe())), progressRows());
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note, attempts, previous_job_id FROM muwclass.demo_runs"
                     + " WHERE field = 'IC2395'")) {
            assertTrue(rs.next());
            assertEquals("settings changed from " + SMALL.describe() + " (job " + jobOf.get("IC2395")
                    + ", COMPLETED) to " + reseeded.describe(), rs.getString(1));
            assertEquals(1, rs.getInt(2));
            assertEquals(null, rs.getString(3));
        }
    }

    /** The documented fast settings (here at 2 equivalent draws: one forest per grid node) reach the provenance. */
    @Test
    void equivalentDrawSettingsAreRecordedInThePublishedRunsProvenance() throws Exception {
        DemoSettings fast = new DemoSettings(true, 0, 2, 20, 0.1, 3L, "rf", 5);
        List<Outcome> outcomes = runDemo(fast);
        assertTrue(outcomes.stream().allMatch(o -> o.phase() == ExecutionPhase.COMPLETED), outcomes.toString());
        for (Outcome o : outcomes) {
            JobRecord job = manager.get(ClassifyJobKind.NAME, o.jobId(), DemoFieldRuns.OWNER);
            assertEquals(Optional.empty(), job.parameters().get("DRAWS"));
            assertEquals("2", job.parameters().get("EQUIVALENT_DRAWS").orElseThrow());
            NodeList infos = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(manager.resultFile(job, "result").toFile()).getElementsByTagName("INFO");
            Map<String, String> facts = new java.util.HashMap<>();
            for (int i = 0; i < infos.getLength(); i++) {
                Element e = (Element) infos.item(i);
                facts.put(e.getAttribute("name"), e.getAttribute("value"));
            }
            // 2 equivalent draws at 20 targets per forest: one forest, 20 values per source
            assertEquals(List.of("2", "20", "20", "0.1", "3", "5", o.jobId()), List.of(facts.get("equivalent_draws"),
                    facts.get("mc_draws"), facts.get("targets_per_forest"), facts.get("ebv_grid_step"),
                    facts.get("seed"), facts.get("trees"), facts.get("job_id")), facts.toString());
        }
        assertEquals("EQUIVALENT_DRAWS=2 TARGETS_PER_FOREST=20 EBV_GRID=0.1 SEED=3 ALGORITHM=rf TREES=5",
                progressRows().get("NGC3532").get(3));
    }

    /** phase, progress, sources and settings of each field's row in muwclass.demo_runs, as text. */
    private Map<String, List<String>> progressRows() throws SQLException {
        try (Connection c = db.database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT field, phase, progress, sources, settings FROM muwclass.demo_runs")) {
            Map<String, List<String>> m = new java.util.HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), List.of(String.valueOf(rs.getString(2)), String.valueOf(rs.getObject(3)),
                        String.valueOf(rs.getObject(4)), String.valueOf(rs.getString(5))));
            }
            return m;
        }
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
