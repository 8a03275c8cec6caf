package org.muwclass.service.tap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.tap.adql.AdqlCompiler;

/** TAPRegExt declares every ADQL geometry function the service runs, each with what it does here. */
class GeometryCapabilitiesTest {

    @Test
    void everyGeometryFunctionIsDeclaredWithADescription() {
        ServiceConfig config = new ServiceConfig(Path.of("/tmp"), "jdbc:h2:mem:x", "sa", "", Optional.empty(), 10_000,
                1_000_000, 64L << 20, 1, 10, 100, 1000, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
        String xml = CapabilitiesDocument.render("http://127.0.0.1:8080/tap", config);
        int start = xml.indexOf("<languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-adqlgeo\">");
        String block = xml.substring(start, xml.indexOf("</languageFeatures>", start));
        List<String> forms = new ArrayList<>();
        Matcher m = Pattern.compile("<feature><form>([A-Z0-9]+)</form><description>([^<]+)</description></feature>")
                .matcher(block);
        while (m.find()) {
            forms.add(m.group(1));
        }
        assertEquals(List.of("POINT", "CIRCLE", "BOX", "POLYGON", "REGION", "CENTROID", "AREA", "CONTAINS",
                "INTERSECTS", "DISTANCE", "COORD1", "COORD2", "COORDSYS"), forms);
        assertEquals(AdqlCompiler.GEOMETRY_FUNCTIONS, forms);
        assertTrue(block.contains("<form>POLYGON</form><description>3 to 1000 vertices (deg) joined by great circles"),
                block);
        assertTrue(block.contains("<form>AREA</form><description>area in square degrees"), block);
    }
}
