package org.muwclass.service.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.field.FieldFeatureExtractor;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.FastForestLearner;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.physics.ExtinctionBins;
import org.muwclass.core.physics.NhMap;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.Provenance;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;
import org.muwclass.service.cluster.ClusterService;
import org.muwclass.service.cluster.DistributedJobKind;
import org.muwclass.service.cluster.GridUnitExecutor;
import org.muwclass.service.cluster.UnitFailedException;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.uws.JobContext;
import org.muwclass.service.uws.JobFailedException;
import org.muwclass.service.uws.JobInput;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.UploadReferences;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.RunProvenance;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/**
 * MUWCLASS classification as a UWS job kind ("classify", served at /classify). Parameters (names case-insensitive):
 * <ul>
 *   <li>INPUT (file part, or UPLOAD=input,param:part): the sources. Either (a) a source-level table with the
 *       training-set columns (CSC master-table names accepted as aliases), or (b) CSC per-observation detections
 *       (recognised by their obsid and flux_aper90_* columns) with optional nearest-counterpart tables GAIA, 2MASS
 *       (or TWOMASS), CATWISE, UNWISE, ALLWISE, which go through feature extraction and cross-matching first.
 *       INPUT_FORMAT (and GAIA_FORMAT, ...) = votable | csv | fits overrides the part's Content-Type/extension.</li>
 *   <li>TRAINING (optional file): a training set with a Class column; default the shipped Yang et al. (2022) set.
 *       Every class in it needs at least {@value #MIN_PER_CLASS} sources.</li>
 *   <li>DRAWS: Monte-Carlo values per source (default from muwclass.classify.draws.default; the limit
 *       muwclass.classify.draws.limit bounds the forests per E(B-V) task, DRAWS / TARGETS_PER_FOREST), or
 *       EQUIVALENT_DRAWS: the draws that give the precision of that many paper-protocol draws at TARGETS_PER_FOREST;
 *       EBV_GRID: 0 (default, the paper's 0.025 mag bins) or the relative step of the interpolating E(B-V) grid
 *       ({@link RunParameters#ebvGridStep()}); SEED: master seed (default 1);
 *       ALGORITHM: fastrf (default; the paper's forest, fast implementation), rf (Weka RandomForest), extratrees,
 *       boosting, bagging, svm, knn, tree; TREES: 1..1000 (default 100); TARGETS_PER_FOREST: 1..1000 (default 1,
 *       the paper's protocol; M &gt; 1 evaluates each trained forest on M target realisations, see
 *       {@link RunParameters#targetsPerForest()});
 *       CT_THRESHOLD: CT at or above which a class counts as confident (default 2); EBV: table-else-dust-map
 *       (default), table, dust-map (0.86 x SFD), nh-column (input column nh in cm^-2 / 6.851e21), nh-map (HI4PI
 *       N_H / 6.851e21), none; PUBLISH: yes to add the rows to the ADQL-queryable table of a
 *       {@link ClassificationPublisher} (refused when the service has none).</li>
 * </ul>
 * Results: "result" (VOTable: P_, e_P_, quantiles per class, Class, Class_prob, CT, ebv used, provenance INFOs) and
 * "summary.png" (class counts with and without the CT cut, the most and least confident sources).
 */
@ApplicationScoped
public class ClassifyJobKind implements JobKind<ClassifyPlan>, DistributedJobKind {

    public static final String NAME = "classify";
    /** Fewest sources of one class in an uploaded training set (SMOTE uses 4 neighbours). */
    public static final int MIN_PER_CLASS = 5;

    static final List<String> EBV_VALUES = List.of("table-else-dust-map", "table", "dust-map", "nh-column", "nh-map",
            "none");
    /** N_H per unit E(B-V): N_H = 2.21e21 A_V and A_V = 3.1 E(B-V) (docs/algorithm.md §6.1), cm^-2 per mag. */
    static final double NH_PER_EBV = 6.851e21;
    /** Input column names of the hydrogen column density (cm^-2) for EBV=nh-column, compared case-insensitively. */
    static final List<String> NH_COLUMNS = List.of("nh", "n_h", "nh_gal", "nh_cm2");
    private static final Logger LOG = Logger.getLogger(ClassifyJobKind.class.getName());
    private static final String VOTABLE_MIME = "application/x-votable+xml";

