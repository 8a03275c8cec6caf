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
import java.util.Map;
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
}
