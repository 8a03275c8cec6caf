package org.muwclass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.muwclass.classification.ClassificationOptions;
import org.muwclass.classification.ClassificationOutput;
import org.muwclass.classification.ClassificationRequest;
import org.muwclass.classification.ClassificationService;
import org.muwclass.classification.EbvMaps;
import org.muwclass.classification.EvaluationOptions;
import org.muwclass.classification.EvaluationOutput;
import org.muwclass.classification.EvaluationService;
import org.muwclass.classification.OptionException;
import org.muwclass.classification.PreparedClassification;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.field.FeatureTable;
import org.muwclass.core.field.FieldFeatureExtractor;
import org.muwclass.core.field.FieldFeatures;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.CostWeightedProgress;
import org.muwclass.core.pipeline.CvReddening;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;
import org.muwclass.tables.Checksums;
import org.muwclass.tables.TableFormat;
import org.muwclass.tables.TextTables;
import uk.ac.starlink.table.StarTable;

/** The {@link PipelineBridge} over the in-process pipeline: core-ml classification, core-xray feature extraction. */
class LocalPipeline implements PipelineBridge {

    @Override
    public ClassificationOutput classify(ClassifyCommand.Settings s, Console console) throws IOException {
        Instant started = Instant.now();
        ClassificationRequest request = s.request();
        ClassificationOptions o = request.options();
        EbvMaps maps = s.dustMap() == null ? EbvMaps.shipped()
                : EbvMaps.withDustMap(dustMap(s.dustMap(), s.dustMapScale()));
        ClassificationService service = new ClassificationService(softwareVersion(),
                ClassificationService.shippedTrainingSet(), maps);
        console.status("reading " + request.input().file() + " (" + request.input().format().formatName() + ")");
        console.status("training set: " + request.training().map(t -> t.file() + " (" + t.format().formatName()
                + ")").orElse("shipped " + TrainingSetReader.DEFAULT_RESOURCE));
        PreparedClassification prepared;
        try {
            prepared = service.prepare(request, new FileTableReader(), s.threads());
        } catch (OptionException e) {
            throw new IllegalArgumentException(FileTableReader.message(e), e);
        }
        console.status("classifying " + prepared.targets().size() + " sources: " + o.algorithm() + " (" + o.trees()
                + " trees), " + o.draws() + " draws, seed " + o.seed() + ", " + s.threads() + " threads");
        ClassificationPlan plan = prepared.plan();
        RunParameters p = prepared.run();
        CostModel cost = CostModel.reference(o.algorithm(), o.trees());
        console.status(String.format(Locale.ROOT, "plan: %d E(B-V) %s, %d forests per task x %d target "
                        + "realisations (%d forests in all), %d work units; quote %.0f s on %d threads (%s)",
                plan.tasks().size(),
                o.ebvGridStep() == 0 ? "bins" : "grid nodes (relative step " + o.ebvGridStep() + ")",
                p.forestsPerTask(), p.targetsPerForest(), plan.forests(), plan.units().size(),
                plan.estimateSeconds(cost, s.threads()), s.threads(), cost.basis()));
        ClassificationOutput out = service.run(prepared, UnitExecutor.local(s.threads(), null),
                CostWeightedProgress.of(plan, cost, f -> console.progressFraction("classification", f)), Map.of());
        console.status(String.format(Locale.ROOT, "classified in %.1f s",
                java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0));
        return out;
    }

    /** The version recorded in provenance: the same text as the service's. */
    static String softwareVersion() {
        return "MUWCLASS-VO " + Main.version();
    }

    private static java.util.function.Supplier<DustMap> dustMap(String setting, double scale) {
        DustMap map = DustMap.fromSetting(setting, scale);
        return () -> map;
    }

    @Override
    public CrossValidationResult crossValidate(EvaluateCommand.CrossValidation s, Console console)
            throws IOException {
        TrainingSet training = training(s.training(), s.trainingFormat(), console);
        EvaluationOptions o = new EvaluationOptions(s.leaveOneOut() ? 0 : s.folds(), s.leaveOneOut(), s.draws(),
                s.seed(), s.trees(), s.algorithm(), ebvPolicy(s.ebv()), reddening(s.reddening()), s.ctThreshold(),
                s.targetsPerForest(), s.xrayNoise(), 10, 0.25);
        if (s.leaveOneOut()) {
            console.status("leave-one-out trains at least " + ((long) training.size() * s.draws())
                    + " models (sources x draws); the paper's 1000 draws took about a day on a cluster");
        }
        console.status("cross-validating " + training.size() + " sources: " + o.protocol() + ", " + s.algorithm()
                + " (" + s.trees() + " trees), " + s.draws() + " draws, seed " + s.seed() + ", " + s.threads()
                + " threads");
        EvaluationOutput out = new EvaluationService(softwareVersion(), TrainingSetReader::readDefault)
                .crossValidate(training, o, s.threads(), f -> console.progressFraction("cross-validation", f),
                        UnitExecutor.local(s.threads(), null));
        return new CrossValidationResult(out.predictions(), out.provenance());
    }

    static CvReddening reddening(String name) {
        return EvaluationOptions.reddening(name);
    }

    /** The shipped TD.csv, or a user's table. */
    static TrainingSet training(Path file, TableFormat format, Console console) throws IOException {
        if (file == null) {
            console.status("training set: shipped " + TrainingSetReader.DEFAULT_RESOURCE);
            return TrainingSetReader.readDefault();
        }
        console.status("training set: " + file + " (" + format.formatName() + ")");
        return TrainingSetReader.read(InputTables.read(file, format), file.toString());
    }

    static EbvPolicy ebvPolicy(String name) {
        return EbvPolicy.fromName(name);
    }

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
