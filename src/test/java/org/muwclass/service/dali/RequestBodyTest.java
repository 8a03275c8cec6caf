package org.muwclass.service.dali;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.service.uws.JobInput;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.UploadReferences;

class RequestBodyTest {

    private static final String B = "----xyzBoundary42";

    @TempDir
    Path dir;

    private static byte[] multipart(Object... nameFileContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameFileContent.length; i += 3) {
            String name = (String) nameFileContent[i];
            String file = (String) nameFileContent[i + 1];
            byte[] content = nameFileContent[i + 2] instanceof byte[] b ? b
                    : ((String) nameFileContent[i + 2]).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: text/csv") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private RequestBody read(byte[] body, long limit) throws Exception {
        return RequestBody.read("multipart/form-data; boundary=\"" + B + "\"", new ByteArrayInputStream(body),
                DaliParameters.of("PHASE", "RUN"), dir, limit);
    }

    @Test
    void fieldsAndFilesAreSeparated() throws Exception {
        // binary content with CR LF and a near-boundary sequence must come through unchanged
        byte[] binary = ("a,b\r\n1,2\r\n--" + B.substring(0, 5) + "\r\r\n--x").getBytes(StandardCharsets.UTF_8);
        RequestBody r = read(multipart("DRAWS", null, "50", "INPUT", "C:\\data\\field.csv", binary,
                "UPLOAD", null, "training,param:td"), 1_000_000);
        assertEquals(DaliParameters.of("PHASE", "RUN", "DRAWS", "50", "UPLOAD", "training,param:td"), r.parameters());
        assertEquals(1, r.files().size());
        UploadedFile f = r.files().get(0);
        assertEquals("INPUT", f.partName());
        assertEquals("field.csv", f.fileName());
        assertEquals("csv", f.extension());
        assertEquals("text/csv", f.contentType());
        assertEquals(binary.length, f.size());
        assertArrayEquals(binary, Files.readAllBytes(f.path()));
    }

    @Test
    void uploadLimitIsEnforcedWithAClearMessage() {
        byte[] big = new byte[2000];
        UploadTooLargeException e = assertThrows(UploadTooLargeException.class,
                () -> read(multipart("INPUT", "a.vot", big), 1000));
        assertEquals("The upload exceeds the limit of 1000 bytes (0 MiB, muwclass.upload.limit.bytes)",
                e.getMessage());
    }

    @Test
    void truncatedBodyIsRejected() {
        byte[] full = multipart("INPUT", "a.vot", "<VOTABLE>...</VOTABLE>");
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 30);
        BadRequestException e = assertThrows(BadRequestException.class, () -> read(cut, 10_000));
        assertTrue(e.getMessage().contains("Truncated"), e.getMessage());
    }

    @Test
    void urlEncodedBody() throws Exception {
        RequestBody r = RequestBody.read("application/x-www-form-urlencoded",
                new ByteArrayInputStream("QUERY=SELECT+*+FROM+t+WHERE+x%3D1&LANG=ADQL&flag".getBytes(
                        StandardCharsets.US_ASCII)), DaliParameters.EMPTY, dir, 1000);
        assertEquals(DaliParameters.of("QUERY", "SELECT * FROM t WHERE x=1", "LANG", "ADQL", "flag", ""),
                r.parameters());
        assertThrows(BadRequestException.class, () -> RequestBody.read("application/json",
                new ByteArrayInputStream(new byte[0]), DaliParameters.EMPTY, dir, 1000));
    }

    @Test
    void uploadReferencesResolveOnlyInlineParts() throws Exception {
        UploadedFile td = new UploadedFile("td", "td.csv", null, dir.resolve("td"), 1);
        JobInput in = new JobInput(DaliParameters.of("UPLOAD", "training,param:td"), Map.of("td", td));
        assertEquals(Map.of("training", td), UploadReferences.resolve(in));
        ParameterException url = assertThrows(ParameterException.class, () -> UploadReferences.resolve(
                new JobInput(DaliParameters.of("UPLOAD", "t,http://evil/x.vot"), Map.of())));
        assertEquals("UPLOAD", url.parameter());
        assertTrue(url.getMessage().contains("URLs are not fetched"), url.getMessage());
        ParameterException missing = assertThrows(ParameterException.class, () -> UploadReferences.resolve(
                new JobInput(DaliParameters.of("UPLOAD", "t,param:nothere"), Map.of("td", td))));
        assertTrue(missing.getMessage().contains("no part called 'nothere'"), missing.getMessage());
    }
}
