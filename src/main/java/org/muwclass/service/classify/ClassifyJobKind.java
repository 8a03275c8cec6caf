package org.muwclass.service.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.muwclass.classification.ClassificationOptions;
import org.muwclass.classification.ClassificationOutput;
import org.muwclass.classification.ClassificationRequest;
import org.muwclass.classification.ClassificationService;
import org.muwclass.classification.EbvMaps;
import org.muwclass.classification.EbvSource;
import org.muwclass.classification.InputTable;
import org.muwclass.classification.OptionException;
import org.muwclass.classification.OptionLimits;
import org.muwclass.classification.PreparedClassification;
import org.muwclass.classification.TableReader;
import org.muwclass.core.crossmatch.MwCatalog;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.CostWeightedProgress;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.Provenance;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.service.cluster.ClusterService;
import org.muwclass.service.cluster.DistributedJobKind;
import org.muwclass.service.cluster.GridUnitExecutor;
import org.muwclass.service.work.ClassificationWorkPool;
import org.muwclass.service.cluster.UnitFailedException;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.uws.JobContext;
import org.muwclass.service.uws.JobFailedException;
import org.muwclass.service.uws.JobInput;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.UploadReferences;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.tables.Checksums;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.MediaTypes;
import org.muwclass.tables.RunProvenance;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableAnnotations;
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
 *       Every class in it needs at least 5 sources.</li>
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
 *       (default), table, dust-map (0.86 x SFD, or the operator's muwclass.classify.dust-map), dust-map-av,
 *       table-else-dust-map-av, hi-map, table-else-hi-map, nh-column (input column nh, n_h or nh_cm2 in cm^-2, or
 *       CSC's nh_gal in 1e20 cm^-2, / 6.851e21), nh-map (HI4PI N_H / 6.851e21), none ({@link EbvSource});
 *       XRAY_NOISE: shared (default, the paper's) or independent; NO_XRAY: refuse (default) or flag rows
 *       without any X-ray flux; TRAINING_OVERLAP: loo (default) or keep for targets that are training sources;
 *       PUBLISH: yes to add the classified rows to the ADQL-queryable table of a
 *       {@link ClassificationPublisher} (refused when the service has none).</li>
 * </ul>
 * The options are parsed by the shared {@link ClassificationOptions} (the CLI's, with the same names) and the run is
 * the shared {@link ClassificationService}'s. Results: "result" (VOTable: P_, e_P_, quantiles per class, Class,
 * Class_prob, CT, ebv used and its origin, training_name, training_class, input_flag, provenance INFOs) and
 * "summary.png" (class counts with and without the CT
 * cut, the most and least confident sources).
 *
 * <p>Why over 400 lines: about 90 are this parameter documentation; the rest is the job kind's four UWS duties
 * (validate, parse, estimate, execute) plus the cluster ones (plan and merge units on any member), each a thin
 * adapter to {@link ClassificationService}.
 */
@ApplicationScoped
public class ClassifyJobKind implements JobKind<ClassifyPlan>, DistributedJobKind {

    public static final String NAME = "classify";
    /** Fewest sources of one class in an uploaded training set (SMOTE uses 4 neighbours). */
    public static final int MIN_PER_CLASS = ClassificationService.MIN_PER_CLASS;

    /** Inputs read but not yet executed (the background estimate's, then the execution's): at most this many. */
    private static final int PREPARED_KEPT = 2;
    private static final Logger LOG = Logger.getLogger(ClassifyJobKind.class.getName());
    private static final String VOTABLE_MIME = MediaTypes.VOTABLE;

    private int drawsDefault;
    private int drawsLimit;
    private int threadsPerJob;
    private Instance<ClassificationPublisher> publishers;
    private ClassificationPublisher fixedPublisher;
    private ClusterService cluster;
    private ClassificationService service;
    private final Map<String, PreparedClassification> prepared = new LinkedHashMap<>();
    @Inject ClassificationWorkPool workPool; // shared by all jobs (issue 15); null in unit tests: a private pool

    /** For CDI proxies. */
    protected ClassifyJobKind() {
    }

    @Inject
    public ClassifyJobKind(ServiceConfig config, Instance<ClassificationPublisher> publishers,
                           ClusterService cluster) {
        this(config.drawsDefault(), config.drawsLimit(),
                ClassificationWorkPool.configuredThreads(),
                "MUWCLASS-VO " + Provenance.softwareVersion(),
                DustMapSetting.fromConfig(ConfigProvider.getConfig()));
        this.publishers = publishers;
        this.cluster = cluster;
    }

    /** Absolute URL of the DataLink {links} endpoint, announced in published results; null: not announced. */
    private String dataLinkUrl;

    @Inject
    void announceDataLink(org.muwclass.service.config.SecuritySettings security) {
        withDataLink(security.url("datalink/links"));
    }

    /** Announces DataLink links ({@code linksUrl}) in the result table of published runs. */
    public ClassifyJobKind withDataLink(String linksUrl) {
        this.dataLinkUrl = linksUrl;
        return this;
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

    /**
     * @param threadsPerJob threads one job's Monte-Carlo units run on (results do not depend on it)
     */
    public ClassifyJobKind(int drawsDefault, int drawsLimit, int threadsPerJob, String serviceVersion) {
        this(drawsDefault, drawsLimit, threadsPerJob, serviceVersion, DustMapSetting.SHIPPED);
    }

    /**
     * @param dustMap the operator's E(B-V) dust map
     */
    public ClassifyJobKind(int drawsDefault, int drawsLimit, int threadsPerJob, String serviceVersion,
                           DustMapSetting dustMap) {
        this.drawsDefault = drawsDefault;
        this.drawsLimit = drawsLimit;
        this.threadsPerJob = threadsPerJob;
        this.service = new ClassificationService(serviceVersion, ClassificationService.shippedTrainingSet(),
                EbvMaps.withDustMap(dustMap.supplier()));
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

    @Override
    public String name() {
        return NAME;
    }

    // ------------------------------------------------------------------ validation

    /**
     * The cheap check in the request thread (review H5): every option through the shared parser, PUBLISH, and that
     * INPUT (and any other table) is there in a known format. The tables' contents are read only at execution, by
     * {@link #parse}; what is wrong with them then makes the job ERROR with the same message. No estimate until then.
     */
    @Override
    public Optional<Duration> validate(JobInput input) throws ParameterException {
        request(input);
        publish(input);
        return Optional.empty();
    }

    /** The request: options parsed, tables located and their formats decided; nothing read. */
    private ClassificationRequest request(JobInput input) throws ParameterException {
        ClassificationOptions options;
        try {
            options = ClassificationOptions.parse(input.parameters()::get,
                    new OptionLimits(drawsDefault, drawsLimit, MAX_TREES));
        } catch (OptionException e) {
            throw parameterException(e);
        }
        Map<String, UploadedFile> referenced = UploadReferences.resolve(input);
        UploadedFile inputFile = table(input, referenced, "INPUT").orElseThrow(() -> new ParameterException("INPUT",
                "an input table is required: send it as a multipart file part called INPUT (or with"
                        + " UPLOAD=input,param:PART)"));
        InputTable in = inputTable(input, "INPUT", inputFile, inputFile.fileName());
        Map<MwCatalog, InputTable> counterparts = new EnumMap<>(MwCatalog.class);
        for (MwCatalog c : MwCatalog.values()) {
            String param = c.suffix().toUpperCase(Locale.ROOT);
            Optional<UploadedFile> f = table(input, referenced, param);
            if (f.isEmpty() && c == MwCatalog.TWOMASS) {
                f = table(input, referenced, "TWOMASS");
            }
            if (f.isPresent()) {
                counterparts.put(c, inputTable(input, param, f.get(), f.get().fileName()));
            }
        }
        Optional<UploadedFile> training = table(input, referenced, "TRAINING");
        Optional<InputTable> trainingTable = training.isEmpty() ? Optional.empty() : Optional.of(inputTable(input,
                "TRAINING", training.get(), UPLOAD_PREFIX + (training.get().fileName() == null ? "TRAINING"
                        : training.get().fileName())));
        return new ClassificationRequest(in, counterparts, trainingTable, options);
    }

    /** How the provenance labels an uploaded training set ("upload:td.csv"). */
    private static final String UPLOAD_PREFIX = "upload:";

    /** Most TREES a job may ask for. */
    static final int MAX_TREES = 1000;

    private static InputTable inputTable(JobInput input, String param, UploadedFile file, String displayName)
            throws ParameterException {
        TableFormat format = UploadedInputFiles.format(param, file, input.parameters().get(param + "_FORMAT")
                .orElse(null));
        return new InputTable(param, file.path(), displayName, format, file.sha256());
    }

    private boolean publish(JobInput input) throws ParameterException {
        Optional<String> v = input.parameters().get("PUBLISH");
        if (v.isEmpty()) {
            return false;
        }
        boolean publish = switch (v.get().trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0", "" -> false;
            default -> throw new ParameterException("PUBLISH", v.get(), "yes or no");
        };
        if (publish && publisher().isEmpty()) {
            throw new ParameterException("PUBLISH", v.get(),
                    "no: this service has no table to publish classifications into");
        }
        return publish;
    }

    /**
     * The full read of the tables, in the worker thread just before execution (or in the background estimate):
     * once per job and member. The result is kept, keyed by the uploads' checksums and the options, until the job
     * executes, so the estimate and the execution share one read and one plan.
     */
    @Override
    public ClassifyPlan parse(JobInput input) throws ParameterException {
        ClassificationRequest request = request(input);
        boolean publish = publish(input);
        String key = key(request);
        synchronized (prepared) {
            PreparedClassification p = prepared.get(key);
            if (p != null) {
                return new ClassifyPlan(p, publish, key);
            }
        }
        PreparedClassification p;
        try {
            p = service.prepare(request, new UploadTableReader(), threadsPerJob);
        } catch (OptionException e) {
            throw parameterException(e);
        }
        synchronized (prepared) {
            prepared.put(key, p);
            while (prepared.size() > PREPARED_KEPT) {
                prepared.remove(prepared.keySet().iterator().next());
            }
        }
        return new ClassifyPlan(p, publish, key);
    }

    /** The uploads' checksums (in option order) and the options: equal keys, equal prepared inputs. */
    private static String key(ClassificationRequest r) throws ParameterException {
        StringBuilder sb = new StringBuilder(r.options().toString());
        List<InputTable> tables = new ArrayList<>(List.of(r.input()));
        tables.addAll(r.counterparts().values());
        r.training().ifPresent(tables::add);
        for (InputTable t : tables) {
            try {
                sb.append('|').append(t.option()).append('=').append(t.format()).append(':')
                        .append(t.sha256() != null ? t.sha256() : Checksums.sha256(t.file()));
            } catch (java.io.IOException e) {
                throw new ParameterException(t.option(), "cannot read the uploaded file: " + e.getMessage());
            }
        }
        return sb.toString();
    }

    static ParameterException parameterException(OptionException e) {
        return e.value() == null ? new ParameterException(e.option(), e.allowed())
                : new ParameterException(e.option(), e.value(), e.allowed());
    }

    private static Optional<UploadedFile> table(JobInput input, Map<String, UploadedFile> referenced, String name) {
        UploadedFile r = referenced.get(name.toLowerCase(Locale.ROOT));
        return r != null ? Optional.of(r) : input.upload(name);
    }

    // ------------------------------------------------------------------ estimate and execution

    /**
     * The core planner's quote: the job's work units (E(B-V) bin x forest) with the measured per-forest and
     * per-prediction costs of the algorithm ({@link CostModel#reference}), as the makespan on the job's threads.
     */
    @Override
    public Duration estimate(ClassifyPlan plan) {
        return plan.prepared().plan().estimate(costModel(plan));
    }

    /** The costs the quote and the progress use: the pool's (with the operator's calibration) or the reference. */
    private CostModel costModel(ClassifyPlan plan) {
        ClassificationOptions o = plan.prepared().request().options();
        return workPool != null ? workPool.costModel(o.algorithm(), o.trees())
                : CostModel.reference(o.algorithm(), o.trees());
    }

    /** The shared pool's measured wall seconds per estimated core-second ({@code PoolThroughput}); 1 without it. */
    @Override
    public double quoteSpeedFactor() {
        return workPool != null ? workPool.speedFactor() : 1;
    }

    /** The quote is the planner's measured cost: a job must fit it in its execution duration (issue 15). */
    @Override
    public boolean quoteMustFitDuration() {
        return true;
    }

    /** The job's plan: the same on every member that builds it from the same stored input. */
    @Override
    public ClassificationPlan plan(JobInput input) throws ParameterException {
        return parse(input).prepared().plan();
    }

    @Override
    public void execute(ClassifyPlan plan, JobContext context) throws Exception {
        synchronized (prepared) {
            prepared.remove(plan.key()); // this execution owns it now; a rerun reads the inputs again
        }
        // progress in estimated core-milliseconds, not units: units differ a lot in cost, and the UWS quote
        // extrapolates this progress (issue 15 item 5)
        double[] unitSeconds = plan.prepared().plan().unitSeconds(costModel(plan));
        long work = Math.max(1, Math.round(Arrays.stream(unitSeconds).sum() * 1000));
        ProgressListener progress = new CostWeightedProgress(unitSeconds,
                f -> context.progress(Math.round(f * work), work));
        context.progress(0, work);
        GridUnitExecutor grid = cluster == null ? null : cluster.executorFor(context.jobId(), NAME);
        UnitExecutor executor = grid != null ? grid
                : workPool != null ? workPool.executor(costModel(plan))
                : UnitExecutor.local(plan.prepared().run().threads(), null);
        Map<String, String> runFacts = new LinkedHashMap<>();
        runFacts.put("job_id", context.jobId());
        // what the quote multiplied the estimate by when the job started (issue 15 item 5); no effect on results
        runFacts.put("quote_speed_factor", String.format(Locale.ROOT, "%.3f", quoteSpeedFactor()));
        // DRAWS alone (mc_draws) does not say which precision was asked for; the demo jobs ask this way
        context.input().parameters().get("EQUIVALENT_DRAWS").ifPresent(n -> runFacts.put("equivalent_draws", n));
        ClassificationOutput output;
        try {
            output = service.run(plan.prepared(), executor, progress, runFacts);
        } catch (IllegalArgumentException | UnitFailedException e) {
            throw new JobFailedException(e.getMessage());
        }
        List<ClassifiedSource> rows = output.sources();
        RunProvenance provenance = output.provenance();
        if (grid != null) {
            // who ran what: the result itself does not depend on it (units are deterministic, merged in order)
            Map<String, String> extra = new LinkedHashMap<>(provenance.extra());
            StringBuilder byMember = new StringBuilder();
            grid.unitsByMember().forEach((m, n) -> byMember.append(byMember.length() == 0 ? "" : ",")
                    .append(m).append('=').append(n));
            extra.put("cluster_units_by_member", byMember.toString());
            extra.put("cluster_units_requeued", Integer.toString(grid.requeued()));
            provenance = new RunProvenance(provenance.serviceVersion(), provenance.algorithm(), provenance.seed(),
                    provenance.draws(), provenance.trainingSetSha256(), provenance.inputSha256(),
                    provenance.started(), provenance.finished(), extra);
        }
        context.checkpoint();
        try (OutputStream out = new BufferedOutputStream(context.openResult("result", VOTABLE_MIME))) {
            TableAnnotations doc = TableAnnotations.of(provenance.entries());
            if (plan.publish() && dataLinkUrl != null) { // links resolve only for rows in classified_sources
                doc = doc.withDescriptor(ClassificationTable.dataLinkDescriptor(dataLinkUrl, context.jobId()));
            }
            TableFiles.write(output.table(), TableFormat.VOTABLE, doc, out);
        }
        double ct = plan.prepared().request().options().ctThreshold();
        try (OutputStream out = context.openResult("summary.png", MediaTypes.PNG)) {
            SummaryImage.write(rows, ct, out);
        }
        if (plan.publish()) {
            context.checkpoint();
            String table = publisher().orElseThrow(() -> new JobFailedException("Publishing is no longer available"))
                    .publish(context.jobId(), output, plan.prepared().targets());
            LOG.info(() -> "Job " + context.jobId() + ": " + rows.size() + " rows published into " + table);
        }
        LOG.fine(() -> "Job " + context.jobId() + ": " + rows.size() + " sources classified");
    }

    /** Reads uploads under the service's upload limits. */
    private static final class UploadTableReader implements TableReader {
        @Override
        public ColumnTable columns(InputTable t) throws OptionException {
            return UploadedInputFiles.columns(t.option(), upload(t), t.format());
        }

        @Override
        public CsvTable csv(InputTable t) throws OptionException {
            return UploadedInputFiles.csv(t.option(), upload(t), t.format());
        }

        private static UploadedFile upload(InputTable t) {
            // messages name the client's file name, not the training set's provenance label
            String name = t.displayName().startsWith(UPLOAD_PREFIX) ? t.displayName().substring(UPLOAD_PREFIX.length())
                    : t.displayName();
            return new UploadedFile(t.option(), name, null, t.file(), -1);
        }
    }
}
