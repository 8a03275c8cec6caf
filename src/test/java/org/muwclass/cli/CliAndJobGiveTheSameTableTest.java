package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.pipeline.Provenance;
import org.muwclass.service.classify.ClassifyJobKind;
import org.muwclass.service.uws.Caller;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobStore;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.ac.starlink.table.StarTable;

/**
 * Issue 14 item 5: the CLI ({@code muwclass classify}) and the UWS job ({@code /classify}) are one classification
 * service, so the same input, seed and settings give bit-identical result tables, whatever the thread counts, and the
 * same provenance apart from the run-specific facts (times, job id).
 */
class CliAndJobGiveTheSameTableTest {

    /** Provenance facts that differ between two runs by design. */
    private static final Set<String> RUN_SPECIFIC = Set.of("started_utc", "finished_utc", "job_id",
            "quote_speed_factor");

    @TempDir
    Path dir;

    /** The SHA-256 the job store recorded for the job's INPUT upload. */
    private String jobUploadSha256;

    @Test
    void sameInputSeedAndSettingsGiveBitIdenticalRowsAndFlags() throws Exception {
        // six TD sources; rows without an ebv value take the dust map, the others their table value
        List<String> td = Files.readAllLines(Path.of(getClass().getResource("/muwclass/TD.csv").toURI()),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(td.get(0) + ",ebv"));
        for (int r = 1; r <= 6; r++) {
            lines.add(td.get(r) + (r % 2 == 1 ? ",0.3" : ","));
        }
        // a seventh row without any X-ray flux (returned unclassified), an eighth that is not a training source
        List<String> header = List.of(td.get(0).split(",", -1));
        String[] noXray = td.get(7).split(",", -1);
        for (String c : List.of("Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh")) {
            noXray[header.indexOf(c)] = "";
        }
        lines.add(String.join(",", noXray) + ",");
        String[] stranger = td.get(8).split(",", -1);
        stranger[header.indexOf("CSCv2_name")] = "2CXO J999999.9+000000";
        stranger[header.indexOf("CSCv2_RA")] = "200.5";
        stranger[header.indexOf("CSCv2_DEC")] = "-40.25";
        lines.add(String.join(",", stranger) + ",0.3");
        Path input = Files.writeString(dir.resolve("eight.csv"), String.join("\n", lines) + "\n");
        String[][] settings = {{"DRAWS", "4"}, {"TREES", "5"}, {"SEED", "11"}, {"TARGETS_PER_FOREST", "2"},
            {"XRAY_NOISE", "independent"}, {"EBV", "table-else-dust-map"}, {"CT_THRESHOLD", "1.5"},
            {"NO_XRAY", "flag"}, {"TRAINING_OVERLAP", "loo"}};

        Path cliOut = dir.resolve("cli.vot");
        List<String> args = new ArrayList<>(List.of("classify", "--input", input.toString(), "--output",
                cliOut.toString(), "--threads", "2"));
        for (String[] s : settings) {
            args.add("--" + s[0].toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            args.add(s[1]);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        assertEquals(0, new Main(new LocalPipeline(), console, false).run(args.toArray(new String[0])),
                err.toString(StandardCharsets.UTF_8));

        Path jobOut = runJob(settings, input);

        StarTable cliTable = TableFiles.read(cliOut, TableFormat.VOTABLE);
        List<List<Object>> cli = cells(cliTable);
        List<List<Object>> job = cells(TableFiles.read(jobOut, TableFormat.VOTABLE));
        assertEquals(8, cli.size());
        assertEquals(cli, job, "bit-identical rows (Double.equals on every value), flags included");
        assertEquals(List.of("table", "dust-map", "table", "dust-map", "table", "dust-map"),
                cli.subList(0, 6).stream().map(r -> r.get(column(cliTable, "ebv_origin"))).toList(),
                "E(B-V) origin per source");
        assertEquals(0.3, (Double) cli.get(0).get(column(cliTable, "ebv")), 0.0, "the table's value");
        List<Object> flags = cli.stream().map(r -> r.get(column(cliTable, "input_flag"))).toList();
        assertEquals(java.util.Arrays.asList("training_source_loo", "training_source_loo", "training_source_loo",
                "training_source_loo", "training_source_loo", "training_source_loo", "no_xray", null), flags);
        assertEquals(td.get(1).split(",")[0], cli.get(0).get(column(cliTable, "training_name")));

        Map<String, String> cliFacts = infos(cliOut);
        Map<String, String> jobFacts = infos(jobOut);
        assertEquals("independent", cliFacts.get("xray_noise"));
        assertEquals("1.5", cliFacts.get("ct_threshold"));
        assertEquals("dust_ebv_SFD_healpix_lowres.fits", cliFacts.get("dust_map"));
        assertEquals("1", cliFacts.get("warnings.no_xray_unclassified"));
        assertEquals("6", cliFacts.get("training_sources_matched"));
        // the input's checksum: of the file the CLI read, of the bytes the job received at creation
        String expectedSha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(input)));
        // pinned: the eight rows above, built from the shipped TD.csv (sha256sum of the file gives the same)
        assertEquals("90c3173a5be84c6957f2a3eb1c62528f624090de62923dbae452fbae7947ded5", expectedSha256, "the test input's bytes");
        assertEquals(expectedSha256, cliFacts.get("input_sha256"));
        assertEquals(expectedSha256, jobFacts.get("input_sha256"));
        assertEquals(expectedSha256, jobUploadSha256, "recorded with the job's upload when it was created");
        assertEquals("1.000", jobFacts.get("quote_speed_factor"), "a private pool: the estimate as it is");
        RUN_SPECIFIC.forEach(k -> {
            cliFacts.remove(k);
            jobFacts.remove(k);
        });
        assertEquals(cliFacts, jobFacts, "same provenance apart from times and job id");
    }

