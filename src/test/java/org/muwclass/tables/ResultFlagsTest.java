package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingMatches;
import uk.ac.starlink.table.StarTable;

class ResultFlagsTest {

    private static SourceMeasurements source(String name, double ra, double dec, SourceClass label) {
        double[] nan9 = new double[9];
        java.util.Arrays.fill(nan9, Double.NaN);
        return new SourceMeasurements(name, ra, dec, 0.5, Double.NaN, new double[] {1e-14, 1e-14, 1e-14},
                new double[] {1e-15, 1e-15, 1e-15}, Double.NaN, Double.NaN, nan9, nan9.clone(), Double.NaN, label);
    }

    private static ClassifiedSource row(String name, double ra, double dec) {
        double[] p = new double[SourceClass.count()];
        p[0] = 1.0;
        return new ClassifiedSource(name, ra, dec, p, new double[p.length], p, p, p, SourceClass.AGN, 5.0, 0.1);
    }

    private static int column(StarTable t, String name) {
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (t.getColumnInfo(c).getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void trainingSourcesAreFlaggedAndRowsWithoutXrayKeepTheirPlace() throws IOException {
        SourceMeasurements a = source("a", 10, 20, null);
        SourceMeasurements c = source("c", 30, -40, null);
        List<SourceMeasurements> training = List.of(source("x", 50, 50, SourceClass.AGN),
                source("2CXO train", 30.0001, -40, SourceClass.YSO));
        TrainingMatches matches = TrainingMatches.find(List.of(a, c), training); // c is 0.28 arcsec from it
        StarTable classified = ClassificationTable.of(List.of(row("a", 10, 20), row("c", 30, -40)));
        SourceMeasurements b = source("b", 20, 0, null);
        StarTable t = ResultFlags.apply(classified, matches, true, List.of(new TargetTable.Unclassified(1, b)));

        assertEquals(3, t.getRowCount());
        int n = classified.getColumnCount();
        assertEquals(n + 3, t.getColumnCount());
        assertEquals("training_name", t.getColumnInfo(n).getName());
        assertEquals("training_class", t.getColumnInfo(n + 1).getName());
        assertEquals("input_flag", t.getColumnInfo(n + 2).getName());
        assertEquals(List.of("a", "b", "c"), List.of(t.getCell(0, 0), t.getCell(1, 0), t.getCell(2, 0)));
        assertNull(t.getCell(0, n + 2));
        assertEquals(ResultFlags.NO_XRAY, t.getCell(1, n + 2));
        assertEquals(20.0, t.getCell(1, 1));
        assertNull(t.getCell(1, column(t, "Class")), "no class for an unclassified row");
        assertEquals("AGN", t.getCell(0, column(t, "Class")));
        assertEquals("2CXO train", t.getCell(2, n));
        assertEquals("YSO", t.getCell(2, n + 1));
        assertEquals(ResultFlags.TRAINING_LOO, t.getCell(2, n + 2));
        assertTrue(t.getCell(2, 3) instanceof Double);
        for (TableFormat f : TableFormat.values()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            TableFiles.write(t, f, java.util.Map.of("warnings.no_xray_unclassified", "1"), out);
            assertTrue(out.size() > 0, f.formatName());
        }
        java.nio.file.Path vot = java.nio.file.Files.createTempFile("flags", ".vot");
        try {
            TableFiles.write(t, TableFormat.VOTABLE, java.util.Map.of(), vot);
            StarTable back = TableFiles.read(vot, TableFormat.VOTABLE);
            assertEquals(3, back.getRowCount());
            assertEquals(ResultFlags.NO_XRAY, back.getCell(1, column(back, "input_flag")));
            assertEquals("YSO", back.getCell(2, column(back, "training_class")));
        } finally {
            java.nio.file.Files.deleteIfExists(vot);
        }
    }
}
