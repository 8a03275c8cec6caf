package org.muwclass.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.RequestBody;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.TableFormat;

/**
 * Issue 14 item 5: the provenance records the SHA-256 of every file a classification reads, each under its own name;
 * a job's uploads are hashed as their bytes arrive (the CLI's files when they are read).
 */
class InputChecksumsTest {

    /** SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
    static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-256 of no bytes. */
    static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final String B = "----checksumBoundary7";

    @TempDir
    Path dir;

    @Test
    void aMultipartPartIsHashedAsItsBytesArrive() throws Exception {
        // a part holding CR LF and the start of the delimiter: the digest must see exactly the stored bytes
        byte[] tricky = ("a,b\r\n1,2\r\n--" + B.substring(0, 6) + "\r\r\n--x").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object[] part : new Object[][] {{"INPUT", "abc".getBytes(StandardCharsets.US_ASCII)}, {"GAIA", tricky},
            {"TRAINING", new byte[0]}}) {
            body.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\""
                    + part[0] + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes((byte[]) part[1]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        RequestBody r = RequestBody.read("multipart/form-data; boundary=" + B,
                new ByteArrayInputStream(body.toByteArray()), DaliParameters.of(), dir, 1_000_000);
        List<UploadedFile> files = r.files();
        assertEquals(List.of("INPUT", "GAIA", "TRAINING"), files.stream().map(UploadedFile::partName).toList());
        assertEquals(SHA256_ABC, files.get(0).sha256());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tricky)),
                files.get(1).sha256());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                Files.readAllBytes(files.get(1).path()))), files.get(1).sha256(), "the digest of the stored bytes");
        assertEquals(SHA256_EMPTY, files.get(2).sha256());
    }

    @Test
    void everyFileReadIsRecordedUnderItsOwnName() throws Exception {
        Path abc = Files.writeString(dir.resolve("field.csv"), "abc", StandardCharsets.US_ASCII);
        Path empty = Files.createFile(dir.resolve("gaia.csv"));
        Path twoMass = Files.writeString(dir.resolve("2mass.csv"), "abc", StandardCharsets.US_ASCII);
        Path training = Files.writeString(dir.resolve("td.csv"), "changed after it was received");
        ClassificationOptions options = ClassificationOptions.parse(n -> Optional.empty(), OptionLimits.CLI);
        ClassificationRequest request = new ClassificationRequest(
                new InputTable("INPUT", abc, "field.csv", TableFormat.CSV),
                Map.of(MwCatalog.TWOMASS, new InputTable("2MASS", twoMass, null, TableFormat.CSV),
                        MwCatalog.GAIA, new InputTable("GAIA", empty, null, TableFormat.CSV)),
                // a job's upload carries the checksum taken when it arrived: that one is recorded, not re-taken
                Optional.of(new InputTable("TRAINING", training, "upload:td.csv", TableFormat.CSV, SHA256_EMPTY)),
                options);

        Map<String, String> detections = ClassificationService.checksums(request,
                PreparedClassification.InputShape.DETECTIONS);
        assertEquals(List.of("input_sha256", "gaia_sha256", "2mass_sha256", "training_file_sha256"),
                List.copyOf(detections.keySet()), "INPUT, counterparts in catalogue order, TRAINING");
        assertEquals(Map.of("input_sha256", SHA256_ABC, "gaia_sha256", SHA256_EMPTY, "2mass_sha256", SHA256_ABC,
                "training_file_sha256", SHA256_EMPTY), detections);

        // a source-level input reads no counterpart tables, so none is recorded
        assertEquals(Map.of("input_sha256", SHA256_ABC, "training_file_sha256", SHA256_EMPTY),
                ClassificationService.checksums(request, PreparedClassification.InputShape.SOURCES));
    }

    @Test
    void aJobKeepsItsUploadsChecksumsAlsoInADatabaseFromBeforeTheColumn() throws Exception {
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:mem:checksums"
                + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE", "sa", "");
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            // the upload table as it was before checksums were stored
            st.execute("CREATE SCHEMA uws");
            st.execute("CREATE TABLE uws.job_uploads (job_id VARCHAR(32) NOT NULL, part_name VARCHAR(200) NOT NULL,"
                    + " file_name VARCHAR(1000), content_type VARCHAR(200), size_bytes BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, part_name))");
        }
        org.muwclass.service.uws.JobFiles files = new org.muwclass.service.uws.JobFiles(dir.resolve("jobs"));
        org.muwclass.service.uws.JobManager manager = new org.muwclass.service.uws.JobManager(
                new org.muwclass.service.uws.JobStore(pool, files), files,
                List.of(new org.muwclass.service.classify.ClassifyJobKind(10, 100, 1, "test")),
                new org.muwclass.service.uws.JobLimits(1, 10, java.time.Duration.ofSeconds(600),
                        java.time.Duration.ofSeconds(600), java.time.Duration.ofDays(1),
                        java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(3600)),
                java.time.Clock.systemUTC());
        try {
            manager.start();
            Path staging = manager.files().newStagingDirectory();
            Path input = Files.writeString(staging.resolve("INPUT"), "abc", StandardCharsets.US_ASCII);
            // made in code without a checksum (as the demo runs do): the job machinery takes it at creation
            UploadedFile upload = new UploadedFile("INPUT", "field.csv", "text/csv", input, 3);
            String id = manager.create(org.muwclass.service.classify.ClassifyJobKind.NAME,
                    org.muwclass.service.uws.Caller.anonymous("127.0.0.1"), DaliParameters.of("DRAWS", "2"),
                    List.of(upload)).id();
            UploadedFile stored = manager.get(org.muwclass.service.classify.ClassifyJobKind.NAME, id, null).input()
                    .uploads().get("INPUT");
            assertEquals(SHA256_ABC, stored.sha256(), "read back from the job store");
            assertEquals("abc", Files.readString(stored.path()));
        } finally {
            manager.close();
            pool.dispose();
        }
    }

    @Test
    void anUnreadableFileIsNamedByItsOption() {
        InputTable missing = new InputTable("INPUT", dir.resolve("gone.csv"), null, TableFormat.CSV);
        OptionException e = org.junit.jupiter.api.Assertions.assertThrows(OptionException.class,
                () -> ClassificationService.sha256(missing));
        assertEquals("INPUT", e.option());
        assertEquals("cannot read the file: " + dir.resolve("gone.csv"), e.allowed());
    }
}
