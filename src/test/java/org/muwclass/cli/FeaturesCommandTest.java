package org.muwclass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.field.FieldFeatures;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.tables.StarColumnTable;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import uk.ac.starlink.table.StarTable;

/** {@code muwclass features} on the NGC 3532 demo field, checked against the demo's own averaged table. */
class FeaturesCommandTest {

    @Test
    void ngc3532FeatureTable(@TempDir Path dir) throws Exception {
        Path demo = Path.of(getClass().getResource("/muwclass/demo/NGC3532/NGC3532_per.csv").toURI()).getParent();
        Path out = dir.resolve("ngc3532.fits");
        List<String> args = new ArrayList<>(List.of("features", "--per", demo.resolve("NGC3532_per.csv").toString(),
                "--output", out.toString()));
        for (String cat : FeaturesCommand.CATALOGUES) {
            args.add("--" + cat);
            args.add(demo.resolve("NGC3532_" + cat + ".csv").toString());
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), 0);
        int rc = new Main(new LocalPipeline(), console, false).run(args.toArray(String[]::new));
        assertEquals(0, rc, stderr.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("wrote 373 sources to "));

        StarTable t = TableFiles.read(out, TableFormat.FITS);
        assertEquals(373, t.getRowCount());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < t.getColumnCount(); c++) {
            names.add(t.getColumnInfo(c).getName());
        }
        assertEquals(FieldFeatures.TD_COLUMNS, names);
        assertEquals("mW.m-2", t.getColumnInfo(names.indexOf("Fs")).getUnitString());

        // Row 1 is the demo's usrid 1: undetected in s, so Fs carries the mode-0 fill of docs/algorithm.md §2.4.
        CsvTable ave = CsvTable.readResource("/muwclass/demo/NGC3532/NGC3532_ave.csv"); // test copy only
        assertEquals(ave.text(0, "name").orElseThrow(), ((String) t.getCell(0, 0)).trim());
        assertEquals(ave.number(0, "flux_aper90_ave_s"), (Double) t.getCell(0, names.indexOf("Fs")), 1e-30);
        assertEquals(ave.number(0, "e_flux_aper90_ave_s"), (Double) t.getCell(0, names.indexOf("e_Fs")), 1e-30);

        // The output is a valid 'classify' input: the source-table reader accepts every row.
        List<SourceMeasurements> targets = SourceTableReader.read(new StarColumnTable(t), false);
        assertEquals(373, targets.size());
        assertEquals(ave.number(0, "ra"), targets.get(0).raDeg(), 1e-9);
    }
}
