package org.muwclass.service.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.report.EvaluationReport;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.service.uws.Caller;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobStore;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import uk.ac.starlink.table.StarTable;

/** The evaluate job kind through the job machinery: a tiny cross-validation on an uploaded training subset. */
class EvaluateJobKindTest {

    private static final Caller ANON = Caller.anonymous("127.0.0.1");

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private JobManager manager;

    @BeforeEach
    void start() throws Exception {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:evaluate" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE",
                "sa", "");
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new EvaluateJobKind(100, 1000, 2, "test")),
                new JobLimits(1, 10, Duration.ofSeconds(600), Duration.ofSeconds(600), Duration.ofDays(1),
                        Duration.ofSeconds(60), Duration.ofSeconds(3600)), Clock.systemUTC());
        manager.start();
    }

    @AfterEach
    void stop() {
        manager.close();
        pool.dispose();
    }

    /** The first {@code perClass} training sources of each class, as CSV. */
    private static byte[] subset(int perClass) throws Exception {
        List<String> td = Files.readAllLines(Path.of(EvaluateJobKindTest.class.getResource("/muwclass/TD.csv")
                .toURI()), StandardCharsets.UTF_8);
        int classColumn = Arrays.asList(td.get(0).split(",", -1)).indexOf("True_Class");
        Map<String, Integer> taken = new HashMap<>();
        List<String> lines = new ArrayList<>(List.of(td.get(0)));
        for (String line : td.subList(1, td.size())) {
            if (line.contains("\"")) {
                continue;
            }
            String c = line.split(",", -1)[classColumn];
            if (taken.merge(c, 1, Integer::sum) <= perClass) {
                lines.add(line);
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private UploadedFile upload(String part, String fileName, byte[] content) throws Exception {
        Path staging = manager.files().newStagingDirectory();
        Path f = Files.write(staging.resolve(part), content);
        return new UploadedFile(part, fileName, "text/csv", f, content.length);
    }

    private JobRecord runToEnd(DaliParameters params, List<UploadedFile> uploads) throws Exception {
        JobRecord job = manager.create(EvaluateJobKind.NAME, ANON, params, uploads);
        while (job.phase().isActive()) {
            job = manager.await(EvaluateJobKind.NAME, job.id(), null, Duration.ofSeconds(60), null);
        }
        return job;
    }

    private ParameterException refused(DaliParameters p, UploadedFile... uploads) {
        return assertThrows(ParameterException.class,
                () -> manager.create(EvaluateJobKind.NAME, ANON, p, List.of(uploads)));
    }

    @Test
    void crossValidatesAnUploadedSetAsTheCliDoes() throws Exception {
        byte[] training = subset(6);
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "FOLDS", "2", "DRAWS", "1", "TREES", "10",
                "SEED", "5"), List.of(upload("TRAINING", "td48.csv", training)));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        assertEquals(List.of("metrics", "confusion_recall", "confusion_precision", "ct_sweep", "feature_importance",
                        EvaluationReport.RECALL_ALL, EvaluationReport.PRECISION_ALL, EvaluationReport.RECALL_CONFIDENT,
                        EvaluationReport.PRECISION_CONFIDENT, EvaluationReport.METRICS_VS_CT,
                        EvaluationReport.CLASS_COUNTS, EvaluationReport.PROBABILITIES),
                job.results().stream().map(r -> r.name()).toList());
        byte[] png = Files.readAllBytes(manager.resultFile(job, EvaluationReport.METRICS_VS_CT));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "PNG signature");
        Files.write(dir.resolve("td48.csv"), training);
        String sha = info(Files.readString(manager.resultFile(job, "metrics")), "training_set_sha256");
        assertTrue(sha.matches("[0-9a-f]{64}"), sha);
        assertTrue(!sha.equals(org.muwclass.core.training.TrainingSetReader.readDefault().sha256()), "not the shipped");
        for (String table : EvaluateJobKind.TABLE_RESULTS) {
            String xml = Files.readString(manager.resultFile(job, table));
            assertTrue(xml.contains("<INFO name=\"seed\" value=\"5\"/>"), table + ": seed");
            assertTrue(xml.contains("<INFO name=\"folds\" value=\"2\"/>"), table + ": folds");
            assertTrue(xml.contains("<INFO name=\"training_set_sha256\" value=\"" + sha + "\"/>"), table + ": sha");
            assertTrue(xml.contains("<INFO name=\"job_id\" value=\"" + job.id() + "\"/>"), table + ": job id");
        }
        StarTable metrics = TableFiles.read(manager.resultFile(job, "metrics"), TableFormat.VOTABLE);
        assertEquals("all", metrics.getCell(0, 0));
        assertEquals("overall", metrics.getCell(0, 1));
        assertEquals(48, ((Number) metrics.getCell(0, 2)).intValue(), "every source evaluated once");
        double accuracy = ((Number) metrics.getCell(0, 3)).doubleValue();
        assertTrue(accuracy > 0.5 && accuracy <= 1, "accuracy " + accuracy);
        StarTable importance = TableFiles.read(manager.resultFile(job, "feature_importance"), TableFormat.VOTABLE);
        assertEquals("Random", importance.getCell(importance.getRowCount() - 1, 0));

        // the CLI, same settings and seed: the same metrics table, cell for cell
        Path cli = dir.resolve("cli");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = org.muwclass.cli.CliRunner.run(new String[] {"evaluate", "--output-dir", cli.toString(),
            "--training", dir.resolve("td48.csv").toString(), "--folds", "2", "--draws", "1", "--trees", "10",
            "--seed", "5", "--threads", "1"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertEquals(sha, info(Files.readString(cli.resolve("metrics.vot")), "training_set_sha256"), "CLI checksum");
        for (String table : List.of("metrics", "confusion_recall", "confusion_precision", "ct_sweep")) {
            assertSameCells(TableFiles.read(cli.resolve(table + ".vot"), TableFormat.VOTABLE),
                    TableFiles.read(manager.resultFile(job, table), TableFormat.VOTABLE), table);
        }
    }

    private static String info(String xml, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<INFO name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(xml);
        assertTrue(m.find(), "INFO " + name);
        return m.group(1);
    }

    private static void assertSameCells(StarTable expected, StarTable actual, String what) throws Exception {
        assertEquals(expected.getRowCount(), actual.getRowCount(), what + " rows");
        assertEquals(expected.getColumnCount(), actual.getColumnCount(), what + " columns");
        for (long r = 0; r < expected.getRowCount(); r++) {
            assertArrayEquals(expected.getRow(r), actual.getRow(r), what + " row " + r);
        }
    }

    @Test
    void badSettingsAreRefusedNamingParameterValueAndRange() throws Exception {
        assertEquals("Parameter FOLDS: '1' is not allowed; expected an integer from 2 to 50",
                refused(DaliParameters.of("FOLDS", "1")).getMessage());
        assertEquals("Parameter FOLDS: '51' is not allowed; expected an integer from 2 to 50",
                refused(DaliParameters.of("FOLDS", "51")).getMessage());
        assertEquals("Parameter LEAVE_ONE_OUT: 'maybe' is not allowed; expected yes or no",
                refused(DaliParameters.of("LEAVE_ONE_OUT", "maybe")).getMessage());
        assertEquals("Parameter FOLDS: '5' is not allowed; expected not together with LEAVE_ONE_OUT=yes "
                        + "(leave-one-out uses one fold per source)",
                refused(DaliParameters.of("LEAVE_ONE_OUT", "yes", "FOLDS", "5")).getMessage());
        assertEquals("Parameter DRAWS: '0' is not allowed; expected an integer from 1 to 1000",
                refused(DaliParameters.of("DRAWS", "0")).getMessage());
        assertEquals("Parameter TREES: '1001' is not allowed; expected an integer from 1 to 1000",
                refused(DaliParameters.of("TREES", "1001")).getMessage());
        assertEquals("Parameter REDDENING: 'some' is not allowed; expected one of octaves, bins, none",
                refused(DaliParameters.of("REDDENING", "some")).getMessage());
        assertEquals("Parameter CT_THRESHOLD: '-1' is not allowed; expected a number from 0 to 1000",
                refused(DaliParameters.of("CT_THRESHOLD", "-1")).getMessage());
        assertEquals("Parameter XRAY_NOISE: 'both' is not allowed; expected one of shared, independent",
                refused(DaliParameters.of("XRAY_NOISE", "both")).getMessage());
        assertEquals("Parameter SEED: 'x' is not allowed; expected a whole number (64-bit)",
                refused(DaliParameters.of("SEED", "x")).getMessage());
        assertTrue(refused(DaliParameters.of("ALGORITHM", "magic")).getMessage()
                .startsWith("Parameter ALGORITHM: 'magic' is not allowed; expected one of "));
    }

    @Test
    void anUnfitTrainingSetMakesTheJobFailWithTheClassifyMessage() throws Exception {
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "FOLDS", "2", "DRAWS", "1", "TREES", "3"),
                List.of(upload("TRAINING", "few.csv", subset(3))));
        assertEquals(ExecutionPhase.ERROR, job.phase());
        assertEquals("Parameter TRAINING: class AGN has 3 source(s); each class needs at least 5 (SMOTE oversampling"
                + " uses 4 neighbours)", job.error().message());
    }

    @Test
    void leaveOneOutIsBoundedBySize() throws Exception {
        EvaluateJobKind kind = new EvaluateJobKind(100, 1000, 1, "test");
        org.muwclass.service.uws.JobInput input = new org.muwclass.service.uws.JobInput(
                DaliParameters.of("LEAVE_ONE_OUT", "yes", "DRAWS", "1", "TREES", "5"), Map.of());
        EvaluatePlan plan = kind.parse(input); // the shipped 2941 sources are within the limit
        assertEquals(2941, plan.training().size());
        assertTrue(kind.estimate(plan).toMillis() > 0, "quote " + kind.estimate(plan));
        EvaluatePlan kFold = kind.parse(new org.muwclass.service.uws.JobInput(
                DaliParameters.of("FOLDS", "2", "DRAWS", "1", "TREES", "5"), Map.of()));
        assertTrue(kind.estimate(kFold).compareTo(kind.estimate(plan)) < 0, "2 folds cost less than 2941");
    }

    @Test
    void aQuoteBeyondTheExecutionDurationIsRefusedAtStart() throws Exception {
        // leave-one-out of the shipped 2941 sources with 1000 draws of 1000 trees: far beyond 600 s
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "LEAVE_ONE_OUT", "yes", "DRAWS", "1000",
                "TREES", "1000"), List.of());
        assertEquals(ExecutionPhase.ERROR, job.phase());
        assertTrue(job.error().message().startsWith("The job's quote is "), job.error().message());
        assertTrue(job.error().message().contains("more than its execution duration of 600 s (EXECUTIONDURATION), so"
                + " it was not started."), job.error().message());
    }
}
