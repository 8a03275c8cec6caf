package org.muwclass.classification;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.muwclass.core.aggregate.ProbabilitySummary;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.field.FieldFeatureExtractor;
import org.muwclass.core.field.FieldFeatures;
import org.muwclass.core.field.FieldSource;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.Reddening;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.Provenance;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;
import org.muwclass.core.xray.XraySourceFeatures;
import org.muwclass.tables.Checksums;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.RunProvenance;

/**
 * One classification, the same for the CLI, the UWS job and the demo runs: read and feature-extract the inputs
 * ({@link #prepare}), run the core pipeline on an executor ({@link #run}), and return the rows with the provenance.
 * Thread-safe; the shipped training set and the maps are loaded once and shared.
 */
public final class ClassificationService {

    /** Fewest sources of one class in a user's training set (SMOTE uses 4 neighbours). */
    public static final int MIN_PER_CLASS = 5;

    private final String softwareVersion;
    private final Supplier<TrainingSet> shippedTraining;
    private final EbvMaps maps;
    private final EbvResolver resolver;

    /**
     * @param softwareVersion recorded as service_version, e.g. "MUWCLASS-VO 1.0"
     * @param shippedTraining the training set when the request has none (asked for once per request)
     * @param maps            the E(B-V) maps
     */
    public ClassificationService(String softwareVersion, Supplier<TrainingSet> shippedTraining, EbvMaps maps) {
        this.softwareVersion = Objects.requireNonNull(softwareVersion, "softwareVersion");
        this.shippedTraining = shippedTraining;
        this.maps = maps;
        this.resolver = new EbvResolver(maps.dustMap(), maps.hiMap());
    }

    /** The shipped training set (read once) and maps. */
    public static ClassificationService standard(String softwareVersion) {
        return new ClassificationService(softwareVersion, shippedTrainingSet(), EbvMaps.shipped());
    }

    /** The shipped TD.csv, read on first use and then kept. */
    public static Supplier<TrainingSet> shippedTrainingSet() {
        TrainingSet[] kept = new TrainingSet[1];
        return () -> {
            synchronized (kept) {
                if (kept[0] == null) {
                    kept[0] = TrainingSetReader.readDefault();
                }
                return kept[0];
            }
        };
    }

    /** The version recorded as service_version. */
    public String softwareVersion() {
        return softwareVersion;
    }

    /**
     * Reads the inputs and the training set once: a source-level table through the unit- and range-checking reader
     * (rows without X-ray flux refused or set aside per NO_XRAY, repairs counted as warnings), per-observation input
     * through feature extraction; fills in E(B-V) for nh-column / nh-map, checks that every source gets an E(B-V),
     * and finds the targets that are training sources (classified per TRAINING_OVERLAP).
     *
     * @param threads threads the work units will run on (results do not depend on it)
     * @throws OptionException naming the option (INPUT, TRAINING, EBV, ...) and what is wrong
     */
    public PreparedClassification prepare(ClassificationRequest request, TableReader reader, int threads)
            throws OptionException {
        ClassificationOptions o = request.options();
        ColumnTable columns = reader.columns(request.input());
        List<SourceMeasurements> targets;
        TargetTable sourceLevel = null;
        Map<String, String> warnings = new LinkedHashMap<>();
        PreparedClassification.InputShape shape;
        if (isPerObservation(columns.columnNames())) {
            // CSC detections in CSC's fixed units; sources that are not usable (remove_code != 0) are not targets
            shape = PreparedClassification.InputShape.DETECTIONS;
            CsvTable detections = reader.csv(request.input());
            Map<MwCatalog, CsvTable> counterparts = new EnumMap<>(MwCatalog.class);
            for (Map.Entry<MwCatalog, InputTable> c : request.counterparts().entrySet()) {
                counterparts.put(c.getKey(), reader.csv(c.getValue()));
            }
            FieldFeatures field;
            try {
                field = FieldFeatureExtractor.extract(detections, counterparts);
            } catch (IllegalArgumentException e) {
                throw OptionException.of("INPUT", "per-observation table: " + e.getMessage());
            }
            targets = field.measurements();
            warnings.putAll(removedFieldSources(field));
        } else {
            shape = PreparedClassification.InputShape.SOURCES;
            try {
                sourceLevel = SourceTableReader.readTargets(columns, o.noXray());
            } catch (IllegalArgumentException e) {
                throw OptionException.of("INPUT", e.getMessage());
            }
            targets = sourceLevel.sources();
            warnings.putAll(sourceLevel.warnings().asProvenance());
            if (targets.isEmpty()) {
                throw OptionException.of("INPUT", "none of the " + sourceLevel.withoutXray().size() + " rows has"
                        + " an X-ray flux (Fs, Fm or Fh); there is nothing to classify");
            }
        }
        EbvSource ebv = o.ebvSource();
        if (ebv == EbvSource.NH_COLUMN) {
            if (shape != PreparedClassification.InputShape.SOURCES) {
                throw new OptionException("EBV", ebv.optionName(), "nh-column only with a source-level INPUT that"
                        + " has an nh column (cm^-2); use nh-map or dust-map for per-observation input");
            }
            targets = NhColumn.apply(sourceLevel, columns);
        } else if (ebv == EbvSource.NH_MAP) {
            var hi = maps.hiMap().get();
            targets = targets.stream().map(t -> t.withEbv(Reddening.ebvFromNh(hi.nhCm2(t.raDeg(), t.decDeg()))))
                    .toList();
        }
        List<String> origins = ebvOrigins(targets, ebv);
        try {
            resolver.resolve(targets, ebv.policy());
        } catch (IllegalArgumentException e) {
            throw new OptionException("EBV", ebv.optionName(), "a policy the input supports (" + e.getMessage()
                    + ")");
        }
        TrainingSet training = training(request, reader);
        RunParameters run = o.runParameters(threads);
        ClassificationRun pipeline = new ClassificationRun(training, LearnerCatalogue.standard(o.trees()),
                XrayAbsorption.loadDefault(), resolver);
        List<TargetTable.Unclassified> withoutXray = sourceLevel == null ? List.of() : sourceLevel.withoutXray();
        return new PreparedClassification(request, targets, withoutXray, warnings, pipeline.matches(targets), shape,
                training, run, checksums(request, shape), origins, pipeline);
    }

