package org.muwclass.service.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.training.InputUnits;
import org.muwclass.service.uws.Caller;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.service.uws.JobStore;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.ac.starlink.table.StarTable;

/**
 * Issue 14 items 3 and 4 through the UWS job: inputs that cannot be misread (units, plausible ranges, rows without
 * X-ray flux) are refused with one message naming row, column, value and unit, or returned flagged; training sources
 * among the targets are flagged with their literature class; the reader's warnings reach the provenance.
 */
class ClassifyJobInputsTest {

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private JobManager manager;

    /** TD.csv: header and the first rows (all training sources, the first two AGN). */
    private static List<String> td;

    @BeforeEach
    void start() throws Exception {
        td = Files.readAllLines(Path.of(ClassifyJobInputsTest.class.getResource("/muwclass/TD.csv").toURI()),
                StandardCharsets.UTF_8).subList(0, 4);
        pool = JdbcConnectionPool.create("jdbc:h2:mem:inputs" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE",
                "sa", "");
        JobFiles files = new JobFiles(dir.resolve("jobs"));
        manager = new JobManager(new JobStore(pool, files), files, List.of(new ClassifyJobKind(100, 1000, 1, "test")),
                new JobLimits(1, 10, Duration.ofSeconds(600), Duration.ofSeconds(600), Duration.ofDays(1),
                        Duration.ofSeconds(60), Duration.ofSeconds(3600)), Clock.systemUTC());
        manager.start();
    }

    @AfterEach
    void stop() {
        manager.close();
        pool.dispose();
    }

    /** TD row {@code r} (1-based) with the cells of the named columns replaced. */
    private static String row(int r, Map<String, String> replaced) {
        List<String> header = List.of(td.get(0).split(",", -1));
        String[] cells = td.get(r).split(",", -1);
        replaced.forEach((column, value) -> cells[header.indexOf(column)] = value);
        return String.join(",", cells);
    }

    private UploadedFile upload(String fileName, String content) throws Exception {
        Path staging = manager.files().newStagingDirectory();
        Path f = Files.writeString(staging.resolve("INPUT"), content);
        return new UploadedFile("INPUT", fileName, null, f, Files.size(f));
    }

    /** Estimated core-ms of one fastrf training draw on the shipped TD, which is how jobInfo counts progress. */
    private static double forestMs(int trees) {
        return 1000 * org.muwclass.core.pipeline.CostModel.reference("fastrf", trees).secondsPerForest(2941);
    }

    private JobRecord run(String csv, String... parameters) throws Exception {
        List<String> kv = new ArrayList<>(List.of("PHASE", "RUN", "DRAWS", "2", "TREES", "5", "SEED", "3", "EBV",
                "none"));
        kv.addAll(List.of(parameters));
        JobRecord job = manager.create(ClassifyJobKind.NAME, Caller.anonymous("127.0.0.1"),
                DaliParameters.of(kv.toArray(new String[0])), List.of(upload("in.csv", csv)));
        while (job.phase().isActive()) {
            job = manager.await(ClassifyJobKind.NAME, job.id(), null, Duration.ofSeconds(60), null);
        }
        return job;
    }

    private String error(String csv, String... parameters) throws Exception {
        JobRecord job = run(csv, parameters);
        assertEquals(ExecutionPhase.ERROR, job.phase(), "the job fails at execution");
        return job.error().message();
    }

    private StarTable result(JobRecord job) throws Exception {
        assertEquals(ExecutionPhase.COMPLETED, job.phase(), String.valueOf(job.error()));
        return TableFiles.read(manager.resultFile(job, "result"), TableFormat.VOTABLE);
    }

