package org.muwclass.service.uws.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.muwclass.service.uws.ErrorSummary;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.Progress;
import org.w3c.dom.Document;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/** UWS documents replace what XML cannot carry ({@link org.muwclass.tables.XmlText#clean}). */
class WellFormedUwsDocumentsTest {

    /** A stored job with control characters everywhere still gives well-formed job and list documents. */
    @Test
    void documentsStayWellFormed() throws Exception {
        JobRecord job = new JobRecord("abcdefghijklmnopqrstuv", "classify", "run\u0001\u0000x", "own\u0008er",
                ExecutionPhase.ERROR, Instant.parse("2026-11-25T12:00:00Z"), null, null, Duration.ZERO,
                Instant.parse("2026-12-02T12:00:00Z"), null, ErrorSummary.fatal("bad \u0002 value"), Progress.NONE,
                DaliParameters.of("P\u0003", "v\u0004"),
                List.of(new UploadedFile("INPUT", "f\u0005.vot", "text/xml", Path.of("x"), 1)), List.of());
        String jobXml = xml(UwsDocuments.job(job, "http://h/classify/abcdefghijklmnopqrstuv", null));
        String listXml = xml(UwsDocuments.jobs(List.of(job), "http://h/classify"));
        Document d = parse(jobXml);
        assertTrue(jobXml.contains("run\uFFFD\uFFFDx"), jobXml);
        assertEquals(1, d.getElementsByTagNameNS(UwsNamespaces.UWS, "job").getLength());
        assertEquals(1, parse(listXml).getElementsByTagNameNS(UwsNamespaces.UWS, "jobref").getLength());
    }

    private static String xml(Object doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UwsDocuments.write(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