    private Path runJob(String[][] settings, Path input) throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:same" + System.nanoTime()
                + ";DATABASE_TO_LOWER=TRUE", "sa", "");
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        JobManager manager = new JobManager(new JobStore(pool, files), files, List.of(new ClassifyJobKind(100, 1000,
                1, "MUWCLASS-VO " + Provenance.softwareVersion())), new JobLimits(1, 10, Duration.ofSeconds(600),
                Duration.ofSeconds(600), Duration.ofDays(1), Duration.ofSeconds(60), Duration.ofSeconds(3600)),
                Clock.systemUTC());
        try {
            manager.start();
            List<String> kv = new ArrayList<>(List.of("PHASE", "RUN"));
            for (String[] s : settings) {
                kv.addAll(List.of(s));
            }
            Path staging = manager.files().newStagingDirectory();
            Path copy = Files.copy(input, staging.resolve("INPUT"));
            UploadedFile upload = new UploadedFile("INPUT", "eight.csv", "text/csv", copy, Files.size(copy));
            JobRecord job = manager.create(ClassifyJobKind.NAME, Caller.anonymous("127.0.0.1"),
                    DaliParameters.of(kv.toArray(new String[0])), List.of(upload));
            while (job.phase().isActive()) {
                job = manager.await(ClassifyJobKind.NAME, job.id(), null, Duration.ofSeconds(60), null);
            }
            assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
            jobUploadSha256 = job.input().uploads().get("INPUT").sha256();
            return Files.copy(manager.resultFile(job, "result"), dir.resolve("job.vot"));
        } finally {
            manager.close();
            pool.dispose();
        }
    }

    private static List<List<Object>> cells(StarTable t) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (long r = 0; r < t.getRowCount(); r++) {
            rows.add(java.util.Arrays.asList(t.getRow(r)));
        }
        return rows;
    }

    private static int column(StarTable t, String name) {
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (t.getColumnInfo(c).getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static Map<String, String> infos(Path votable) throws Exception {
        NodeList infos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(votable.toFile())
                .getElementsByTagName("INFO");
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < infos.getLength(); i++) {
            Element e = (Element) infos.item(i);
            m.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        return m;
    }
}
