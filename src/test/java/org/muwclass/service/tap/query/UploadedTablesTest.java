package org.muwclass.service.tap.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.muwclass.tables.ReadLimits;

/** TAP_UPLOAD ingestion into H2: the hardened reader, the caps, and checks that must give 400 rather than 500. */
class UploadedTablesTest {

    private static final String NS = "http://www.ivoa.net/xml/VOTable/v1.3";
    private static final ReadLimits LIMITS = new ReadLimits(3, Duration.ofSeconds(30), "muwclass.upload.limit.rows");

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:upl" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static String votable(String fields, String rows) {
        return "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"" + NS + "\"><RESOURCE><TABLE>" + fields
                + "<DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    private TapException refused(String doc) {
        try (UploadedTables t = new UploadedTables(connection)) {
            return assertThrows(TapException.class, () -> t.add("t", new ByteArrayInputStream(
                    doc.getBytes(StandardCharsets.UTF_8)), 1_000_000_000L, LIMITS));
        }
    }

    @Test
    void aPlainTableIsStoredAndDroppedAfterwards() throws Exception {
        String table;
        try (UploadedTables t = new UploadedTables(connection)) {
            t.add("t", new ByteArrayInputStream(votable("<FIELD name=\"x\" datatype=\"int\"/>",
                    "<TR><TD>1</TD></TR><TR><TD>2</TD></TR>").getBytes(StandardCharsets.UTF_8)), 100_000, LIMITS);
            table = "tap_upload." + t.tables().get(0).getDBName();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
        }
        try (ResultSet rs = connection.getMetaData().getTables(null, "tap_upload", null, null)) {
            assertFalse(rs.next(), "the upload table is dropped on close");
        }
    }

    @Test
    void unsafeDocumentsAreUserErrors() {
        TapException e = refused(votable("<FIELD name=\"x\" datatype=\"int\"/>",
                "<TR><TD>1</TD></TR>").replace("<?xml version=\"1.0\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"));
        assertTrue(e.userError());
        assertEquals("UPLOAD t: a DOCTYPE (DTD, entity declarations) is not allowed", e.getMessage());
    }

    @Test
    void rowCapAndLongStringsAreUserErrors() {
        String four = "<TR><TD>1</TD></TR>".repeat(4);
        TapException rows = refused(votable("<FIELD name=\"x\" datatype=\"int\"/>", four));
        assertEquals("UPLOAD t has more than the limit of 3 rows (muwclass.upload.limit.rows)", rows.getMessage());
        TapException wide = refused(votable("<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>",
                "<TR><TD>" + "x".repeat(ReadLimits.MAX_STRING_CHARS + 1) + "</TD></TR>"));
        assertTrue(wide.userError());
        assertEquals("UPLOAD t: the value in column 's' of row 1 has 1000001 characters; at most 1000000 are"
                + " accepted", wide.getMessage());
    }

    @Test
    void duplicateColumnNamesAreFoundInAnyLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            TapException e = refused(votable("<FIELD name=\"ID\" datatype=\"int\"/><FIELD name=\"id\" datatype=\"int\"/>",
                    "<TR><TD>1</TD><TD>2</TD></TR>"));
            assertEquals("UPLOAD t: column name 'id' occurs twice", e.getMessage());
        } finally {
            Locale.setDefault(before);
        }
    }
}