    private int drawsDefault;
    private int drawsLimit;
    private int threadsPerJob;
    private String serviceVersion;
    private Instance<ClassificationPublisher> publishers;
    private ClassificationPublisher fixedPublisher;
    private volatile TrainingSet shippedTraining;
    private volatile EbvResolver ebvResolver;
    private ClusterService cluster;
    private volatile NhMap nhMap;

    /** For CDI proxies. */
    protected ClassifyJobKind() {
    }

    @Inject
    public ClassifyJobKind(ServiceConfig config, Instance<ClassificationPublisher> publishers,
                           ClusterService cluster) {
        this(config.drawsDefault(), config.drawsLimit(),
                Math.max(1, Runtime.getRuntime().availableProcessors() / config.workerThreads()),
                "MUWCLASS-VO " + Provenance.softwareVersion());
        this.publishers = publishers;
        this.cluster = cluster;
    }

    /** Runs the work units on {@code cluster}'s members when it has a grid (see docs/cluster.md). */
    public ClassifyJobKind onCluster(ClusterService clusterService) {
        this.cluster = clusterService;
        return this;
    }

    /** For tests: a kind publishing through {@code publisher}. */
    ClassifyJobKind(int drawsDefault, int drawsLimit, ClassificationPublisher publisher) {
        this(drawsDefault, drawsLimit, 1, "test");
        this.fixedPublisher = publisher;
    }

    private Optional<ClassificationPublisher> publisher() {
        if (fixedPublisher != null) {
            return Optional.of(fixedPublisher);
        }
        return publishers != null && publishers.isResolvable() ? Optional.of(publishers.get()) : Optional.empty();
    }

    /** Withdraws the job's published rows. */
    @Override
    public void destroyed(String jobId) throws Exception {
        Optional<ClassificationPublisher> p = publisher();
        if (p.isPresent()) {
            p.get().withdraw(jobId);
        }
    }

    /**
     * A job that did not complete (aborted or stopped after publishing, or cut off by a kill -9 between the publish
     * commit and COMPLETED) keeps no public rows.
     */
    @Override
    public void discarded(String jobId) throws Exception {
        destroyed(jobId);
    }

    /**
     * @param threadsPerJob threads one job's Monte-Carlo units run on (results do not depend on it)
     */
    public ClassifyJobKind(int drawsDefault, int drawsLimit, int threadsPerJob, String serviceVersion) {
        this.drawsDefault = drawsDefault;
        this.drawsLimit = drawsLimit;
        this.threadsPerJob = threadsPerJob;
        this.serviceVersion = serviceVersion;
    }

    @Override
    public String name() {
        return NAME;
    }

    // ------------------------------------------------------------------ validation

    /** The scalar parameters, checked without reading any upload. */
    private record Options(int targetsPerForest, int draws, double ebvGrid, long seed, int trees, String algorithm,
                           double ct, boolean publish, String ebvName, EbvPolicy policy) {
    }

    /**
     * The cheap check in the request thread (review H5): every scalar parameter, and that INPUT (and any other
     * table) is there in a known format. The tables' contents are read only at execution, by {@link #parse}; what
     * is wrong with them then makes the job ERROR with the same message. No estimate until then.
     */
    @Override
    public Optional<Duration> validate(JobInput input) throws ParameterException {
        options(input);
        Map<String, UploadedFile> referenced = UploadReferences.resolve(input);
        UploadedFile inputFile = requireInput(input, referenced);
        UploadedTables.format("INPUT", inputFile, formatOf(input, "INPUT"));
        for (MwCatalog c : MwCatalog.values()) {
            String param = c.suffix().toUpperCase(Locale.ROOT);
            Optional<UploadedFile> f = table(input, referenced, param);
            if (f.isPresent()) {
                UploadedTables.format(param, f.get(), formatOf(input, param));
            }
        }
        Optional<UploadedFile> training = table(input, referenced, "TRAINING");
        if (training.isPresent()) {
            UploadedTables.format("TRAINING", training.get(), formatOf(input, "TRAINING"));
        }
        return Optional.empty();
    }

    private static UploadedFile requireInput(JobInput input, Map<String, UploadedFile> referenced)
            throws ParameterException {
        return table(input, referenced, "INPUT").orElseThrow(() -> new ParameterException("INPUT",
                "an input table is required: send it as a multipart file part called INPUT (or with"
                        + " UPLOAD=input,param:PART)"));
    }

