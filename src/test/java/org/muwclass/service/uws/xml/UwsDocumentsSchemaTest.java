package org.muwclass.service.uws.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.service.uws.ErrorSummary;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.Progress;
import org.muwclass.service.uws.ResultInfo;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.testsupport.XmlSchemas;
import org.xml.sax.SAXException;

/** Every UWS document the service writes validates against UWS-v1.1.xsd. */
class UwsDocumentsSchemaTest {

    private static final String URL = "http://127.0.0.1:8080/classify/abcdefghijklmnopqrstuv";
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = XmlSchemas.forNamespace(UwsNamespaces.UWS);
    }

    private static JobRecord pending() {
        return new JobRecord("abcdefghijklmnopqrstuv", "classify", null, null, ExecutionPhase.PENDING,
                Instant.parse("2026-11-25T12:00:00Z"), null, null, Duration.ofSeconds(3600),
                Instant.parse("2026-12-02T12:00:00Z"), null, null, Progress.NONE, DaliParameters.EMPTY,
                List.of(), List.of());
    }

    private static JobRecord failed() {
        return new JobRecord("abcdefghijklmnopqrstuv", "classify", "my run <1>", "alice", ExecutionPhase.ERROR,
                Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T12:00:01Z"),
                Instant.parse("2026-11-25T12:00:05.250Z"), Duration.ZERO, Instant.parse("2026-12-02T12:00:00Z"),
                Duration.ofSeconds(4), ErrorSummary.fatal("Column 'flux_s', row 3: -1 is not allowed"),
                new Progress(30, 100), DaliParameters.of("DRAWS", "100", "SEED", "42"),
                List.of(new UploadedFile("INPUT", "field.vot", "application/x-votable+xml", Path.of("x"), 10)),
                List.of(new ResultInfo("result", "application/x-votable+xml", 1234),
                        new ResultInfo("summary.png", "image/png", 99)));
    }

    private static JobRecord executing(Progress progress) {
        return new JobRecord("abcdefghijklmnopqrstuv", "classify", null, "alice", ExecutionPhase.EXECUTING,
                Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T12:00:01Z"), null,
                Duration.ofSeconds(3600), Instant.parse("2026-12-02T12:00:00Z"), null, null, progress,
                DaliParameters.EMPTY, List.of(), List.of());
    }

    private static String xml(Object doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UwsDocuments.write(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void pendingJobWithNullsIsValid() throws Exception {
        String xml = xml(UwsDocuments.job(pending(), URL, null));
        validate(xml);
        assertTrue(xml.contains("xsi:nil=\"true\""), "ownerId/startTime/endTime are nil: " + xml);
        assertTrue(xml.contains("version=\"1.1\""), xml);
    }

    @Test
    void failedJobWithEverythingIsValid() throws Exception {
        String xml = xml(UwsDocuments.job(failed(), URL, Instant.parse("2026-11-25T12:00:04Z")));
        validate(xml);
        assertTrue(xml.contains("<uws:errorSummary type=\"fatal\" hasDetail=\"true\">"), xml);
        assertTrue(xml.contains("xlink:href=\"" + URL + "/results/summary.png\""), xml);
        assertFalse(xml.contains("jobInfo"), "no jobInfo once the job has ended (pyvo warns about any): " + xml);
        assertTrue(xml.contains("<uws:endTime>2026-11-25T12:00:05.250Z</uws:endTime>"), xml);
    }

    @Test
    void listResultsAndParametersAreValid() throws Exception {
        validate(xml(UwsDocuments.jobs(List.of(pending(), failed()), "http://127.0.0.1:8080/classify")));
        validate(xml(UwsDocuments.jobs(List.of(), "http://127.0.0.1:8080/classify")));
        validate(xml(UwsDocuments.results(failed(), URL)));
        validate(xml(UwsDocuments.parameters(failed())));
    }

    @Test
    void jobRefPointsAtTheJob() throws Exception {
        String xml = xml(UwsDocuments.jobs(List.of(failed()), "http://h/classify"));
        assertTrue(xml.contains("id=\"abcdefghijklmnopqrstuv\""), xml);
        assertTrue(xml.contains("xlink:href=\"http://h/classify/abcdefghijklmnopqrstuv\""), xml);
    }

    @Test
    void validatorRejectsAnInvalidDocument() {
        // guards against a validator that accepts anything: phase must be one of the enumeration
        String bad = "<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\"><uws:jobref id=\"a\">"
                + "<uws:phase>RUNNING</uws:phase></uws:jobref></uws:jobs>";
        assertThrows(SAXException.class, () -> validate(bad));
    }

    @Test
    void unmarshalRoundTrip() throws Exception {
        String xml = xml(UwsDocuments.job(failed(), URL, null));
        JobElement back = (JobElement) UwsDocuments.context().createUnmarshaller()
                .unmarshal(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertEquals("ERROR", back.phase, "phase");
        assertEquals("alice", back.ownerId, "owner");
        assertEquals(2, back.results.result.size(), "results");
        assertNull(back.jobInfo, "no jobInfo after the end");
    }

    @Test
    void runningJobShowsItsProgressInJobInfo() throws Exception {
        String xml = xml(UwsDocuments.job(executing(new Progress(30, 100)), URL, null));
        validate(xml);
        assertTrue(xml.replaceAll(">\\s+<", "><")
                .contains("<uws:jobInfo><muw:progress done=\"30\" total=\"100\" fraction=\"0.3\"/></uws:jobInfo>"), xml);
        JobElement back = (JobElement) UwsDocuments.context().createUnmarshaller()
                .unmarshal(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertEquals(30, back.jobInfo.progress.done, "progress");
    }

    @Test
    void jobsWithoutAKnownTotalHaveNoJobInfo() throws Exception {
        // TAP jobs report no progress: their documents (what taplint and pyvo's AsyncTAPJob read) have no jobInfo
        assertFalse(xml(UwsDocuments.job(executing(Progress.NONE), URL, null)).contains("jobInfo"));
        assertFalse(xml(UwsDocuments.job(pending(), URL, null)).contains("jobInfo"));
    }
}