    private static Object cell(StarTable t, long row, String column) throws Exception {
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (t.getColumnInfo(c).getName().equals(column)) {
                return t.getCell(row, c);
            }
        }
        throw new AssertionError("no column " + column);
    }

    private Map<String, String> infos(JobRecord job) throws Exception {
        NodeList infos = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(manager.resultFile(job, "result").toFile()).getElementsByTagName("INFO");
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < infos.getLength(); i++) {
            Element e = (Element) infos.item(i);
            m.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        return m;
    }

    @Test
    void implausibleFluxIsRefusedNamingRowColumnValueAndUnit() throws Exception {
        String csv = td.get(0) + "\n" + td.get(1) + "\n" + row(2, Map.of("Fm", "2.9e-3")) + "\n";
        assertEquals("Parameter INPUT: Column 'Fm', row 2: 0.0029 is out of range; allowed > 0 and < 1e-6"
                + " erg/s/cm2", error(csv));
    }

    @Test
    void photonFluxUnitIsRefusedNamingColumnAndUnit() throws Exception {
        StringBuilder vot = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" xmlns="
                + "\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
                + "<FIELD name=\"name\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\"/>"
                + "<FIELD name=\"dec\" datatype=\"double\" unit=\"deg\"/>");
        for (String c : new String[] {"Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh"}) {
            vot.append("<FIELD name=\"").append(c).append("\" datatype=\"double\" unit=\"photon/cm2/s\"/>");
        }
        vot.append("<DATA><TABLEDATA><TR><TD>s1</TD><TD>83.1</TD><TD>-5.2</TD><TD>3e-6</TD><TD>4e-7</TD>"
                + "<TD>5e-6</TD><TD>6e-7</TD><TD>9e-6</TD><TD>1e-6</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>"
                + "</VOTABLE>");
        JobRecord job = manager.create(ClassifyJobKind.NAME, Caller.anonymous("127.0.0.1"),
                DaliParameters.of("PHASE", "RUN", "DRAWS", "2", "TREES", "5"), List.of(upload("in.vot",
                        vot.toString())));
        while (job.phase().isActive()) {
            job = manager.await(ClassifyJobKind.NAME, job.id(), null, Duration.ofSeconds(60), null);
        }
        assertEquals(ExecutionPhase.ERROR, job.phase());
        assertEquals("Parameter INPUT: Column 'Fs' has unit 'photon/cm2/s': photon or count fluxes cannot be"
                + " converted to energy fluxes without a spectral model; accepted: " + InputUnits.FLUX_UNITS,
                job.error().message());
    }

    @Test
    void anAvColumnIsNotTakenForEbv() throws Exception {
        String csv = td.get(0) + ",A_V\n" + td.get(1) + ",3.1\n";
        assertEquals("Parameter INPUT: Column 'A_V' looks like the visual extinction A_V, which is not E(B-V);"
                + " give E(B-V) in mag in a column named ebv, E(B-V), E_BV, EBV (E(B-V) = A_V / 3.1), or rename"
                + " the column if it is not an extinction", error(csv));
    }

    @Test
    void aRowWithoutXrayFluxIsRefusedByDefaultAndFlaggedOnRequest() throws Exception {
        Map<String, String> blank = Map.of("Fs", "", "e_Fs", "", "Fm", "", "e_Fm", "", "Fh", "", "e_Fh", "");
        String csv = td.get(0) + "\n" + td.get(1) + "\n" + row(2, blank) + "\n" + td.get(3) + "\n";
        assertEquals("Parameter INPUT: Row 2 ('2CXO J000230.7+004959'): no X-ray flux; Fs, e_Fs, Fm, e_Fm, Fh, e_Fh"
                + " are all empty, and a source needs a flux in at least one band (or NO_XRAY=flag, --no-xray flag in"
                + " the CLI, to return such rows unclassified)", error(csv));

        JobRecord job = run(csv, "NO_XRAY", "flag");
        StarTable t = result(job);
        assertEquals(3, t.getRowCount(), "the unclassified row stays in the table");
        assertEquals("2CXO J000230.7+004959", cell(t, 1, "name"), "at its input position");
        assertEquals("no_xray", cell(t, 1, "input_flag"));
        assertNull(cell(t, 1, "Class"), "not classified");
        assertTrue(Double.isNaN(((Number) cell(t, 1, "P_AGN")).doubleValue()), "no probabilities");
        assertEquals(0.6279737, ((Number) cell(t, 1, "ra")).doubleValue(), 0.0);
        assertEquals("training_source_loo", cell(t, 0, "input_flag"), "classified rows keep their flags");
        Map<String, String> info = infos(job);
        assertEquals("flag", info.get("no_xray"));
        assertEquals("1", info.get("warnings.no_xray_unclassified"));
    }

    @Test
    void trainingSourcesAreFlaggedWithTheirLiteratureClassAndLeftOutByDefault() throws Exception {
        String stranger = row(3, Map.of("CSCv2_name", "2CXO J999999.9+000000", "CSCv2_RA", "200.5",
                "CSCv2_DEC", "-40.25"));
        String csv = td.get(0) + "\n" + td.get(1) + "\n" + td.get(2) + "\n" + stranger + "\n";
        JobRecord loo = run(csv);
        StarTable t = result(loo);
        assertEquals(3, t.getRowCount());
        assertEquals("2CXO J000009.3+135618", cell(t, 0, "training_name"));
        assertEquals("AGN", cell(t, 0, "training_class"), "the literature class (True_Class)");
        assertEquals("training_source_loo", cell(t, 0, "input_flag"));
        assertEquals("training_source_loo", cell(t, 1, "input_flag"));
        assertNull(cell(t, 2, "training_name"), "not a training source");
        assertNull(cell(t, 2, "training_class"));
        assertNull(cell(t, 2, "input_flag"));
        Map<String, String> info = infos(loo);
        assertEquals("loo", info.get("training_overlap"));
        assertEquals("2", info.get("training_sources_matched"));

        JobRecord kept = run(csv, "TRAINING_OVERLAP", "keep");
        StarTable k = result(kept);
        assertEquals("training_source", cell(k, 0, "input_flag"));
        assertEquals("AGN", cell(k, 0, "training_class"));
        assertEquals("keep", infos(kept).get("training_overlap"));
        // one E(B-V) task (EBV=none) x 2 draws; leave-one-out trains the two training sources' forests apart.
        // Progress counts estimated core-ms, nearly all of it training (predictions of 3 rows: ~0.004 ms)
        assertEquals(4 * forestMs(5), loo.progress().total(), 1, "4 forests trained with TRAINING_OVERLAP=loo");
        assertEquals(2 * forestMs(5), kept.progress().total(), 1, "2 forests trained with TRAINING_OVERLAP=keep");
        assertEquals(cell(t, 2, "P_AGN"), cell(k, 2, "P_AGN"), "the other target is classified as before");
    }

    @Test
    void theReadersRepairsAreCountedInTheProvenance() throws Exception {
        // row 2 of TD has Hmag and Kmag without errors; row 1 gets an undetected hard band
        String csv = td.get(0) + "\n" + row(1, Map.of("Fh", "", "e_Fh", "")) + "\n" + td.get(2) + "\n";
        Map<String, String> info = infos(run(csv));
        assertEquals("2", info.get("warnings.magnitude_without_error"));
        assertEquals("1", info.get("warnings.undetected_band_filled"));
        assertNull(info.get("warnings.no_xray_unclassified"), "only kinds that occurred");
        assertEquals("refuse", info.get("no_xray"));
    }

    @Test
    void nhColumnIsReadInItsUnitAndAFlaggedRowNeedsNoNh() throws Exception {
        Map<String, String> blank = Map.of("Fs", "", "e_Fs", "", "Fm", "", "e_Fm", "", "Fh", "", "e_Fh", "");
        String csv = td.get(0) + ",nh_gal\n" + td.get(1) + ",68.51\n" + row(2, blank) + ",\n" + td.get(3)
                + ",6.851\n";
        StarTable t = result(run(csv, "EBV", "nh-column", "NO_XRAY", "flag"));
        assertEquals(1.0, ((Number) cell(t, 0, "ebv")).doubleValue(), 1e-12, "68.51 x 1e20 cm^-2 / 6.851e21");
        assertEquals("no_xray", cell(t, 1, "input_flag"));
        assertEquals(0.1, ((Number) cell(t, 2, "ebv")).doubleValue(), 1e-12, "the third input row's N_H");

        String tiny = td.get(0) + ",NH\n" + td.get(1) + ",68.51\n";
        assertEquals("Parameter INPUT: Column 'NH', row 1: 68.51 (cm^-2) is below 1e17 cm^-2, less than any Galactic"
                + " line of sight; declare the column's unit (e.g. 1e20 cm-2) or give N_H in cm^-2 (EBV=nh-column)",
                error(tiny, "EBV", "nh-column"));
    }
}
