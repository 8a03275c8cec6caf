package org.muwclass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.field.FeatureTable;
import org.muwclass.core.field.FieldFeatureExtractor;
import org.muwclass.core.field.FieldFeatures;
import org.muwclass.core.io.CsvTable;
import org.muwclass.tables.Checksums;
import org.muwclass.tables.TextTables;
import uk.ac.starlink.table.StarTable;

/** The {@link PipelineBridge} over the in-process pipeline (core-xray feature extraction; core-ml still to wire). */
class LocalPipeline extends UnwiredPipeline {

    @Override
    public FeatureResult features(FeaturesCommand.Settings s, Console console) throws IOException {
        java.time.Instant started = java.time.Instant.now();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("service_version", Main.version());
        console.status("reading " + s.perObservation());
        CsvTable per = CsvTable.read(s.perObservation());
        provenance.put("per_observation_sha256", Checksums.sha256(s.perObservation()));
        Map<MwCatalog, CsvTable> cps = new EnumMap<>(MwCatalog.class);
        for (int i = 0; i < FeaturesCommand.CATALOGUES.size(); i++) {
            Path p = s.counterparts().get(i);
            if (p != null) {
                MwCatalog cat = MwCatalog.fromSuffix(FeaturesCommand.CATALOGUES.get(i));
                console.status("reading " + p + " (" + cat.suffix() + " counterparts)");
                cps.put(cat, CsvTable.read(p));
                provenance.put(cat.suffix() + "_sha256", Checksums.sha256(p));
            }
        }
        console.status("averaging " + per.rowCount() + " detections and cross-matching " + cps.keySet().size()
                + " catalogues");
        FieldFeatures features = FieldFeatureExtractor.extract(per, cps);
        FeatureTable td = features.tdTable();
        console.status(features.all().size() + " sources, " + features.usable().size()
                + " usable (remove_code 0) written");
        StarTable table = TextTables.toStarTable("muwclass_features", td.columns(), td.rows(),
                Set.of("CSCv2_name", "CSCv2_flags"), TextTables.TD_UNITS);
        provenance.put("started_utc", started.toString());
        provenance.put("finished_utc", java.time.Instant.now().toString());
        return new FeatureResult(table, provenance);
    }
}
