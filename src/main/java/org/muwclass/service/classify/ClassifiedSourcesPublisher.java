package org.muwclass.service.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muwclass.classification.ClassificationOutput;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.TrainingOverlap;
import org.muwclass.core.training.TrainingMatch;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.app.ServiceRuntime;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.ResultFlags;

/**
 * Publishes classification jobs into {@code muwclass.classified_sources} (queryable through TAP), one run per job
 * id; a job's rows are withdrawn when the job is destroyed.
 */
@ApplicationScoped
public class ClassifiedSourcesPublisher implements ClassificationPublisher {

    @Inject
    ServiceRuntime runtime;

    private ClassifiedSourcesStore store() {
        TableDescriptor table = runtime.metadata().table(ClassifiedSourcesStore.TABLE).orElseThrow(() ->
                new IllegalStateException("vo-config does not describe " + ClassifiedSourcesStore.TABLE));
        return new ClassifiedSourcesStore(runtime.database(), table);
    }

    @Override
    public String publish(String runId, ClassificationOutput output, List<SourceMeasurements> inputs)
            throws Exception {
        ClassifiedSourcesStore store = store();
        store.deleteRun(runId); // a re-run of the same job replaces its rows
        store.insert(runId, rows(output, inputs));
        return ClassifiedSourcesStore.TABLE;
    }

    @Override
    public void withdraw(String runId) throws Exception {
        store().deleteRun(runId);
    }

    /**
     * Table rows: the measurements used (fluxes, hardness ratios, variability, magnitudes), the classification and
     * the result's training-source flags ({@code training_name}, {@code training_class}, {@code input_flag}, as in
     * the job's result table; NULL for a source that is not a training source).
     */
    static List<Map<String, Object>> rows(ClassificationOutput output, List<SourceMeasurements> inputs) {
        List<ClassifiedSource> rows = output.sources();
        if (rows.size() != inputs.size()) {
            throw new IllegalArgumentException(rows.size() + " results for " + inputs.size() + " sources");
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ClassifiedSource c = rows.get(i);
            SourceMeasurements m = inputs.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", c.name());
            put(r, "ra", c.raDeg());
            put(r, "dec", c.decDeg());
            put(r, "pos_err", m.posErrArcsec());
            put(r, "significance", m.significance());
            String[] bands = {"s", "m", "h"};
            double sum = 0;
            double var = 0;
            for (int b = 0; b < 3; b++) {
                put(r, "flux_" + bands[b], m.flux()[b]);
                put(r, "e_flux_" + bands[b], m.fluxErr()[b]);
                sum += m.flux()[b];
                var += m.fluxErr()[b] * m.fluxErr()[b];
            }
            put(r, "flux_b", sum);
            put(r, "e_flux_b", Math.sqrt(var));
            double s = m.flux()[0];
            double md = m.flux()[1];
            double h = m.flux()[2];
            put(r, "hr_hm", (h - md) / (h + md));
            put(r, "hr_ms", (md - s) / (md + s));
            put(r, "hr_hms", (h - md - s) / (h + md + s));
            put(r, "p_inter", m.pInter());
            put(r, "p_intra", m.pIntra());
            for (MwBand band : MwBand.values()) {
                String col = band.name().toLowerCase(Locale.ROOT) + "mag";
                put(r, col, m.mag()[band.ordinal()]);
                put(r, "e_" + col, m.magErr()[band.ordinal()]);
            }
            for (SourceClass k : SourceClass.values()) {
                String col = "p_" + k.label().toLowerCase(Locale.ROOT).replace('-', '_');
                put(r, col, c.mean()[k.ordinal()]);
                put(r, "e_" + col, c.std()[k.ordinal()]);
            }
            r.put("class", c.predicted().label());
            put(r, "class_prob", c.classProbability());
            put(r, "e_class_prob", c.classProbabilityError());
            put(r, "ct", c.ct());
            put(r, "ebv", c.ebvMag());
            TrainingMatch match = output.matches().of(i).orElse(null);
            if (match != null) {
                r.put("training_name", match.trainingName());
                r.put("training_class", match.trainingClass().label());
                r.put("input_flag", output.overlap() == TrainingOverlap.LOO ? ResultFlags.TRAINING_LOO
                        : ResultFlags.TRAINING_KEPT);
            }
            out.add(r);
        }
        return out;
    }

    /** NaN and infinities become NULL. */
    private static void put(Map<String, Object> row, String column, double v) {
        if (Double.isFinite(v)) {
            row.put(column, v);
        }
    }
}
