package org.muwclass.service.dali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.config.UploadSettings;

/** The limits RequestBody enforces on forms and multipart bodies, and the values it refuses. */
class RequestLimitsTest {

    private static final String B = "bnd";
    private static final String MULTIPART = "multipart/form-data; boundary=" + B;
    private static final UploadSettings SMALL = new UploadSettings(10, 10, Duration.ofSeconds(5), 100, 5, 4, 3, 200,
            50);

    @TempDir
    Path dir;

    private RequestBody form(String body, UploadSettings s) throws Exception {
        return RequestBody.read("application/x-www-form-urlencoded",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), DaliParameters.EMPTY, dir, 1000, s);
    }

    private RequestBody multipart(String body, UploadSettings s) throws Exception {
        return RequestBody.read(MULTIPART, new ByteArrayInputStream(body.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8)), DaliParameters.EMPTY, dir, 1000, s);
    }

    private static String part(String disposition, String content) {
        return "--" + B + "\nContent-Disposition: form-data; " + disposition + "\n\n" + content + "\n";
    }

    @Test
    void formSizeAndParameterCountAreCapped() throws Exception {
        assertEquals(5, form("a=1&b=2&c=3&d=4&e=5", SMALL).parameters().asList().size());
        assertEquals("The request has more than 5 parameters and files (limit muwclass.http.parameters.limit)",
                assertThrows(UploadTooLargeException.class, () -> form("a=1&b=2&c=3&d=4&e=5&f=6", SMALL))
                        .getMessage());
        assertEquals("The form is larger than the limit of 100 bytes (muwclass.http.form.limit.bytes); send large"
                + " content as a multipart file part", assertThrows(UploadTooLargeException.class,
                () -> form("Q=" + "x".repeat(200), SMALL)).getMessage());
    }

    @Test
    void multipartPartsHeadersAndPreambleAreCapped() throws Exception {
        String fivePart = part("name=\"a\"", "1").repeat(5) + "--" + B + "--\n";
        assertEquals("The multipart body has more than 4 parts (muwclass.http.multipart.parts.limit)",
                assertThrows(UploadTooLargeException.class, () -> multipart(fivePart, SMALL)).getMessage());
        String headers = "--" + B + "\nContent-Disposition: form-data; name=\"a\"\nX-1: 1\nX-2: 2\nX-3: 3\n\n1\n--"
                + B + "--\n";
        assertEquals("A multipart part has more than 3 header lines (muwclass.http.multipart.headers.limit)",
                assertThrows(UploadTooLargeException.class, () -> multipart(headers, SMALL)).getMessage());
        String preamble = "p".repeat(60) + "\n" + part("name=\"a\"", "1") + "--" + B + "--\n";
        assertEquals("The multipart preamble before the first boundary is longer than 50 bytes"
                + " (muwclass.http.multipart.preamble.limit.bytes)",
                assertThrows(UploadTooLargeException.class, () -> multipart(preamble, SMALL)).getMessage());
        String fields = part("name=\"a\"", "x".repeat(60)) + part("name=\"b\"", "y".repeat(60)) + "--" + B + "--\n";
        assertEquals("The form fields together are larger than the limit of 100 bytes"
                + " (muwclass.http.form.limit.bytes); send large content as a multipart file part",
                assertThrows(UploadTooLargeException.class, () -> multipart(fields, SMALL)).getMessage());
    }

    @Test
    void aFileNameThatNamesNoFileIsRefused() {
        String body = part("name=\"INPUT\"; filename=\"/\"", "a,b") + "--" + B + "--\n";
        assertEquals("File part 'INPUT': filename=\"/\" names no file; give a plain file name such as table.vot, or"
                + " none", assertThrows(BadRequestException.class, () -> multipart(body, SMALL)).getMessage());
    }

    @Test
    void valuesTheStoreCannotHoldAreRefused() {
        UploadSettings s = UploadSettings.DEFAULT;
        assertEquals("Parameter RUNID has 2000 characters; at most 1000 are allowed", assertThrows(
                BadRequestException.class, () -> form("RUNID=" + "r".repeat(2000), s)).getMessage());
        assertEquals("Parameter RUNID contains the character U+0001 at position 2; control characters other than"
                + " tab, line feed and carriage return are not allowed", assertThrows(BadRequestException.class,
                () -> form("RUNID=a%01b", s)).getMessage());
        assertEquals("A parameter name '" + "n".repeat(60) + "...' has 201 characters; at most 200 are allowed",
                assertThrows(BadRequestException.class, () -> form("n".repeat(201) + "=1", s)).getMessage());
    }

    @Test
    void anOversizedContentLengthIsRefusedBeforeReading() {
        assertNull(RequestBody.refuseLength(null, 1000));
        assertNull(RequestBody.refuseLength("chunked?", 1000));
        assertNull(RequestBody.refuseLength("1000", 1000));
        assertEquals("The request body of 99999999999 bytes is larger than the limit of 1049576 bytes (uploads:"
                + " muwclass.upload.limit.bytes = 1000, form fields: muwclass.http.form.limit.bytes = 1048576)",
                RequestBody.refuseLength("99999999999", 1000));
    }
}
