package org.muwclass.service.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.io.CsvTable;

class VoConfigReaderTest {

    @Test
    void shippedMetadataDescribesEveryTrainingSetColumnWithUnitsAndUcds() {
        VoMetadata m = VoConfigReader.fromDirectory(Path.of("vo-config")).read();
        assertEquals("MUWCLASS-VO", m.service().shortName());
        TableDescriptor td = m.table("muwclass.training_set").orElseThrow();
        CsvTable data = CsvTable.readResource("/muwclass/TD.csv");
        assertEquals(data.columns().size(), td.columns().size(), "one column per TD.csv column");
        for (ColumnDescriptor c : td.columns()) {
            assertTrue(data.hasColumn(c.sourceColumn()), c.name() + " maps to " + c.sourceColumn());
            assertFalse(c.ucd().isEmpty(), c.name() + " has a UCD");
            assertFalse(c.description().isEmpty(), c.name() + " has a description");
        }
        assertEquals("mW.m-2", td.column("flux_s").orElseThrow().unit());
        assertEquals("deg", td.column("ra").orElseThrow().unit());
        assertEquals("pos.eq.ra;meta.main", td.column("ra").orElseThrow().ucd());
    }

    @Test
    void classpathCopyEqualsDirectory() {
        assertEquals(VoConfigReader.fromDirectory(Path.of("vo-config")).read(),
                VoConfigReader.fromClasspath().read());
    }

    @Test
    void badDatatypeIsReportedWithFileAndRow(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schema/columns"));
        Files.copy(Path.of("vo-config/service.properties"), dir.resolve("service.properties"));
        Files.writeString(dir.resolve("schema/schemas.csv"), "schema_name,description\ns,d\n");
        Files.writeString(dir.resolve("schema/tables.csv"), "schema_name,table_name,table_type,description\n"
                + "s,s.t,table,d\n");
        Files.writeString(dir.resolve("schema/columns/s.t.csv"), "column_name,datatype\nx,double\ny,decimal\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VoConfigReader.fromDirectory(dir).read());
        assertTrue(e.getMessage().contains("schema/columns/s.t.csv row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'decimal'"), e.getMessage());
    }

    @Test
    void registryDetailsAreReadAndTheIdentifierChecked(@TempDir Path dir) throws Exception {
        ServiceDescription svc = VoConfigReader.fromDirectory(Path.of("vo-config")).read().service();
        assertEquals("ivo://muwclass-vo.invalid/tap", svc.identifier());
        assertEquals("X-ray sources", svc.subjects().get(0));
        assertEquals(6, svc.subjects().size());
        assertEquals("2026-11-25T00:00:00Z", svc.created());
        Files.createDirectories(dir.resolve("schema/columns"));
        Files.writeString(dir.resolve("service.properties"), Files.readString(Path.of("vo-config/service.properties"))
                .replace("service.identifier=ivo://muwclass-vo.invalid/tap", "service.identifier=http://x/tap"));
        for (String f : new String[] {"schema/schemas.csv", "schema/tables.csv"}) {
            Files.copy(Path.of("vo-config").resolve(f), dir.resolve(f));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VoConfigReader.fromDirectory(dir).read());
        assertTrue(e.getMessage().contains("service.identifier must be an IVOA identifier"), e.getMessage());
    }
}
