package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;

class SafeVoTableTest {

    private static final String NS = "http://www.ivoa.net/xml/VOTable/v1.3";
    private static final ReadLimits LIMITS = new ReadLimits(1000, Duration.ofSeconds(30), "muwclass.upload.limit.rows");

    @TempDir
    Path dir;

    static String votable(String prolog, String data) {
        return "<?xml version=\"1.0\"?>" + prolog + "<VOTABLE version=\"1.4\" xmlns=\"" + NS + "\"><RESOURCE><TABLE>"
                + "<FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/><DATA>" + data
                + "</DATA></TABLE></RESOURCE></VOTABLE>";
    }

    static String rows(int n) {
        StringBuilder b = new StringBuilder("<TABLEDATA>");
        for (int i = 0; i < n; i++) {
            b.append("<TR><TD>r").append(i).append("</TD></TR>");
        }
        return b.append("</TABLEDATA>").toString();
    }

    private static StarTable read(String doc, ReadLimits limits) throws IOException {
        return SafeVoTable.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), limits, "UPLOAD t");
    }

    @Test
    void readsAPlainVoTable() throws IOException {
        StarTable t = read(votable("", rows(3)), LIMITS);
        assertEquals(3, t.getRowCount());
        assertEquals("r2", t.getCell(2, 0));
    }

    @Test
    void refusesAnExternalEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "top-secret");
        String doc = votable("<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>",
                "<TABLEDATA><TR><TD>&x;</TD></TR></TABLEDATA>");
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> read(doc, LIMITS));
        assertEquals("UPLOAD t: a DOCTYPE (DTD, entity declarations) is not allowed", e.getMessage());
    }

    @Test
    void refusesBillionLaughsAndParameterEntities() {
        String laughs = votable("<!DOCTYPE VOTABLE [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>",
                "<TABLEDATA><TR><TD>&b;</TD></TR></TABLEDATA>");
        String param = votable("<!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x\"> %p;]>", rows(1));
        assertThrows(UploadRefusedException.class, () -> read(laughs, LIMITS));
        assertThrows(UploadRefusedException.class, () -> read(param, LIMITS));
    }

    @Test
    void refusesStreamHrefOfAnyScheme() {
        for (String href : new String[]{"file:///etc/hostname", "file:///dev/zero", "http://127.0.0.1:1/", "x.bin"}) {
            String doc = votable("", "<BINARY><STREAM href=\"" + href + "\"/></BINARY>");
            UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> read(doc, LIMITS));
            assertTrue(e.getMessage().startsWith("UPLOAD t: STREAM href is not allowed"), e.getMessage());
        }
    }

    @Test
    void refusesCompressedStreamEncodingAndXInclude() {
        String gz = votable("", "<BINARY><STREAM encoding=\"gzip\">AAAA</STREAM></BINARY>");
        assertEquals("UPLOAD t: STREAM encoding=\"gzip\" is not allowed; only base64",
                assertThrows(UploadRefusedException.class, () -> read(gz, LIMITS)).getMessage());
        String xi = votable("", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/hostname\"/>");
        assertEquals("UPLOAD t: XInclude (xi:include) is not allowed",
                assertThrows(UploadRefusedException.class, () -> read(xi, LIMITS)).getMessage());
        // the whole document is screened, not only up to the end of the first table
        String after = votable("", rows(1)).replace("</RESOURCE>", "<RESOURCE><TABLE><FIELD name=\"b\""
                + " datatype=\"int\"/><DATA><BINARY><STREAM href=\"file:///etc/hostname\"/></BINARY></DATA></TABLE>"
                + "</RESOURCE></RESOURCE>");
        assertThrows(UploadRefusedException.class, () -> read(after, LIMITS));
    }

    @Test
    void refusesGzipWhateverItIsCalled() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(votable("", rows(2)).getBytes(StandardCharsets.UTF_8));
        }
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> SafeVoTable.read(
                new ByteArrayInputStream(bytes.toByteArray()), LIMITS, "UPLOAD t"));
        assertEquals("UPLOAD t is gzip-compressed; compressed uploads are not accepted: send the table uncompressed",
                e.getMessage());
        Path file = Files.write(dir.resolve("t.csv"), bytes.toByteArray());
        assertThrows(UploadRefusedException.class, () -> TableFiles.readUpload(file, TableFormat.CSV, LIMITS, "INPUT"));
    }

    @Test
    void capsRowsWhileReading() {
        ReadLimits two = new ReadLimits(2, Duration.ofSeconds(30), "muwclass.upload.limit.rows");
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> read(votable("", rows(3)), two));
        assertEquals("UPLOAD t has more than the limit of 2 rows (muwclass.upload.limit.rows)", e.getMessage());
    }

    @Test
    void capsReadingTime() {
        ReadLimits instant = new ReadLimits(1_000_000, Duration.ofNanos(1), "muwclass.upload.limit.rows");
        UploadRefusedException e = assertThrows(UploadRefusedException.class,
                () -> read(votable("", rows(2000)), instant));
        assertEquals("UPLOAD t took longer to read than the limit of 0 s (muwclass.upload.limit.s)", e.getMessage());
    }

    @Test
    void uploadedCsvAndFitsStillRead() throws IOException {
        StarTable t = read(votable("", rows(4)), LIMITS);
        Path fits = dir.resolve("t.fits");
        TableFiles.write(t, TableFormat.FITS, Map.of(), fits);
        Path csv = Files.writeString(dir.resolve("t.csv"), "a,b\nr0,1\nr1,2\nr2,3\nr3,4\n");
        assertEquals(4, TableFiles.readUpload(fits, TableFormat.FITS, LIMITS, "INPUT").getRowCount());
        assertEquals(4, TableFiles.readUpload(csv, TableFormat.CSV, LIMITS, "INPUT").getRowCount());
        ReadLimits three = new ReadLimits(3, Duration.ofSeconds(30), "muwclass.upload.classify.limit.rows");
        assertThrows(UploadRefusedException.class, () -> TableFiles.readUpload(fits, TableFormat.FITS, three, "INPUT"));
    }

    @Test
    void aPurePrePassNeedsNoTable() {
        assertFalse(Compression.of(new byte[]{'<', '?', 'x'}, 3).isPresent());
        assertEquals("bzip2", Compression.of(new byte[]{'B', 'Z', 'h', '9'}, 4).orElseThrow());
        assertEquals("zip", Compression.of(new byte[]{'P', 'K', 3, 4}, 4).orElseThrow());
    }
}