    /**
     * Runs a prepared classification.
     *
     * @param executor runs the work units (local threads or cluster members; the result does not depend on it)
     * @param progress fraction of work units done
     * @param runFacts run-specific provenance facts appended last (job id, cluster members, ...)
     * @throws IllegalArgumentException when the pipeline refuses the data (e.g. a learner that cannot train on it)
     */
    public ClassificationOutput run(PreparedClassification prepared, UnitExecutor executor, ProgressListener progress,
                                    Map<String, String> runFacts) {
        Instant started = Instant.now();
        ClassificationResult result = prepared.plan().execute(executor, progress);
        List<ClassifiedSource> rows = new ArrayList<>(result.sources().size());
        for (int i = 0; i < result.sources().size(); i++) {
            rows.add(row(result.sources().get(i), prepared.ebvOrigins().get(i)));
        }
        Map<String, String> facts = facts(prepared, result.provenance());
        facts.putAll(runFacts);
        Provenance p = result.provenance();
        RunProvenance provenance = new RunProvenance(softwareVersion, p.algorithm(), p.masterSeed(), p.draws(),
                p.trainingSha256(), prepared.inputSha256(), started, Instant.now(), facts);
        return new ClassificationOutput(rows, provenance, prepared.matches(),
                prepared.request().options().trainingOverlap(), prepared.withoutXray());
    }

    /** {@link #prepare} then {@link #run} on local threads. */
    public ClassificationOutput run(ClassificationRequest request, TableReader reader, int threads,
                                    ProgressListener progress) throws OptionException {
        PreparedClassification prepared = prepare(request, reader, threads);
        return run(prepared, UnitExecutor.local(threads, null), progress, Map.of());
    }

