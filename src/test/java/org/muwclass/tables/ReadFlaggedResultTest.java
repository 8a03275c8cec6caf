package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingMatches;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/** A job result with NO_XRAY=flag rows (null class, input_flag no_xray) reads back as its classified rows. */
class ReadFlaggedResultTest {

    private static ClassifiedSource row(String name, double ra, double dec, SourceClass c) {
        double[] p = new double[SourceClass.count()];
        p[c.ordinal()] = 0.75;
        p[(c.ordinal() + 1) % p.length] = 0.25;
        double[] e = new double[p.length];
        Arrays.fill(e, 0.01);
        return new ClassifiedSource(name, ra, dec, p, e, p, p, p, c, 3.5, 0.2, "table");
    }

    private static SourceMeasurements noXray(String name, double ra, double dec) {
        double[] nan9 = new double[9];
        Arrays.fill(nan9, Double.NaN);
        double[] nan3 = {Double.NaN, Double.NaN, Double.NaN};
        return new SourceMeasurements(name, ra, dec, 0.5, Double.NaN, nan3, nan3.clone(), Double.NaN, Double.NaN,
                nan9, nan9.clone(), Double.NaN, null);
    }

    private static final List<ClassifiedSource> CLASSIFIED = List.of(row("first", 10, 20, SourceClass.AGN),
            row("third", 30, -40, SourceClass.YSO));

    private static StarTable result() {
        return ResultFlags.apply(ClassificationTable.of(CLASSIFIED), TrainingMatches.none(), true,
                List.of(new TargetTable.Unclassified(1, noXray("second", 20, 0)),
                        new TargetTable.Unclassified(3, noXray("fourth", 21, 1))));
    }

    @Test
    void inMemoryResultReadsAsItsClassifiedRows() throws IOException {
        assertEquals(4, result().getRowCount());
        assertEquals(CLASSIFIED, ClassificationTable.read(result()));
    }

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void writtenResultReadsAsItsClassifiedRows(TableFormat format, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("result." + format.formatName().replaceAll("[^a-z]", ""));
        TableFiles.write(result(), format, Map.of("no_xray", "flag"), file);
        List<ClassifiedSource> back = ClassificationTable.read(TableFiles.read(file, format));
        assertEquals(List.of("first", "third"), back.stream().map(ClassifiedSource::name).toList());
        assertEquals(List.of(SourceClass.AGN, SourceClass.YSO),
                back.stream().map(ClassifiedSource::predicted).toList());
        assertEquals(0.75, back.get(1).mean()[SourceClass.YSO.ordinal()], 1e-12);
        assertEquals(3.5, back.get(0).ct(), 1e-12);
    }

    @Test
    void aRowWithoutClassThatIsNotFlaggedIsStillRefusedNamingTheRow() throws IOException {
        StarTable t = ClassificationTable.of(CLASSIFIED);
        RowListStarTable broken = new RowListStarTable(t);
        int classCol = -1;
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (t.getColumnInfo(c).getName().equals("Class")) {
                classCol = c;
            }
        }
        Object[] r0 = t.getRow(0);
        Object[] r1 = t.getRow(1);
        r1[classCol] = null;
        broken.addRow(r0);
        broken.addRow(r1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationTable.read(broken));
        assertEquals("Column 'Class', row 2: Unknown class label 'null'; allowed: AGN, CV, HM-STAR, HMXB, LM-STAR,"
                + " LMXB, NS, YSO", e.getMessage());
    }
}
