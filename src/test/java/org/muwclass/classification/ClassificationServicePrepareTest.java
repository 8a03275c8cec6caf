package org.muwclass.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.CsvColumnTable;
import org.muwclass.tables.TableFormat;

/** What {@link ClassificationService#prepare} makes of the per-observation input: warnings and training matches. */
class ClassificationServicePrepareTest {

    private static final Path NGC3532 = demo();

    private static Path demo() {
        try {
            return Path.of(ClassificationServicePrepareTest.class.getResource(
                    "/muwclass/demo/NGC3532/NGC3532_per.csv").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CSV files as they are. */
    private static final class CsvReader implements TableReader {
        @Override
        public ColumnTable columns(InputTable table) {
            return new CsvColumnTable(csv(table));
        }

        @Override
        public CsvTable csv(InputTable table) {
            return CsvTable.read(table.file());
        }
    }

    private static final CsvReader CSV = new CsvReader();

    private static Map<MwCatalog, InputTable> counterparts() {
        Map<MwCatalog, InputTable> m = new EnumMap<>(MwCatalog.class);
        for (MwCatalog c : MwCatalog.values()) {
            m.put(c, new InputTable(c.suffix().toUpperCase(java.util.Locale.ROOT),
                    NGC3532.resolve("NGC3532_" + c.suffix() + ".csv"), null, TableFormat.CSV));
        }
        return m;
    }

    private static PreparedClassification prepare(Path per) throws Exception {
        ClassificationOptions options = ClassificationOptions.parse(n -> n.equals("DRAWS") ? Optional.of("1")
                : n.equals("EBV") ? Optional.of("none") : Optional.empty(), OptionLimits.CLI);
        ClassificationRequest request = new ClassificationRequest(new InputTable("INPUT", per, null, TableFormat.CSV),
                counterparts(), Optional.empty(), options);
        return ClassificationService.standard("test").prepare(request, CSV, 1);
    }

    @Test
    void perObservationInputCountsTheSourcesFeatureExtractionLeavesOutAndFlagsTrainingSources(@TempDir Path dir)
            throws Exception {
        PreparedClassification demo = prepare(NGC3532.resolve("NGC3532_per.csv"));
        assertEquals(Map.of(), demo.warnings(), "the demo field keeps every source");
        assertEquals(List.of(), demo.withoutXray(), "per-observation input sets no row aside");
        assertEquals(2, demo.matches().size(), "two NGC 3532 sources are in the training set");

        // the master saturation flag on every detection of the first source: feature extraction drops it
        List<String> lines = Files.readAllLines(NGC3532.resolve("NGC3532_per.csv"));
        String first = lines.get(1).split(",", -1)[1];
        int sat = List.of(lines.get(0).split(",", -1)).indexOf("sat_src_flag");
        List<String> flagged = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", -1);
            if (cells[1].equals(first)) {
                cells[sat] = "True";
            }
            flagged.add(String.join(",", cells));
        }
        PreparedClassification p = prepare(Files.write(dir.resolve("per.csv"), flagged));
        assertEquals(Map.of("warnings.field_source_saturated_or_streak", "1"), p.warnings());
        assertEquals(demo.targets().size() - 1, p.targets().size());
        assertTrue(p.targets().stream().noneMatch(t -> t.name().equals(first)), first + " left out");
    }
}