    private Options options(JobInput input) throws ParameterException {
        int targetsPerForest = intParam(input, "TARGETS_PER_FOREST", 1, 1, RunParameters.MAX_TARGETS_PER_FOREST);
        int draws = draws(input, targetsPerForest);
        double ebvGrid = doubleParam(input, "EBV_GRID", 0.0);
        if (ebvGrid != 0 && !EbvGrid.isRelativeStep(ebvGrid)) {
            throw new ParameterException("EBV_GRID", input.parameters().get("EBV_GRID").get(),
                    "0 (the paper's 0.025 mag E(B-V) bins) or a relative grid step from "
                            + EbvGrid.MIN_RELATIVE_STEP + " to " + EbvGrid.MAX_RELATIVE_STEP);
        }
        long seed = longParam(input, "SEED", 1L);
        int trees = intParam(input, "TREES", LearnerCatalogue.PAPER_TREES, 1, 1000);
        LearnerCatalogue catalogue = LearnerCatalogue.standard(trees);
        String algorithm = input.parameters().get("ALGORITHM").map(a -> a.trim().toLowerCase(Locale.ROOT))
                .orElse(FastForestLearner.NAME);
        if (!catalogue.names().contains(algorithm)) {
            throw new ParameterException("ALGORITHM", input.parameters().get("ALGORITHM").get(),
                    "one of " + String.join(", ", catalogue.names()));
        }
        double ct = doubleParam(input, "CT_THRESHOLD", 2.0);
        boolean publish = booleanParam(input, "PUBLISH");
        if (publish && publisher().isEmpty()) {
            throw new ParameterException("PUBLISH", input.parameters().get("PUBLISH").get(),
                    "no: this service has no table to publish classifications into");
        }
        String ebvName = input.parameters().get("EBV").map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse(EBV_VALUES.get(0));
        if (!EBV_VALUES.contains(ebvName)) {
            throw new ParameterException("EBV", input.parameters().get("EBV").get(),
                    "one of " + String.join(", ", EBV_VALUES));
        }
        EbvPolicy policy = switch (ebvName) {
            case "table", "nh-column", "nh-map" -> EbvPolicy.TABLE; // the N_H choices fill the ebv of every source
            case "dust-map" -> EbvPolicy.DUST_MAP;
            case "none" -> EbvPolicy.NONE;
            default -> EbvPolicy.TABLE_ELSE_DUST_MAP;
        };
        return new Options(targetsPerForest, draws, ebvGrid, seed, trees, algorithm, ct, publish, ebvName, policy);
    }

