package org.muwclass.service.tap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartFormTest {

    @TempDir
    Path tmp;

    private static byte[] body(String boundary, String fileContent) {
        return ("preamble\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"QUERY\"\r\n\r\n"
                + "SELECT * FROM TAP_UPLOAD.t\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"lang\"\r\n\r\nADQL\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"t1\"; filename=\"t.vot\"\r\n"
                + "Content-Type: application/x-votable+xml\r\n\r\n"
                + fileContent + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fieldsAndFilePartsAreSeparatedExactly() throws IOException {
        // content containing CRLF, dashes and a near-boundary prefix must survive unchanged
        String content = "<VOTABLE>\r\n--xyzNOT the boundary\r\n--\r\n" + "x".repeat(20_000) + "</VOTABLE>";
        try (MultipartForm form = MultipartForm.parse(new ByteArrayInputStream(body("xyz123", content)),
                "multipart/form-data; boundary=xyz123", 1_000_000, tmp)) {
            assertEquals(List.of("SELECT * FROM TAP_UPLOAD.t"), form.fields().get("QUERY"));
            assertEquals(List.of("ADQL"), form.fields().get("lang"));
            try (InputStream in = form.open("t1")) {
                assertEquals(content, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertNull(form.open("t2"));
            try (var files = Files.list(tmp)) {
                assertEquals(1, files.count());
            }
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "spooled parts are deleted on close");
        }
    }

    @Test
    void bodyLargerThanTheLimitIsRefused() {
        IOException e = assertThrows(IOException.class, () -> MultipartForm.parse(
                new ByteArrayInputStream(body("b", "y".repeat(5000))), "multipart/form-data; boundary=b", 1000, tmp));
        assertTrue(e.getMessage().contains("limit of 1000 bytes"), e.getMessage());
    }
}
