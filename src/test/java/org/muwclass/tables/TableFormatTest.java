package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one format vocabulary: names, TAP RESPONSEFORMAT aliases, MIME types and Content-Types. */
class TableFormatTest {

    @Test
    void responseFormatAliasesAndMimeTypes() {
        assertEquals(Optional.of(TableFormat.VOTABLE), TableFormat.parse("votable"));
        assertEquals(Optional.of(TableFormat.VOTABLE), TableFormat.parse("application/x-votable+xml"));
        assertEquals(Optional.of(TableFormat.VOTABLE), TableFormat.parse("votable/b2"));
        assertEquals(Optional.of(TableFormat.VOTABLE_TABLEDATA), TableFormat.parse("votable/td"));
        assertEquals(Optional.of(TableFormat.VOTABLE_TABLEDATA),
                TableFormat.parse("application/x-votable+xml; serialization=TABLEDATA"));
        assertEquals(Optional.of(TableFormat.VOTABLE_TABLEDATA), TableFormat.parse("VOTable-TableData"));
        assertEquals(Optional.of(TableFormat.CSV), TableFormat.parse("TEXT/CSV"));
        assertEquals(Optional.of(TableFormat.CSV), TableFormat.parse("text/csv;header=present"));
        assertEquals(Optional.of(TableFormat.TSV), TableFormat.parse("text/tab-separated-values"));
        assertEquals(Optional.of(TableFormat.FITS), TableFormat.parse("image/fits"));
        assertEquals(Optional.of(TableFormat.ECSV), TableFormat.parse("text/x-ecsv"));
        assertEquals(Optional.empty(), TableFormat.parse("xls"));
        assertEquals(Optional.empty(), TableFormat.parse(null));
    }

    @Test
    void eachFormatAnswersWithItsOwnMimeTypeAndAcceptsIt() {
        for (TableFormat f : TableFormat.values()) {
            assertEquals(Optional.of(f), TableFormat.parse(f.mimeType()), f.name());
            assertEquals(Optional.of(f), TableFormat.parse(f.formatName()), f.name());
            assertEquals(f.formatName(), f.aliases().get(0));
        }
        assertEquals("application/x-votable+xml", TableFormat.VOTABLE.mimeType());
        assertEquals(MediaTypes.VOTABLE + ";serialization=TABLEDATA", TableFormat.VOTABLE_TABLEDATA.mimeType());
        assertEquals("text/csv;header=present", TableFormat.CSV.mimeType());
        assertEquals("fits", TableFormat.FITS.extension());
    }

    @Test
    void uploadContentTypesIgnoreCharset() {
        assertEquals(Optional.of(TableFormat.CSV), TableFormat.fromContentType("text/csv; charset=UTF-8"));
        assertEquals(Optional.of(TableFormat.VOTABLE), TableFormat.fromContentType("application/votable+xml"));
        assertEquals(Optional.of(TableFormat.VOTABLE), TableFormat.fromContentType("text/xml;charset=utf-8"));
        assertEquals(Optional.of(TableFormat.VOTABLE_TABLEDATA),
                TableFormat.fromContentType("application/x-votable+xml;serialization=TABLEDATA"));
        assertEquals(Optional.empty(), TableFormat.fromContentType("application/octet-stream"));
        assertEquals(Optional.empty(), TableFormat.fromContentType(null));
    }

    @Test
    void errorMessagesListTheChoices() {
        assertEquals("votable (application/x-votable+xml), votable-tabledata (application/x-votable+xml;"
                + "serialization=TABLEDATA), csv (text/csv;header=present), tsv (text/tab-separated-values), fits "
                + "(application/fits), ecsv (text/x-ecsv)", TableFormat.allowedValues());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TableFormat.fromName("parquet"));
        assertEquals("unknown table format 'parquet'; allowed: votable, votable-tabledata, csv, tsv, fits, ecsv",
                e.getMessage());
        assertTrue(TableFormat.fromExtension(java.nio.file.Path.of("a.TSV")).orElseThrow() == TableFormat.TSV);
    }
}
