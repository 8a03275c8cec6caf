package org.muwclass.service.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.training.TrainingSetReader;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobStore;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/** The classification job kind through the job machinery, kept small (few sources, 2 draws, 5 trees). */
class ClassifyJobKindTest {

    private static final org.muwclass.service.uws.Caller ANON =
            org.muwclass.service.uws.Caller.anonymous("127.0.0.1");


    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private JobManager manager;

    @BeforeEach
    void start() throws Exception {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:classify" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE",
                "sa", "");
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new ClassifyJobKind(100, 1000, 2, "test")),
                new JobLimits(1, 10, Duration.ofSeconds(600), Duration.ofSeconds(600), Duration.ofDays(1),
                        Duration.ofSeconds(60), Duration.ofSeconds(3600)), Clock.systemUTC());
        manager.start();
    }

    @AfterEach
    void stop() {
        manager.close();
        pool.dispose();
    }

    private UploadedFile upload(String part, String fileName, String contentType, byte[] content) throws Exception {
        Path staging = manager.files().newStagingDirectory();
        Path f = Files.write(staging.resolve(part), content);
        return new UploadedFile(part, fileName, contentType, f, content.length);
    }

    private static byte[] tdRows(int from, int to) throws Exception {
        List<String> td = Files.readAllLines(Path.of(ClassifyJobKindTest.class.getResource("/muwclass/TD.csv").toURI()),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        lines.add(td.get(0));
        lines.addAll(td.subList(from, to));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private JobRecord runToEnd(DaliParameters params, List<UploadedFile> uploads) throws Exception {
        JobRecord job = manager.create(ClassifyJobKind.NAME, ANON, params, uploads);
        while (job.phase().isActive()) {
            job = manager.await(ClassifyJobKind.NAME, job.id(), null, Duration.ofSeconds(60), null);
        }
        return job;
    }

    /** Estimated core-ms of one fastrf training draw on the shipped TD, which is how jobInfo counts progress. */
    private static double forestMs(int trees) {
        return 1000 * org.muwclass.core.pipeline.CostModel.reference("fastrf", trees).secondsPerForest(2941);
    }

    @Test
    void classifiesAnUploadedCsvWithProvenanceAndSummary() throws Exception {
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "2", "TREES", "5", "SEED", "7",
                "EBV", "none"), List.of(upload("INPUT", "three.csv", "text/csv", tdRows(1, 4))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        assertEquals(List.of("result", "summary.png"), job.results().stream().map(r -> r.name()).toList());
        Path result = manager.resultFile(job, "result");
        List<ClassifiedSource> rows = ClassificationTable.read(TableFiles.read(result, TableFormat.VOTABLE));
        assertEquals(3, rows.size());
        assertEquals("2CXO J000009.3+135618", rows.get(0).name());
        for (ClassifiedSource s : rows) {
            assertEquals(1.0, Arrays.stream(s.mean()).sum(), 1e-9, "probabilities sum to 1: " + s.name());
        }
        String xml = Files.readString(result);
        assertTrue(xml.contains("<INFO name=\"seed\" value=\"7\"/>"), "seed");
        assertTrue(xml.contains("<INFO name=\"mc_draws\" value=\"2\"/>"), "draws");
        assertTrue(xml.contains("<INFO name=\"job_id\" value=\"" + job.id() + "\"/>"), "job id");
        assertTrue(xml.contains("<INFO name=\"training_set_sha256\" value=\""
                + TrainingSetReader.readDefault().sha256() + "\"/>"), "training checksum");
        byte[] png = Files.readAllBytes(manager.resultFile(job, "summary.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "PNG signature");
        assertEquals(job.progress().total(), job.progress().done(), "progress complete");
        assertEquals(2 * forestMs(5), job.progress().total(), 1, "one E(B-V) bin x 2 draws: 2 forests' core-ms");

        // same seed, same answer
        JobRecord again = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "2", "TREES", "5", "SEED", "7",
                "EBV", "none"), List.of(upload("INPUT", "three.csv", "text/csv", tdRows(1, 4))));
        assertEquals(rows, ClassificationTable.read(TableFiles.read(manager.resultFile(again, "result"),
                TableFormat.VOTABLE)));
    }

    @Test
    void equivalentDrawsWithSharedForestsOnAnEbvGridRecordTheEstimator() throws Exception {
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "EQUIVALENT_DRAWS", "3", "TARGETS_PER_FOREST", "4",
                "EBV_GRID", "0.1", "TREES", "5", "SEED", "7"),
                List.of(upload("INPUT", "three.csv", "text/csv", tdRows(1, 4))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        String xml = Files.readString(manager.resultFile(job, "result"));
        // 3 equivalent draws at M = 4: ceil(3 (1 + 3 x 0.37) / 4) = 2 forests per node, 8 values per source
        assertTrue(xml.contains("<INFO name=\"mc_draws\" value=\"8\"/>"), "draws");
        assertTrue(xml.contains("<INFO name=\"ebv_grid_step\" value=\"0.1\"/>"), "grid step");
        assertTrue(xml.contains("E(B-V) grid: relative step 0.1 (0.025 mag below 0.250 mag), linear interpolation"),
                "estimator in ebv_policy");
        List<ClassifiedSource> rows = ClassificationTable.read(TableFiles.read(manager.resultFile(job, "result"),
                TableFormat.VOTABLE));
        assertEquals(3, rows.size());
    }

    @Test
    void badParametersAreRefusedAtCreationAndBadTablesFailTheJobWithClearMessages() throws Exception {
        UploadedFile good = upload("INPUT", "t.csv", null, tdRows(1, 3));
        assertEquals("Parameter DRAWS: '5000' is not allowed; expected an integer from 1 to 1000",
                refused(DaliParameters.of("DRAWS", "5000"), good).getMessage());
        assertEquals("Parameter EBV_GRID: '0.25 mag' is not allowed; expected a finite number, 0 or more",
                refused(DaliParameters.of("EBV_GRID", "0.25 mag"), good).getMessage());
        assertEquals("Parameter EBV_GRID: '2' is not allowed; expected 0 (the paper's 0.025 mag E(B-V) bins) or a"
                + " relative grid step from 0.01 to 1.0", refused(DaliParameters.of("EBV_GRID", "2"), good).getMessage());
        assertEquals("Parameter EQUIVALENT_DRAWS: '100' is not allowed; expected not together with DRAWS: give one",
                refused(DaliParameters.of("EQUIVALENT_DRAWS", "100", "DRAWS", "10"), good).getMessage());
        assertEquals("Parameter EQUIVALENT_DRAWS: '5000' is not allowed; expected at most what 1000 forests per"
                + " E(B-V) task give with TARGETS_PER_FOREST=1 (1000)",
                refused(DaliParameters.of("EQUIVALENT_DRAWS", "5000"), good).getMessage());
        // the limit bounds forests per task: 20 realisations per forest allow 20 times the values
        assertEquals("Parameter DRAWS: '20001' is not allowed; expected an integer from 1 to 20000",
                refused(DaliParameters.of("DRAWS", "20001", "TARGETS_PER_FOREST", "20"), good).getMessage());
        assertTrue(refused(DaliParameters.of("ALGORITHM", "deepnet"), good).getMessage()
                .startsWith("Parameter ALGORITHM: 'deepnet' is not allowed; expected one of "));
        assertTrue(refused(DaliParameters.of("EBV", "nh"), good).getMessage().contains("table-else-dust-map"));
        assertEquals("Parameter PUBLISH: 'yes' is not allowed; expected no: this service has no table to publish"
                + " classifications into", refused(DaliParameters.of("PUBLISH", "yes"), good).getMessage());
        assertTrue(refused(DaliParameters.EMPTY).getMessage().startsWith("Parameter INPUT: an input table is required"));
        ParameterException noFormat = refused(DaliParameters.EMPTY,
                upload("INPUT", "data.bin", "application/octet-stream", tdRows(1, 3)));
        assertTrue(noFormat.getMessage().contains("INPUT_FORMAT"), noFormat.getMessage());
        String truncated = failsAtExecution(DaliParameters.of("INPUT_FORMAT", "votable"),
                upload("INPUT", "t.vot", null, "<?xml version=\"1.0\"?><VOTABLE><RESOURCE><TABLE><FIELD name=\"a\""
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(truncated.startsWith("Parameter INPUT: the uploaded file 't.vot' is not a readable"
                + " votable table"), truncated);
        String negative = failsAtExecution(DaliParameters.EMPTY, upload("INPUT", "neg.csv", null,
                new String(tdRows(1, 2), StandardCharsets.UTF_8).replace(",2e-15,1e-15,", ",2e-15,-1e-15,")
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(negative.startsWith("Parameter INPUT: ") && negative.contains("e_Fs"),
                negative);
        String columns = failsAtExecution(DaliParameters.EMPTY, upload("INPUT", "cols.csv", null,
                "name,ra,dec\nA,10,20\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(columns.contains("Missing required column"), columns);
        String tooFew = failsAtExecution(DaliParameters.EMPTY, good, upload("TRAINING", "td.csv", null,
                tdRows(1, 40)));
        assertTrue(tooFew.matches("Parameter TRAINING: (the training set has 1 class\\(es\\).*|class .* has"
                + " \\d source\\(s\\); each class needs at least 5.*)"), tooFew);
    }

    /**
     * Table contents are read in the worker, not in the request thread (review H5): creation succeeds and the job
     * ends in ERROR with the message creation used to give. Returns that message.
     */
    private String failsAtExecution(DaliParameters p, UploadedFile... uploads) throws Exception {
        JobRecord job = runToEnd(p.updatedWith(DaliParameters.of("PHASE", "RUN")), List.of(uploads));
        assertEquals(ExecutionPhase.ERROR, job.phase(), "the job fails at execution");
        return job.error().message();
    }

    private ParameterException refused(DaliParameters p, UploadedFile... uploads) {
        return assertThrows(ParameterException.class,
                () -> manager.create(ClassifyJobKind.NAME, ANON, p, List.of(uploads)));
    }

    @Test
    void publishedRowsFollowTheJob() throws Exception {
        java.util.Map<String, List<java.util.Map<String, Object>>> table = new java.util.concurrent.ConcurrentHashMap<>();
        ClassificationPublisher fake = new ClassificationPublisher() {
            @Override
            public String publish(String runId, org.muwclass.classification.ClassificationOutput output,
                                  List<org.muwclass.core.model.SourceMeasurements> inputs) {
                table.put(runId, ClassifiedSourcesPublisher.rows(output, inputs));
                return "fake";
            }

            @Override
            public void withdraw(String runId) {
                table.remove(runId);
            }
        };
        manager.close();
        JobFiles files = new JobFiles(dir.resolve("jobs2"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new ClassifyJobKind(100, 1000, fake)),
                new JobLimits(1, 10, Duration.ofSeconds(600), Duration.ofSeconds(600), Duration.ofDays(1),
                        Duration.ofSeconds(60), Duration.ofSeconds(3600)), Clock.systemUTC());
        manager.start();
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "2", "TREES", "5", "EBV", "none",
                "PUBLISH", "yes"), List.of(upload("INPUT", "two.csv", "text/csv", tdRows(1, 3))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        List<java.util.Map<String, Object>> rows = table.get(job.id());
        assertEquals(2, rows.size());
        java.util.Map<String, Object> first = rows.get(0);
        assertEquals("2CXO J000009.3+135618", first.get("name"));
        assertEquals(4e-15 + 5e-16, (Double) first.get("flux_b"), 1e-27, "Fs + Fm + Fh of the TD row");
        assertEquals((2e-15 - 5e-16) / (2e-15 + 5e-16), (Double) first.get("hr_hm"), 1e-12);
        assertEquals(18.494, (Double) first.get("gmag"), 0.0);
        assertTrue(!first.containsKey("jmag"), "missing magnitude is NULL");
        assertTrue(first.containsKey("p_hm_star") && first.containsKey("class") && first.containsKey("ct"));
        // TD rows are training sources: published with the result's flags (TRAINING_OVERLAP=loo by default)
        assertEquals("2CXO J000009.3+135618", first.get("training_name"));
        assertEquals("AGN", first.get("training_class"));
        assertEquals("training_source_loo", first.get("input_flag"));
        manager.delete(ClassifyJobKind.NAME, job.id(), null);
        assertTrue(table.isEmpty(), "rows withdrawn with the job");
    }

    @Test
    void nhColumnGivesTheEbvUsed() throws Exception {
        String[] lines = new String(tdRows(1, 3), StandardCharsets.UTF_8).split("\n");
        String csv = lines[0] + ",NH\n" + lines[1] + ",6.851e21\n" + lines[2] + ",6.851e20\n";
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "1", "TREES", "3", "EBV", "nh-column"),
                List.of(upload("INPUT", "nh.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        List<ClassifiedSource> rows = ClassificationTable.read(TableFiles.read(manager.resultFile(job, "result"),
                TableFormat.VOTABLE));
        assertEquals(1.0, rows.get(0).ebvMag(), 1e-12, "N_H 6.851e21 cm^-2 is E(B-V) 1 mag");
        assertEquals(0.1, rows.get(1).ebvMag(), 1e-12);
        assertEquals(2 * forestMs(3), job.progress().total(), 1, "two E(B-V) bins x 1 draw: 2 forests' core-ms");

        String negative = failsAtExecution(DaliParameters.of("EBV", "nh-column"), upload("INPUT", "nh.csv", null,
                (lines[0] + ",NH\n" + lines[1] + ",-5\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("Parameter INPUT: Column 'NH', row 1: -5.0 (cm^-2) is out of range; allowed 0..1e25 cm^-2"
                + " (EBV=nh-column)", negative);
        String none = failsAtExecution(DaliParameters.of("EBV", "nh-column"), upload("INPUT", "t.csv", null,
                tdRows(1, 2)));
        assertTrue(none.startsWith("Parameter EBV: 'nh-column' is not allowed; expected an INPUT with"
                + " an N_H column"), none);
    }

    @Test
    void perObservationInputIsRecognisedAndEstimated() throws Exception {
        Path demo = Path.of(getClass().getResource("/muwclass/demo/NGC3532/NGC3532_per.csv").toURI()).getParent();
        List<UploadedFile> files = new ArrayList<>();
        files.add(upload("INPUT", "NGC3532_per.csv", "text/csv", Files.readAllBytes(demo.resolve("NGC3532_per.csv"))));
        for (String cat : List.of("gaia", "2mass", "allwise", "catwise", "unwise")) {
            files.add(upload(cat.toUpperCase(java.util.Locale.ROOT), "NGC3532_" + cat + ".csv", "text/csv",
                    Files.readAllBytes(demo.resolve("NGC3532_" + cat + ".csv"))));
        }
        JobRecord job = manager.create(ClassifyJobKind.NAME, ANON, DaliParameters.of("DRAWS", "10"), files);
        assertEquals(ExecutionPhase.PENDING, job.phase());
        assertNull(job.estimate(), "the input is not read in the request thread, so no estimate yet");
        assertTrue(manager.quote(job).isEmpty());
        assertEquals(6, job.uploads().size());
        long until = System.currentTimeMillis() + 30_000;
        while (job.estimate() == null && System.currentTimeMillis() < until) {
            Thread.sleep(50);
            job = manager.get(ClassifyJobKind.NAME, job.id(), null);
        }
        assertTrue(job.estimate() != null && job.estimate().toMillis() > 0, "estimated in the background");
        assertTrue(manager.quote(job).isPresent(), "then quoted");
        ClassifyJobKind kind = new ClassifyJobKind(100, 1000, 2, "test");
        ClassifyPlan plan = kind.parse(job.input()); // what the worker does when the job starts
        assertEquals("detections", plan.prepared().shape().label());
        assertTrue(kind.estimate(plan).toMillis() > 0, "estimate " + kind.estimate(plan));
    }

    @Test
    void xrayNoiseIsAParameterSharedWithTheCli() throws Exception {
        assertEquals("Parameter XRAY_NOISE: 'both' is not allowed; expected one of shared, independent",
                refused(DaliParameters.of("XRAY_NOISE", "both"), upload("INPUT", "t.csv", null, tdRows(1, 3)))
                        .getMessage());
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "2", "TREES", "3", "EBV", "none",
                "XRAY_NOISE", "independent"), List.of(upload("INPUT", "two.csv", "text/csv", tdRows(1, 3))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        String xml = Files.readString(manager.resultFile(job, "result"));
        assertTrue(xml.contains("<INFO name=\"xray_noise\" value=\"independent\"/>"), "recorded");
        assertTrue(xml.contains("<INFO name=\"ebv_source\" value=\"none\"/>"), "E(B-V) source recorded");
    }

    @Test
    void cscNhGalIsReadIn1e20PerSquareCentimetre() throws Exception {
        String[] lines = new String(tdRows(1, 2), StandardCharsets.UTF_8).split("\n");
        String csv = lines[0] + ",nh_gal\n" + lines[1] + ",68.51\n";
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "1", "TREES", "3", "EBV", "nh-column"),
                List.of(upload("INPUT", "csc.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        ClassifiedSource row = ClassificationTable.read(TableFiles.read(manager.resultFile(job, "result"),
                TableFormat.VOTABLE)).get(0);
        assertEquals(1.0, row.ebvMag(), 1e-12, "68.51e20 cm^-2 / 6.851e21");
        assertEquals("nh-column", row.ebvOrigin());
    }

    /** Issue 17 item 5: the tables are read once per job, and the estimate and the execution share one plan. */
    @Test
    void inputsAreReadOnceAndThePlanIsBuiltOnce() throws Exception {
        JobRecord job = manager.create(ClassifyJobKind.NAME, ANON, DaliParameters.of("DRAWS", "2", "TREES", "3"),
                List.of(upload("INPUT", "two.csv", "text/csv", tdRows(1, 3))));
        ClassifyJobKind kind = new ClassifyJobKind(100, 1000, 1, "test");
        ClassifyPlan first = kind.parse(job.input());
        ClassifyPlan second = kind.parse(job.input());
        assertTrue(first.prepared() == second.prepared(), "the second parse reuses the first read");
        assertTrue(first.prepared().plan() == second.prepared().plan(), "one core plan");
        ClassifyPlan other = kind.parse(new org.muwclass.service.uws.JobInput(DaliParameters.of("DRAWS", "3", "TREES",
                "3"), job.input().uploads()));
        assertTrue(other.prepared() != first.prepared(), "other options, another read");
    }

    @Test
    void theOperatorsDustMapIsUsedAndRecorded() throws Exception {
        // a constant HEALPix map at NSIDE 1: every source gets 0.86 x 0.5 mag from it
        Path map = dir.resolve("const_nside1.fits");
        Files.write(map, org.muwclass.core.physics.SyntheticMaps.constantHealpix(0.5f));
        manager.close();
        JobFiles files = new JobFiles(dir.resolve("jobs3"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new ClassifyJobKind(100, 1000, 1, "test",
                new DustMapSetting(map.toString(), 0.86))), new JobLimits(1, 10, Duration.ofSeconds(600),
                Duration.ofSeconds(600), Duration.ofDays(1), Duration.ofSeconds(60), Duration.ofSeconds(3600)),
                Clock.systemUTC());
        manager.start();
        JobRecord job = runToEnd(DaliParameters.of("PHASE", "RUN", "DRAWS", "1", "TREES", "3", "EBV", "dust-map"),
                List.of(upload("INPUT", "two.csv", "text/csv", tdRows(1, 3))));
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        List<ClassifiedSource> rows = ClassificationTable.read(TableFiles.read(manager.resultFile(job, "result"),
                TableFormat.VOTABLE));
        assertEquals(0.86 * 0.5f, rows.get(0).ebvMag(), 1e-12);
        assertEquals("dust-map", rows.get(1).ebvOrigin());
        String xml = Files.readString(manager.resultFile(job, "result"));
        assertTrue(xml.contains("<INFO name=\"dust_map\" value=\"const_nside1.fits\"/>"), "map name");
        assertTrue(xml.contains("<INFO name=\"dust_map_format\" value=\"HEALPix NSIDE 1 RING\"/>"), "format");
        assertTrue(xml.contains("<INFO name=\"dust_map_sha256\" value=\""
                + org.muwclass.tables.Checksums.sha256(map) + "\"/>"), "checksum");
        assertEquals("muwclass.classify.dust-map: '" + dir.resolve("none.fits") + "' is not a readable file (one"
                + " HEALPix FITS file, or the Lambert pair north,south)", assertThrows(IllegalArgumentException.class,
                        () -> new DustMapSetting(dir.resolve("none.fits").toString(), 0.86)).getMessage());
    }

    /** Two members build the job's plan from the stored input: same units, and units run on one merge on the other. */
    @Test
    void membersBuildTheSamePlanFromTheStoredInput() throws Exception {
        JobRecord job = manager.create(ClassifyJobKind.NAME, ANON, DaliParameters.of("DRAWS", "3", "TREES", "3",
                "EBV", "none"), List.of(upload("INPUT", "two.csv", "text/csv", tdRows(1, 3))));
        org.muwclass.core.pipeline.ClassificationPlan a = new ClassifyJobKind(100, 1000, 1, "a").plan(job.input());
        org.muwclass.core.pipeline.ClassificationPlan b = new ClassifyJobKind(100, 1000, 2, "b").plan(job.input());
        assertEquals(a.units(), b.units());
        List<org.muwclass.core.aggregate.ProbabilityAccumulator> fromB = new ArrayList<>();
        for (int u = 0; u < b.unitCount(); u++) {
            fromB.add(b.runUnit(u));
        }
        org.muwclass.core.pipeline.ClassificationResult merged = a.assemble(fromB);
        org.muwclass.core.pipeline.ClassificationResult local = a.execute(
                org.muwclass.core.pipeline.UnitExecutor.local(1, null),
                org.muwclass.core.pipeline.ProgressListener.NONE);
        for (int i = 0; i < local.sources().size(); i++) {
            assertArrayEquals(local.sources().get(i).probabilities().mean(),
                    merged.sources().get(i).probabilities().mean(), "source " + i);
            assertArrayEquals(local.sources().get(i).probabilities().std(),
                    merged.sources().get(i).probabilities().std(), "source " + i);
        }
    }
}
