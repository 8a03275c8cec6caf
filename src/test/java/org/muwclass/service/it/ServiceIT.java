package org.muwclass.service.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/** Deploys the built WAR into Payara Micro and checks the foundation end to end. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/muwclass-vo.war"));
    }

    @ArquillianResource
    URL deployed;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The adapter reports the host's external address; the service listens on loopback only. */
    private URI uri(String path) {
        String ctx = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return URI.create("http://127.0.0.1:" + deployed.getPort() + ctx + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void landingPageDescribesServiceAndLinksEndpoints() throws Exception {
        HttpResponse<String> r = get("");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("MUWCLASS-VO"), r.body());
        assertTrue(r.body().contains("href=\"availability\""), "links availability");
    }

    @Test
    void availabilityIsValidVosiAndUp() throws Exception {
        HttpResponse<String> r = get("availability");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("xml"));
        XmlSchemas.validate("http://www.ivoa.net/xml/VOSIAvailability/v1.0", r.body());
        assertTrue(r.body().contains("<vosi:available>true</vosi:available>"), r.body());
    }

    @Test
    void healthReportsUp() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject json = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", json.getString("status"));
        assertEquals(200, get("health/live").statusCode());
    }

    @Test
    void trainingSetIsLoadedWithPublishedClassCounts() throws Exception {
        HttpResponse<String> r = get("api/training-set/classes");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject counts = Json.createReader(new StringReader(r.body())).readObject();
        Map<String, Integer> expected = Map.of("AGN", 1390, "CV", 44, "HM-STAR", 118, "HMXB", 26,
                "LM-STAR", 207, "LMXB", 65, "NS", 87, "YSO", 1004);
        expected.forEach((cls, n) -> assertEquals(n, counts.getInt(cls), cls));
        assertEquals(2941, counts.getInt("total"));
    }

    /**
     * The demo fields are classified at start-up by service-owned jobs (tiny: muwclass.demo.* in
     * it-system.properties) and published into muwclass.classified_sources with run_id = job id.
     */
    @Test
    void demoFieldsArePublishedByServiceOwnedJobs() throws Exception {
        // the demo jobs' owner cannot be claimed by any client: find their run ids through TAP
        String runs = "tap/sync?REQUEST=doQuery&LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(
                "SELECT run_id, COUNT(*) AS n FROM muwclass.classified_sources GROUP BY run_id",
                StandardCharsets.UTF_8);
        Map<String, Integer> byRun = new java.util.TreeMap<>();
        long until = System.currentTimeMillis() + 300_000;
        while (byRun.size() < 2 && System.currentTimeMillis() < until) {
            Thread.sleep(byRun.isEmpty() ? 1000 : 2000);
            byRun.clear();
            Matcher row = Pattern.compile("(?m)^([A-Za-z0-9_-]{22}),(\\d+)").matcher(get(runs).body());
            while (row.find()) {
                byRun.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        assertEquals(2, byRun.size(), "two published demo jobs: " + byRun);
        List<String> ids = new ArrayList<>(byRun.keySet());
        assertTrue(!get("classify").body().contains(ids.get(0)), "not listed to anonymous users");
        HttpRequest claim = HttpRequest.newBuilder(uri("classify")).timeout(Duration.ofSeconds(60))
                .header("X-Muwclass-Owner", "muwclass-service").GET().build();
        HttpResponse<String> claimed = http.send(claim, HttpResponse.BodyHandlers.ofString());
        assertTrue(!claimed.body().contains(ids.get(0)), "the service owner cannot be claimed: " + claimed.statusCode());
        assertEquals(403, get("classify/" + ids.get(0)).statusCode(), "demo jobs belong to the service");
        List<Integer> counts = new ArrayList<>(byRun.values());
        counts.sort(null);
        assertEquals(List.of(200, 373), counts, "IC 2395 and NGC 3532 sources");

        // their progress, through TAP: both completed, with the job ids and settings of it-system.properties
        String progress = "tap/sync?REQUEST=doQuery&LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(
                "SELECT field, phase, progress, sources, job_id, settings FROM muwclass.demo_runs ORDER BY field",
                StandardCharsets.UTF_8);
        String rows = "";
        for (long end = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < end; Thread.sleep(1000)) {
            rows = get(progress).body().replace("\r", "");
            if (rows.split(",COMPLETED,", -1).length == 3) {
                break;
            }
        }
        String settings = "DRAWS=2 TARGETS_PER_FOREST=20 EBV_GRID=0.1 SEED=1 ALGORITHM=fastrf TREES=5";
        Map<Integer, String> jobBySources = new java.util.HashMap<>();
        byRun.forEach((job, n) -> jobBySources.put(n, job));
        assertEquals("field,phase,progress,sources,job_id,settings\n"
                + "IC2395,COMPLETED,1.0,200," + jobBySources.get(200) + "," + settings + "\n"
                + "NGC3532,COMPLETED,1.0,373," + jobBySources.get(373) + "," + settings + "\n", rows);
    }
}
