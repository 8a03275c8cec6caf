package org.muwclass.service.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.muwclass.testsupport.XmlSchemas;

/**
 * UWS 1.1 behaviour of /classify in Payara Micro: creation, phases, WAIT, ABORT, execution duration, destruction,
 * DELETE, owner, list filters, parameters, results, errors, schema validity. Jobs are kept tiny (few sources,
 * EBV=none, few trees) so the test runs in a minute or two on a small machine.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClassifyUwsIT {

    private static final String UWS_NS = "http://www.ivoa.net/xml/UWS/v1.0";
    private static final String OWNER_HEADER = "X-Muwclass-Owner";
    /** muwclass.http.base.url of the instance (its default). */
    private static final String BASE_URL = "http://127.0.0.1:8080";
    /** Basic login of it-operator (src/test/resources/it-users.txt), who may publish. */
    private static final String OPERATOR = "Basic " + java.util.Base64.getEncoder().encodeToString(
            "it-operator:it-operator-pw".getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/muwclass-vo.war"));
    }

    @ArquillianResource
    URL deployed;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        String ctx = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return URI.create("http://127.0.0.1:" + deployed.getPort() + ctx + path);
    }

    /**
     * A URL the service wrote, redirected to the instance under test: the service writes URLs from
     * muwclass.http.base.url (default http://127.0.0.1:8080, never the Host header), while Arquillian picks the port.
     */
    private URI local(String url) {
        assertTrue(url.startsWith(BASE_URL + "/"), "written from muwclass.http.base.url: " + url);
        return uri(url.substring(BASE_URL.length() + 1));
    }

    private HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
        URI u = pathOrUrl.startsWith("http") ? local(pathOrUrl) : uri(pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(120)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form, String... headers)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        URI u = pathOrUrl.startsWith("http") ? local(pathOrUrl) : uri(pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** POST multipart: fields, then files (part name -> file name + content). */
    private HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files,
                                               String... headers) throws Exception {
        String boundary = "itBoundary" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((k, v) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\""
                    + k.toLowerCase() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(v);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] tdRows(int n) throws Exception {
        List<String> td = Files.readAllLines(Path.of(ClassifyUwsIT.class.getResource("/muwclass/TD.csv").toURI()),
                StandardCharsets.UTF_8);
        return (String.join("\n", td.subList(0, n + 1)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Creates a job and returns its URL. */
    private String create(Map<String, String> fields, int sources, String... headers) throws Exception {
        HttpResponse<String> r = postMultipart("classify", fields, Map.of("INPUT", tdRows(sources)), headers);
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/classify/[A-Za-z0-9_-]{22}"), location);
        return location;
    }

    private static Map<String, String> tiny(String... more) {
        Map<String, String> m = new LinkedHashMap<>(Map.of("DRAWS", "2", "TREES", "5", "EBV", "none"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    /** A job of 200 forests of 20 trees: minutes, so it is still executing when the test acts on it. */
    private static Map<String, String> slow(String... more) {
        Map<String, String> m = new LinkedHashMap<>(Map.of("DRAWS", "200", "TREES", "20", "EBV", "none"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    private static String phaseOf(String jobXml) {
        Matcher m = Pattern.compile("<uws:phase>([A-Z]+)</uws:phase>").matcher(jobXml);
        assertTrue(m.find(), jobXml);
        return m.group(1);
    }

    private String waitUntilFinal(String job, String... headers) throws Exception {
        long until = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < until) {
            HttpResponse<String> r = get(job + "?WAIT=30", headers);
            assertEquals(200, r.statusCode(), r.body());
            String phase = phaseOf(r.body());
            if (!List.of("PENDING", "QUEUED", "EXECUTING").contains(phase)) {
                return r.body();
            }
        }
        throw new AssertionError("job did not finish: " + job);
    }

    private String waitForPhase(String job, String phase) throws Exception {
        long until = System.currentTimeMillis() + 300_000;
        String body = get(job).body();
        while (!phaseOf(body).equals(phase) && System.currentTimeMillis() < until) {
            body = get(job + "?WAIT=10&PHASE=" + phaseOf(body)).body();
        }
        assertEquals(phase, phaseOf(body), body);
        return body;
    }

    @Test
    void pendingJobLifecycleWithSubResources() throws Exception {
        String job = create(tiny("RUNID", "it-run"), 3);
        String xml = get(job).body();
        XmlSchemas.validate(UWS_NS, xml);
        assertEquals("PENDING", phaseOf(xml));
        assertTrue(xml.contains("<uws:runId>it-run</uws:runId>"), xml);
        assertEquals("PENDING", get(job + "/phase").body());
        assertEquals("", get(job + "/owner").body());
        // the estimate needs the input, read in the background (not in the request thread): poll for the quote
        long quoteBy = System.currentTimeMillis() + 30_000;
        while (get(job + "/quote").body().isEmpty() && System.currentTimeMillis() < quoteBy) {
            Thread.sleep(100);
        }
        assertFalse(get(job + "/quote").body().isEmpty(), "quote from the estimate");
        assertEquals(404, get(job + "/error").statusCode());

        assertEquals(303, postForm(job + "/executionduration", Map.of("EXECUTIONDURATION", "120")).statusCode());
        assertEquals("120", get(job + "/executionduration").body());
        String when = Instant.now().plus(Duration.ofDays(2)).toString();
        assertEquals(303, postForm(job + "/destruction", Map.of("DESTRUCTION", when)).statusCode());
        assertEquals(Instant.parse(when).toEpochMilli(), Instant.parse(get(job + "/destruction").body()).toEpochMilli());

        assertEquals(303, postForm(job + "/parameters", Map.of("SEED", "99")).statusCode());
        String params = get(job + "/parameters").body();
        XmlSchemas.validate(UWS_NS, params);
        assertTrue(params.contains("<uws:parameter id=\"SEED\">99</uws:parameter>"), params);
        assertTrue(params.contains("id=\"INPUT\""), params);
        HttpResponse<String> bad = postForm(job + "/parameters", Map.of("DRAWS", "0"));
        assertEquals(400, bad.statusCode());
        assertEquals("Parameter DRAWS: '0' is not allowed; expected an integer from 1 to 1000", bad.body());
        assertEquals(400, postForm(job + "/phase", Map.of("PHASE", "PAUSE")).statusCode());

        HttpResponse<String> run = postForm(job + "/phase", Map.of("PHASE", "RUN"));
        assertEquals(303, run.statusCode());
        assertEquals(job, run.headers().firstValue("Location").orElseThrow());
        String done = waitUntilFinal(job);
        XmlSchemas.validate(UWS_NS, done);
        assertEquals("COMPLETED", phaseOf(done), done);
        assertEquals(409, postForm(job + "/parameters", Map.of("SEED", "1")).statusCode(), "not PENDING any more");

        String results = get(job + "/results").body();
        XmlSchemas.validate(UWS_NS, results);
        Matcher href = Pattern.compile("id=\"result\"[^>]*xlink:href=\"([^\"]+)\"").matcher(results);
        assertTrue(href.find(), results);
        HttpResponse<String> vot = get(href.group(1));
        assertEquals(200, vot.statusCode());
        assertTrue(vot.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
        assertTrue(vot.body().contains("<INFO name=\"seed\" value=\"99\"/>"), "provenance");
        assertTrue(vot.body().contains("name=\"P_AGN\"") && vot.body().contains("name=\"CT\""), "columns");
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(local(job + "/results/summary.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.body(), 4));
        assertEquals(404, get(job + "/results/nothing").statusCode());
    }

    @Test
    void creationErrorsNameTheParameter() throws Exception {
        HttpResponse<String> r = postMultipart("classify", tiny("ALGORITHM", "magic"), Map.of("INPUT", tdRows(2)));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("Parameter ALGORITHM: 'magic' is not allowed; expected one of"), r.body());
        HttpResponse<String> noInput = postForm("classify", Map.of("PHASE", "RUN"));
        assertEquals(400, noInput.statusCode());
        assertTrue(noInput.body().startsWith("Parameter INPUT: an input table is required"), noInput.body());
        // table contents are read by the worker, not the request thread: the job fails with the same message
        HttpResponse<String> badTable = postMultipart("classify", tiny("PHASE", "RUN"), Map.of("INPUT",
                "name,ra,dec\nA,1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(303, badTable.statusCode(), badTable.body());
        String failed = badTable.headers().firstValue("Location").orElseThrow();
        assertEquals("ERROR", phaseOf(waitUntilFinal(failed)));
        assertTrue(get(failed + "/error").body().contains("Missing required column"), get(failed + "/error").body());
        HttpResponse<String> url = postForm("classify", Map.of("UPLOAD", "input,http://example.org/x.vot"));
        assertEquals(400, url.statusCode());
        assertTrue(url.body().contains("URLs are not fetched"), url.body());
        assertEquals(404, get("classify/AAAAAAAAAAAAAAAAAAAAAA").statusCode());
    }

    @Test
    void oversizeUploadIsRefused() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        HttpResponse<String> r = postMultipart("classify", Map.of(), Map.of("INPUT", big));
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("The upload exceeds the limit of 4194304 bytes"), r.body());
    }

    @Test
    void uploadByReferenceRunsAtCreationAndWaitBlocks() throws Exception {
        HttpResponse<String> r = postMultipart("classify", tiny("PHASE", "RUN", "UPLOAD", "input,param:mytable"),
                Map.of("mytable", tdRows(2)));
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow();
        String done = waitUntilFinal(job);
        assertEquals("COMPLETED", phaseOf(done), done);
        long t0 = System.nanoTime();
        assertEquals("COMPLETED", phaseOf(get(job + "?WAIT=20").body()), "finished job: WAIT returns at once");
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void abortAndExecutionDurationStopExecutingJobs() throws Exception {
        String aborted = create(slow("PHASE", "RUN"), 5);
        waitForPhase(aborted, "EXECUTING");
        assertEquals(303, postForm(aborted + "/phase", Map.of("PHASE", "ABORT")).statusCode());
        assertEquals("ABORTED", get(aborted + "/phase").body());

        String limited = create(slow("PHASE", "RUN", "EXECUTIONDURATION", "2"), 5);
        String ended = waitUntilFinal(limited);
        assertEquals("ERROR", phaseOf(ended), ended);
        XmlSchemas.validate(UWS_NS, ended);
        String error = get(limited + "/error").body();
        // its quote (200 forests) exceeds 2 s: refused when it starts, before any work (QuoteLimits); a running job
        // past its duration is stopped as JobManagerTest and JobSafetyTest check
        assertTrue(error.startsWith("The job's quote is ") && error.contains(" s, more than its execution duration of"
                + " 2 s (EXECUTIONDURATION), so it was not started. Ask for EXECUTIONDURATION="), error);
        assertTrue(ended.contains("<uws:errorSummary type=\"fatal\" hasDetail=\"true\">"), ended);
    }

    @Test
    void deleteDestructionAndListFilters() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        // anonymous jobs are never listed: the list filters are checked on one owner's jobs
        String[] lister = {OWNER_HEADER, "lister"};
        String a = create(tiny(), 2, lister);
        String b = create(tiny(), 2, lister);
        String c = create(tiny(), 2, lister);
        HttpResponse<String> del = http.send(HttpRequest.newBuilder(local(a)).header(lister[0], lister[1])
                .DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, del.statusCode());
        assertTrue(del.headers().firstValue("Location").orElseThrow().endsWith("/classify"));
        assertEquals(404, get(a, lister).statusCode());
        assertEquals(303, postForm(b, Map.of("ACTION", "DELETE"), lister).statusCode());
        assertEquals(404, get(b, lister).statusCode());

        String list = get("classify?PHASE=PENDING&AFTER=" + enc(before.toString()), lister).body();
        XmlSchemas.validate(UWS_NS, list);
        assertTrue(list.contains(c.substring(c.lastIndexOf('/') + 1)), list);
        assertFalse(list.contains(a.substring(a.lastIndexOf('/') + 1)), "deleted job listed");
        String last = get("classify?LAST=1", lister).body();
        assertEquals(1, count(last, "<uws:jobref "), last);
        assertEquals(0, count(get("classify?PHASE=PENDING&AFTER=" + enc(Instant.now().plusSeconds(60).toString()),
                lister).body(), "<uws:jobref "));
        assertEquals(0, count(get("classify").body(), "<uws:jobref "), "nothing listed to anonymous clients");
        assertEquals(400, get("classify?PHASE=SLEEPING").statusCode());

        assertEquals(303, postForm(c + "/destruction", Map.of("DESTRUCTION", "2000-01-01T00:00:00Z"), lister).statusCode());
        long until = System.currentTimeMillis() + 30_000;
        while (get(c, lister).statusCode() != 404 && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        assertEquals(404, get(c, lister).statusCode(), "destroyed by the reaper");
    }

    @Test
    void ownedJobsAreVisibleOnlyToTheirOwner() throws Exception {
        String job = create(tiny(), 2, OWNER_HEADER, "alice");
        assertEquals(200, get(job, OWNER_HEADER, "alice").statusCode());
        assertEquals("alice", get(job + "/owner", OWNER_HEADER, "alice").body());
        assertEquals(403, get(job, OWNER_HEADER, "bob").statusCode());
        assertEquals(403, get(job).statusCode(), "anonymous");
        assertEquals(403, postForm(job + "/phase", Map.of("PHASE", "RUN"), OWNER_HEADER, "bob").statusCode());
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertTrue(get("classify", OWNER_HEADER, "alice").body().contains(id));
        assertFalse(get("classify", OWNER_HEADER, "bob").body().contains(id));
        assertFalse(get("classify").body().contains(id));
        assertEquals(303, postForm(job, Map.of("ACTION", "DELETE"), OWNER_HEADER, "alice").statusCode());
    }

    @Test
    void publishedJobIsQueryableThroughTapUntilDeleted() throws Exception {
        assertEquals(403, postMultipart("classify", tiny("PUBLISH", "yes"), Map.of("INPUT", tdRows(2))).statusCode(),
                "anonymous clients may not publish");
        String job = create(tiny("PHASE", "RUN", "PUBLISH", "yes"), 2, "Authorization", OPERATOR);
        assertEquals("COMPLETED", phaseOf(waitUntilFinal(job, "Authorization", OPERATOR)));
        String id = job.substring(job.lastIndexOf('/') + 1);
        String query = "tap/sync?REQUEST=doQuery&LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
                + enc("SELECT name, class, ct FROM muwclass.classified_sources WHERE run_id = '" + id + "'");
        HttpResponse<String> rows = get(query);
        assertEquals(200, rows.statusCode(), rows.body());
        assertTrue(rows.body().contains("2CXO J000009.3+135618"), rows.body());
        assertEquals(303, postForm(job, Map.of("ACTION", "DELETE"), "Authorization", OPERATOR).statusCode());
        assertFalse(get(query).body().contains("2CXO J000009.3+135618"), "rows withdrawn with the job");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