    /** The full read of the tables: runs in the worker thread just before execution. */
    @Override
    public ClassifyPlan parse(JobInput input) throws ParameterException {
        Options o = options(input);
        int targetsPerForest = o.targetsPerForest();
        int draws = o.draws();
        double ebvGrid = o.ebvGrid();
        long seed = o.seed();
        int trees = o.trees();
        String algorithm = o.algorithm();
        double ct = o.ct();
        boolean publish = o.publish();
        String ebvName = o.ebvName();
        EbvPolicy policy = o.policy();
        Map<String, UploadedFile> referenced = UploadReferences.resolve(input);
        UploadedFile inputFile = requireInput(input, referenced);
        TableFormat inputFormat = UploadedTables.format("INPUT", inputFile, formatOf(input, "INPUT"));
        List<UploadedFile> inputFiles = new ArrayList<>(List.of(inputFile));
        List<SourceMeasurements> targets;
        String shape;
        CsvTable asText = null;
        org.muwclass.core.training.ColumnTable columns = UploadedTables.columns("INPUT", inputFile, inputFormat);
        if (isPerObservation(columns.columnNames())) {
            shape = "detections";
            asText = UploadedTables.csv("INPUT", inputFile, inputFormat);
            Map<MwCatalog, CsvTable> counterparts = new EnumMap<>(MwCatalog.class);
            for (MwCatalog c : MwCatalog.values()) {
                String param = c.suffix().toUpperCase(Locale.ROOT);
                Optional<UploadedFile> f = table(input, referenced, param);
                if (f.isEmpty() && c == MwCatalog.TWOMASS) {
                    f = table(input, referenced, "TWOMASS");
                }
                if (f.isPresent()) {
                    counterparts.put(c, UploadedTables.csv(param, f.get(),
                            UploadedTables.format(param, f.get(), formatOf(input, param))));
                    inputFiles.add(f.get());
                }
            }
            try {
                targets = FieldFeatureExtractor.extract(asText, counterparts).measurements();
            } catch (IllegalArgumentException e) {
                throw new ParameterException("INPUT", "per-observation table: " + e.getMessage());
            }
        } else {
            shape = "sources";
            try {
                targets = SourceTableReader.read(columns, false);
            } catch (IllegalArgumentException e) {
                throw new ParameterException("INPUT", e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            throw new ParameterException("INPUT", "the table has no sources to classify");
        }

        if (ebvName.equals("nh-column")) {
            if (!shape.equals("sources")) {
                throw new ParameterException("EBV", ebvName, "nh-column only with a source-level INPUT that has an nh"
                        + " column (cm^-2); use nh-map or dust-map for per-observation input");
            }
            targets = withNhColumn(targets, columns);
        } else if (ebvName.equals("nh-map")) {
            NhMap map = nhMap();
            targets = targets.stream().map(t -> t.withEbv(map.nhCm2(t.raDeg(), t.decDeg()) / NH_PER_EBV)).toList();
        }
        TrainingSet training = training(input, referenced);
        double[] ebv;
        try {
            ebv = ebvResolver().resolve(targets, policy);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("EBV", ebvName, "a policy the input supports (" + e.getMessage() + ")");
        }
        int bins = policy == EbvPolicy.NONE ? 1 : ExtinctionBins.group(ebv).size();
        // one draw per work unit: progress per forest, and ABORT or the execution duration act within one forest
        RunParameters run = RunParameters.of(draws, seed).withAlgorithm(algorithm).withEbvPolicy(policy)
                .withCtThreshold(ct).withThreads(threadsPerJob).withDrawsPerUnit(1)
                .withTargetsPerForest(targetsPerForest).withEbvGrid(ebvGrid);
        return new ClassifyPlan(targets, shape, run, trees, training, bins, sha256(inputFiles),
                inputFile.fileName() == null ? "INPUT" : inputFile.fileName(), publish);
    }

    /**
     * DRAWS (values per source), or the draws EQUIVALENT_DRAWS needs at TARGETS_PER_FOREST; either way at most the
     * limit of forests per E(B-V) task (DRAWS / TARGETS_PER_FOREST rounded up): the limit bounds the training work.
     */
    private int draws(JobInput input, int targetsPerForest) throws ParameterException {
        int max = (int) Math.min(100_000L, (long) drawsLimit * targetsPerForest);
        Optional<String> equivalent = input.parameters().get("EQUIVALENT_DRAWS");
        if (equivalent.isEmpty()) {
            return intParam(input, "DRAWS", Math.min(drawsDefault, max), 1, max);
        }
        if (input.parameters().get("DRAWS").isPresent()) {
            throw new ParameterException("EQUIVALENT_DRAWS", equivalent.get(), "not together with DRAWS: give one");
        }
        int n = intParam(input, "EQUIVALENT_DRAWS", 1, 1, 100_000);
        int draws = RunParameters.of(1, 0).withTargetsPerForest(targetsPerForest).withEquivalentDraws(n).draws();
        if (draws > max) {
            throw new ParameterException("EQUIVALENT_DRAWS", equivalent.get(), "at most what " + drawsLimit
                    + " forests per E(B-V) task give with TARGETS_PER_FOREST=" + targetsPerForest + " ("
                    + (int) Math.floor(RunParameters.of(1, 0).withTargetsPerForest(targetsPerForest)
                    .withDraws(max).equivalentDraws()) + ")");
        }
        return draws;
    }

    /** E(B-V) = N_H / {@value #NH_PER_EBV} from the input's N_H column, cm^-2. */
    static List<SourceMeasurements> withNhColumn(List<SourceMeasurements> targets,
                                                 org.muwclass.core.training.ColumnTable table)
            throws ParameterException {
        int col = -1;
        List<String> names = table.columnNames();
        for (int i = 0; i < names.size() && col < 0; i++) {
            if (NH_COLUMNS.contains(names.get(i).toLowerCase(Locale.ROOT))) {
                col = i;
            }
        }
        if (col < 0) {
            throw new ParameterException("EBV", "nh-column", "an INPUT with an N_H column (cm^-2) called one of "
                    + NH_COLUMNS);
        }
        if (table.rowCount() != targets.size()) {
            throw new IllegalStateException("INPUT rows and sources differ: " + table.rowCount() + " / "
                    + targets.size());
        }
        List<SourceMeasurements> out = new ArrayList<>(targets.size());
        for (int r = 0; r < targets.size(); r++) {
            Object cell = table.cell(r, col);
            double nh;
            try {
                nh = cell instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(cell).trim());
            } catch (NumberFormatException e) {
                nh = Double.NaN;
            }
            if (cell == null || !(nh >= 0) || Double.isInfinite(nh)) {
                throw new ParameterException("INPUT", "column '" + names.get(col) + "', row " + (r + 1) + ": '"
                        + cell + "' is not allowed with EBV=nh-column; expected a finite N_H >= 0 in cm^-2");
            }
            out.add(targets.get(r).withEbv(nh / NH_PER_EBV));
        }
        return out;
    }

    private NhMap nhMap() {
        NhMap m = nhMap;
        if (m == null) {
            m = NhMap.loadHi4piLowRes();
            nhMap = m;
        }
        return m;
    }

    static boolean isPerObservation(List<String> columns) {
        boolean obsid = false;
        boolean aperture = false;
        for (String c : columns) {
            String n = c.toLowerCase(Locale.ROOT);
            obsid |= n.equals("obsid");
            aperture |= n.startsWith("flux_aper90_");
        }
        return obsid && aperture;
    }

    private TrainingSet training(JobInput input, Map<String, UploadedFile> referenced) throws ParameterException {
        Optional<UploadedFile> file = table(input, referenced, "TRAINING");
        if (file.isEmpty()) {
            TrainingSet t = shippedTraining;
            if (t == null) {
                t = TrainingSetReader.readDefault();
                shippedTraining = t;
            }
            return t;
        }
        TableFormat format = UploadedTables.format("TRAINING", file.get(), formatOf(input, "TRAINING"));
        TrainingSet t;
        try {
            t = TrainingSetReader.read(UploadedTables.columns("TRAINING", file.get(), format),
                    "upload:" + (file.get().fileName() == null ? "TRAINING" : file.get().fileName()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("TRAINING", e.getMessage());
        }
        Map<SourceClass, Integer> counts = t.classCounts();
        if (counts.size() < 2) {
            throw new ParameterException("TRAINING", "the training set has " + counts.size()
                    + " class(es); at least 2 classes are needed");
        }
        for (Map.Entry<SourceClass, Integer> e : counts.entrySet()) {
            if (e.getValue() < MIN_PER_CLASS) {
                throw new ParameterException("TRAINING", "class " + e.getKey().label() + " has " + e.getValue()
                        + " source(s); each class needs at least " + MIN_PER_CLASS
                        + " (SMOTE oversampling uses 4 neighbours)");
            }
        }
        return t;
    }

    private static Optional<UploadedFile> table(JobInput input, Map<String, UploadedFile> referenced, String name) {
        UploadedFile r = referenced.get(name.toLowerCase(Locale.ROOT));
        return r != null ? Optional.of(r) : input.upload(name);
    }

    private static String formatOf(JobInput input, String table) {
        return input.parameters().get(table + "_FORMAT").orElse(null);
    }

    // ------------------------------------------------------------------ estimate and execution

    /**
     * The core planner's quote: the job's work units (E(B-V) bin x forest) with the measured per-forest and
     * per-prediction costs of the algorithm ({@link CostModel#reference}), as the makespan on the job's threads.
     */
    @Override
    public Duration estimate(ClassifyPlan plan) {
        return planOf(plan).estimate(CostModel.reference(plan.run().algorithm(), plan.trees()));
    }

    /** The job's plan: the same on every member that builds it from the same stored input. */
    @Override
    public ClassificationPlan plan(JobInput input) throws ParameterException {
        return planOf(parse(input));
    }

    private ClassificationPlan planOf(ClassifyPlan plan) {
        ClassificationRun run = new ClassificationRun(plan.training(), LearnerCatalogue.standard(plan.trees()),
                XrayAbsorption.loadDefault(), ebvResolver());
        return run.plan(plan.targets(), plan.run());
    }

    @Override
    public void execute(ClassifyPlan plan, JobContext context) throws Exception {
        Instant started = Instant.now();
        ClassificationPlan work = planOf(plan);
        long units = work.unitCount();
        context.progress(0, units);
        GridUnitExecutor grid = cluster == null ? null : cluster.executorFor(context.jobId(), NAME);
        UnitExecutor executor = grid != null ? grid : UnitExecutor.local(plan.run().threads(), null);
        ClassificationResult result;
        try {
            result = work.execute(executor, f -> context.progress(Math.round(f * units), units));
        } catch (IllegalArgumentException | UnitFailedException e) {
            throw new JobFailedException(e.getMessage());
        }
        List<ClassifiedSource> rows = new ArrayList<>(result.sources().size());
        for (SourceResult r : result.sources()) {
            rows.add(new ClassifiedSource(r.name(), r.raDeg(), r.decDeg(), r.probabilities().mean(),
                    r.probabilities().std(), r.probabilities().median(), r.probabilities().lower2Sigma(),
                    r.probabilities().upper2Sigma(), r.decision().predicted(), r.decision().ct(), r.ebvUsed()));
        }
        context.checkpoint();
        Provenance p = result.provenance();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("job_id", context.jobId());
        extra.put("input", plan.inputName());
        extra.put("input_shape", plan.shape());
        extra.put("ct_threshold", Double.toString(plan.run().ctThreshold()));
        extra.put("ebv_policy", p.ebvPolicy());
        extra.put("trees", Integer.toString(plan.trees()));
        extra.put("training_set_origin", p.trainingOrigin());
        extra.put("training_set_size", Integer.toString(p.trainingSize()));
        extra.put("feature_schema", p.featureSchemaId());
        extra.put("draws_per_unit", Integer.toString(p.drawsPerUnit()));
        extra.put("targets_per_forest", Integer.toString(plan.run().targetsPerForest()));
        extra.put("ebv_grid_step", Double.toString(plan.run().ebvGridStep()));
        extra.put("core_version", p.version());
        if (grid != null) {
            // who ran what: the result itself does not depend on it (units are deterministic, merged in order)
            StringBuilder byMember = new StringBuilder();
            grid.unitsByMember().forEach((m, n) -> byMember.append(byMember.length() == 0 ? "" : ",")
                    .append(m).append('=').append(n));
            extra.put("cluster_units_by_member", byMember.toString());
            extra.put("cluster_units_requeued", Integer.toString(grid.requeued()));
        }
        RunProvenance provenance = new RunProvenance(serviceVersion, p.algorithm(), p.masterSeed(), p.draws(),
                p.trainingSha256(), plan.inputSha256(), started, Instant.now(), extra);
        try (OutputStream out = new BufferedOutputStream(context.openResult("result", VOTABLE_MIME))) {
            TableFiles.write(ClassificationTable.of(rows), TableFormat.VOTABLE, provenance.entries(), out);
        }
        try (OutputStream out = context.openResult("summary.png", "image/png")) {
            SummaryImage.write(rows, plan.run().ctThreshold(), out);
        }
        if (plan.publish()) {
            context.checkpoint();
            String table = publisher().orElseThrow(() -> new JobFailedException("Publishing is no longer available"))
                    .publish(context.jobId(), rows, plan.targets());
            LOG.info(() -> "Job " + context.jobId() + ": " + rows.size() + " rows published into " + table);
        }
        LOG.fine(() -> "Job " + context.jobId() + ": " + rows.size() + " sources classified");
    }

    // ------------------------------------------------------------------ helpers

    private EbvResolver ebvResolver() {
        EbvResolver r = ebvResolver;
        if (r == null) {
            DustMap[] map = new DustMap[1];
            r = new EbvResolver(() -> {
                synchronized (map) {
                    if (map[0] == null) {
                        map[0] = DustMap.loadSfdLowRes();
                    }
                    return map[0];
                }
            });
            ebvResolver = r;
        }
        return r;
    }

    private static int intParam(JobInput input, String name, int dflt, int min, int max) throws ParameterException {
        Optional<String> v = input.parameters().get(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, v.get(), "an integer from " + min + " to " + max);
    }

    private static boolean booleanParam(JobInput input, String name) throws ParameterException {
        Optional<String> v = input.parameters().get(name);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get().trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0", "" -> false;
            default -> throw new ParameterException(name, v.get(), "yes or no");
        };
    }

    private static long longParam(JobInput input, String name, long dflt) throws ParameterException {
        Optional<String> v = input.parameters().get(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(name, v.get(), "a whole number (64-bit)");
        }
    }

    private static double doubleParam(JobInput input, String name, double dflt) throws ParameterException {
        Optional<String> v = input.parameters().get(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v.get().trim());
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, v.get(), "a finite number, 0 or more");
    }

    static String sha256(List<UploadedFile> files) throws ParameterException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (UploadedFile f : files) {
                try (InputStream in = Files.newInputStream(f.path())) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new ParameterException("INPUT", "cannot read the uploaded file: " + e.getMessage());
        }
    }
}
