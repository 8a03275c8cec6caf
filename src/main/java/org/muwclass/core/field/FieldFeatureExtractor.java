package org.muwclass.core.field;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.muwclass.core.crossmatch.CounterpartTable;
import org.muwclass.core.crossmatch.CrossMatcher;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.xray.XrayFeatureCalculator;
import org.muwclass.core.xray.XraySourceFeatures;

/**
 * Builds a field's classifier inputs from a CSC per-observation table and the nearest-object tables of the five
 * catalogues, as the MUWCLASS demo stores them ({@code <field>_per.csv}, {@code <field>_gaia.csv}, ...).
 * The counterpart tables' {@code _q} is the 1-based position of the source in the averaged source list, which is the
 * order of first appearance of each usrid among good detections (the demo's {@code _ave.csv} row order).
 */
public final class FieldFeatureExtractor {

    private static final Logger LOG = Logger.getLogger(FieldFeatureExtractor.class.getName());

    private FieldFeatureExtractor() {
    }

    /**
     * @param perObservation the {@code *_per.csv} table
     * @param counterparts   nearest-object tables by catalogue; a catalogue left out has no counterparts
     * @throws IllegalArgumentException naming the table, column and row on malformed input
     */
    public static FieldFeatures extract(CsvTable perObservation, Map<MwCatalog, CsvTable> counterparts) {
        List<XraySourceFeatures> xray = XrayFeatureCalculator.fromPerObservation(perObservation);
        Map<MwCatalog, CounterpartTable> tables = new EnumMap<>(MwCatalog.class);
        for (Map.Entry<MwCatalog, CsvTable> e : counterparts.entrySet()) {
            tables.put(e.getKey(), CounterpartTable.of(e.getKey(), e.getValue()));
        }
        CrossMatcher matcher = new CrossMatcher(tables);
        List<FieldSource> sources = new ArrayList<>(xray.size());
        for (int i = 0; i < xray.size(); i++) {
            XraySourceFeatures x = xray.get(i);
            sources.add(new FieldSource(i + 1, x, matcher.match(i + 1, x.master().errEllipseR0())));
        }
        LOG.fine(() -> sources.size() + " sources extracted, catalogues " + tables.keySet());
        return new FieldFeatures(sources);
    }

    /**
     * Reads {@code <dir>/<field>_per.csv} and those of {@code <dir>/<field>_<cat>.csv} that exist.
     *
     * @throws IllegalArgumentException if the per-observation file is missing
     */
    public static FieldFeatures extract(Path dir, String field) {
        Path per = dir.resolve(field + "_per.csv");
        if (!Files.isRegularFile(per)) {
            throw new IllegalArgumentException("Per-observation table not found: " + per);
        }
        Map<MwCatalog, CsvTable> cps = new EnumMap<>(MwCatalog.class);
        for (MwCatalog c : MwCatalog.values()) {
            Path p = dir.resolve(field + "_" + c.suffix() + ".csv");
            if (Files.isRegularFile(p)) {
                cps.put(c, CsvTable.read(p));
            }
        }
        return extract(CsvTable.read(per), cps);
    }
}
