package org.muwclass.service.dali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DALI request reading every front door shares: order, encoding errors, the container's form, staging. */
class DaliRequestTest {

    @TempDir
    Path dir;

    private static InputStream empty() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Test
    void queryStringKeepsTheOrderSentSoTheFirstOfARepeatedNameIsTheClientsFirst() throws Exception {
        DaliParameters p = RequestBody.queryParameters("query=SELECT+1&LANG=ADQL&Query=SELECT%202&x");
        assertEquals(List.of(new DaliParameters.Parameter("query", "SELECT 1"),
                new DaliParameters.Parameter("LANG", "ADQL"), new DaliParameters.Parameter("Query", "SELECT 2"),
                new DaliParameters.Parameter("x", "")), p.asList());
        assertEquals(Optional.of("SELECT 1"), p.first("QUERY"));
        assertEquals(Optional.of("SELECT 2"), p.get("QUERY")); // UWS: the last value set counts
        assertEquals(DaliParameters.EMPTY, RequestBody.queryParameters(null));
        assertEquals(DaliParameters.EMPTY, RequestBody.queryParameters(""));
    }

    @Test
    void badPercentEncodingIsABadRequestNamingThePairNotAnInternalError() {
        assertEquals("'QUERY=100%' is not valid URL encoding: a '%' must be followed by two hexadecimal digits"
                        + " (send '%' itself as %25)",
                assertThrows(BadRequestException.class, () -> RequestBody.queryParameters("LANG=ADQL&QUERY=100%"))
                        .getMessage());
        assertEquals("'a%zz=1' is not valid URL encoding: a '%' must be followed by two hexadecimal digits"
                        + " (send '%' itself as %25)",
                assertThrows(BadRequestException.class, () -> RequestBody.read(
                        "application/x-www-form-urlencoded", new ByteArrayInputStream(
                                "a%zz=1".getBytes(StandardCharsets.US_ASCII)), DaliParameters.EMPTY, dir, 1000))
                        .getMessage());
    }

    @Test
    void queryStringBeyondTheParameterLimitIsRefused() {
        String many = "a=1&".repeat(101);
        assertEquals("The request has more than 100 parameters and files (limit muwclass.http.parameters.limit)",
                assertThrows(UploadTooLargeException.class, () -> RequestBody.queryParameters(many)).getMessage());
    }

    @Test
    void aFormTheContainerAlreadyReadIsTakenWithTheSameChecks() throws Exception {
        Map<String, String[]> form = new LinkedHashMap<>();
        form.put("LANG", new String[]{"ADQL"});
        form.put("UPLOAD", new String[]{"a,param:a", "b,param:b"});
        RequestBody r = RequestBody.read("application/x-www-form-urlencoded", empty(), DaliParameters.EMPTY,
                () -> form, dir, 1000);
        assertEquals(DaliParameters.of("LANG", "ADQL", "UPLOAD", "a,param:a", "UPLOAD", "b,param:b"), r.parameters());
        // a body the resource read itself wins, and the container is not even asked (asking makes it read the body)
        AtomicInteger asked = new AtomicInteger();
        RequestBody own = RequestBody.read("application/x-www-form-urlencoded",
                new ByteArrayInputStream("LANG=SQL".getBytes(StandardCharsets.US_ASCII)), DaliParameters.EMPTY,
                () -> {
                    asked.incrementAndGet();
                    return form;
                }, dir, 1000);
        assertEquals(DaliParameters.of("LANG", "SQL"), own.parameters());
        assertEquals(0, asked.get());
        form.put("RUNID", new String[]{"a\u0001b"});
        assertEquals("Parameter RUNID contains the character U+0001 at position 2; control characters other than"
                        + " tab, line feed and carriage return are not allowed",
                assertThrows(BadRequestException.class, () -> RequestBody.read("application/x-www-form-urlencoded",
                        empty(), DaliParameters.EMPTY, () -> form, dir, 1000)).getMessage());
    }

    @Test
    void aStagingDirectoryIsGoneWithEverythingInItWhenClosed() throws Exception {
        Path inside;
        Path path;
        try (StagingDirectory staging = StagingDirectory.createIn(dir.resolve("tmp"), "sync-")) {
            path = staging.path();
            assertTrue(path.getFileName().toString().startsWith("sync-"), path.toString());
            inside = Files.writeString(Files.createDirectories(path.resolve("sub")).resolve("t.vot"), "x");
            assertTrue(Files.exists(inside));
        }
        assertFalse(Files.exists(path));
        assertTrue(Files.isDirectory(dir.resolve("tmp")));
    }

    @Test
    void partNamesDoubleAsFileNames() {
        assertTrue(PartNames.isValid("INPUT"));
        assertTrue(PartNames.isValid("td.v2_final-1"));
        assertFalse(PartNames.isValid("a..b"));
        assertFalse(PartNames.isValid("../etc"));
        assertFalse(PartNames.isValid(".hidden"));
        assertFalse(PartNames.isValid("a/b"));
        assertFalse(PartNames.isValid("x".repeat(101)));
        assertFalse(PartNames.isValid(null));
    }
}