    /**
     * Sources of a per-observation field that feature extraction leaves out (docs/algorithm.md §2.6), as provenance
     * entries: no band measured (remove_code 32) and master saturation/streak flag (remove_code 1).
     */
    static Map<String, String> removedFieldSources(FieldFeatures field) {
        int noFlux = 0;
        int flagged = 0;
        for (FieldSource s : field.all()) {
            int code = s.xray().removeCode();
            noFlux += (code & XraySourceFeatures.REMOVE_NO_FLUX) != 0 ? 1 : 0;
            flagged += (code & XraySourceFeatures.REMOVE_MASTER_FLAG) != 0 ? 1 : 0;
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (noFlux > 0) {
            m.put("warnings.field_source_without_xray_flux", Integer.toString(noFlux));
        }
        if (flagged > 0) {
            m.put("warnings.field_source_saturated_or_streak", Integer.toString(flagged));
        }
        return m;
    }

    /** The facts every front door records, in a fixed order. */
    private Map<String, String> facts(PreparedClassification prepared, Provenance p) {
        ClassificationOptions o = prepared.request().options();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("input", prepared.request().input().displayName());
        f.put("input_shape", prepared.shape().label());
        prepared.fileSha256().forEach((name, sha) -> {
            if (!name.equals(prepared.request().input().checksumName())) { // INPUT's is input_sha256, recorded first
                f.put(name, sha);
            }
        });
        f.put("ebv_source", o.ebvSource().optionName());
        f.put("ebv_policy", p.ebvPolicy());
        if (prepared.ebvOrigins().stream().anyMatch(s -> s.startsWith("dust-map"))) {
            f.putAll(maps.dustMap().get().description().entries("dust_map"));
        }
        if (prepared.ebvOrigins().stream().anyMatch(s -> s.equals("hi-map"))) {
            f.putAll(maps.hiMap().get().description().entries("hi_map"));
        }
        f.put("ct_threshold", Double.toString(o.ctThreshold()));
        f.put("trees", Integer.toString(o.trees()));
        f.put("training_set_origin", p.trainingOrigin());
        f.put("training_set_size", Integer.toString(p.trainingSize()));
        f.put("feature_schema", p.featureSchemaId());
        f.put("draws_per_unit", Integer.toString(p.drawsPerUnit()));
        f.put("targets_per_forest", Integer.toString(o.targetsPerForest()));
        f.put("ebv_grid_step", Double.toString(o.ebvGridStep()));
        f.put("xray_noise", p.xrayNoise());
        f.put("no_xray", o.noXray().value());
        f.put("training_overlap", o.trainingOverlap().value());
        f.put("training_sources_matched", Integer.toString(prepared.matches().size()));
        f.putAll(prepared.warnings());
        f.put("core_version", p.version());
        return f;
    }

    private static ClassifiedSource row(SourceResult r, String ebvOrigin) {
        ProbabilitySummary p = r.probabilities();
        return new ClassifiedSource(r.name(), r.raDeg(), r.decDeg(), p.mean(), p.std(), p.median(),
                p.lower2Sigma(), p.upper2Sigma(), r.decision().predicted(), r.decision().ct(), r.ebvUsed(),
                ebvOrigin);
    }

    /** Where each source's E(B-V) comes from under {@code ebv}. */
    static List<String> ebvOrigins(List<SourceMeasurements> targets, EbvSource ebv) {
        List<String> out = new ArrayList<>(targets.size());
        for (SourceMeasurements s : targets) {
            boolean fromTable = ebv.usesTableValue() && !Double.isNaN(s.ebv());
            out.add(fromTable ? "table" : switch (ebv) {
                case DUST_MAP, TABLE_ELSE_DUST_MAP -> "dust-map";
                case DUST_MAP_AV, TABLE_ELSE_DUST_MAP_AV -> "dust-map-av";
                case HI_MAP, TABLE_ELSE_HI_MAP, NH_MAP -> "hi-map";
                case NH_COLUMN -> "nh-column";
                case NONE -> "none";
                case TABLE -> "table";
            });
        }
        return out;
    }

    private TrainingSet training(ClassificationRequest request, TableReader reader) throws OptionException {
        if (request.training().isEmpty()) {
            return shippedTraining.get();
        }
        return checkedTraining(request.training().get(), reader);
    }

    /** A user's training set, read and checked (at least 2 classes of {@value #MIN_PER_CLASS} sources each). */
    static TrainingSet checkedTraining(InputTable file, TableReader reader) throws OptionException {
        TrainingSet t;
        try {
            t = TrainingSetReader.read(reader.columns(file), file.displayName());
        } catch (IllegalArgumentException e) {
            throw OptionException.of("TRAINING", e.getMessage());
        }
        Map<SourceClass, Integer> counts = t.classCounts();
        if (counts.size() < 2) {
            throw OptionException.of("TRAINING", "the training set has " + counts.size()
                    + " class(es); at least 2 classes are needed");
        }
        for (Map.Entry<SourceClass, Integer> e : counts.entrySet()) {
            if (e.getValue() < MIN_PER_CLASS) {
                throw OptionException.of("TRAINING", "class " + e.getKey().label() + " has " + e.getValue()
                        + " source(s); each class needs at least " + MIN_PER_CLASS
                        + " (SMOTE oversampling uses 4 neighbours)");
            }
        }
        return t;
    }

    /** Whether a table holds CSC per-observation detections (obsid and flux_aper90_* columns). */
    public static boolean isPerObservation(List<String> columns) {
        boolean obsid = false;
        boolean aperture = false;
        for (String c : columns) {
            String n = c.toLowerCase(Locale.ROOT);
            obsid |= n.equals("obsid");
            aperture |= n.startsWith("flux_aper90_");
        }
        return obsid && aperture;
    }

    /**
     * The SHA-256 of every file the classification reads, by provenance name: INPUT, the counterpart tables (read
     * for per-observation input only), an uploaded training set. A job's uploads carry the checksum taken when they
     * were received; other files (the CLI's) are hashed here.
     */
    static Map<String, String> checksums(ClassificationRequest request, PreparedClassification.InputShape shape)
            throws OptionException {
        List<InputTable> files = new ArrayList<>(List.of(request.input()));
        if (shape == PreparedClassification.InputShape.DETECTIONS) {
            files.addAll(request.counterparts().values());
        }
        request.training().ifPresent(files::add);
        Map<String, String> out = new LinkedHashMap<>();
        for (InputTable f : files) {
            out.put(f.checksumName(), sha256(f));
        }
        return out;
    }

    /** The file's recorded checksum, else the SHA-256 of its bytes now, hex. */
    static String sha256(InputTable f) throws OptionException {
        if (f.sha256() != null) {
            return f.sha256();
        }
        try {
            return Checksums.sha256(f.file());
        } catch (IOException e) {
            throw OptionException.of(f.option(), "cannot read the file: " + e.getMessage());
        }
    }
}
