package org.muwclass.service.evaluate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muwclass.classification.ClassificationService;
import org.muwclass.classification.EvaluationOptions;
import org.muwclass.classification.EvaluationOutput;
import org.muwclass.classification.EvaluationService;
import org.muwclass.classification.InputTable;
import org.muwclass.classification.OptionException;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.FeatureImportance;
import org.muwclass.core.pipeline.Provenance;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.report.EvaluationReport;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.service.classify.UploadedInputFiles;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.dali.UploadedFile;
import org.muwclass.service.uws.JobContext;
import org.muwclass.service.uws.JobInput;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.UploadReferences;
import org.muwclass.service.work.ClassificationWorkPool;
import org.muwclass.tables.EvaluationTables;
import org.muwclass.tables.MediaTypes;
import org.muwclass.tables.TableAnnotations;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;
import uk.ac.starlink.table.StarTable;

/**
 * Cross-validation of the classifier as a UWS job kind ("evaluate", served at /evaluate), through the shared
 * {@link EvaluationService} (the CLI's {@code muwclass evaluate}). Parameters (names case-insensitive): TRAINING
 * (optional file part, checked as /classify checks it; default the shipped set), FOLDS 2..{@value #MAX_FOLDS}
 * (default 10) or LEAVE_ONE_OUT=yes (training sets up to {@value #MAX_LEAVE_ONE_OUT_SOURCES} sources), DRAWS
 * (default and limit those of /classify), TREES 1..{@value #MAX_TREES}, ALGORITHM, SEED, XRAY_NOISE, EBV, REDDENING
 * (octaves, bins, none; k-fold only), TARGETS_PER_FOREST, CT_THRESHOLD, SWEEP_MAX, SWEEP_STEP. Results: "metrics",
 * "confusion_recall", "confusion_precision", "ct_sweep", "feature_importance" (VOTables with the provenance as
 * INFOs) and the CLI's PNG figures.
 */
@ApplicationScoped
public class EvaluateJobKind implements JobKind<EvaluatePlan> {

    public static final String NAME = "evaluate";
    /** Most FOLDS. */
    public static final int MAX_FOLDS = 50;
    /** Largest training set LEAVE_ONE_OUT=yes accepts (the shipped one has 2941 sources). */
    public static final int MAX_LEAVE_ONE_OUT_SOURCES = 3000;
    /** Most TREES. */
    public static final int MAX_TREES = 1000;
    /** Result names of the tables, in the order they are written. */
    public static final List<String> TABLE_RESULTS = List.of("metrics", "confusion_recall", "confusion_precision",
            "ct_sweep", "feature_importance");

    private static final String UPLOAD_PREFIX = "upload:";

    private EvaluationOptions.Limits limits;
    private int threadsPerJob;
    private EvaluationService service;
    @Inject ClassificationWorkPool workPool; // the service's shared pool and its cost model; null in unit tests: a private pool

    /** For CDI proxies. */
    protected EvaluateJobKind() {
    }

    @Inject
    public EvaluateJobKind(ServiceConfig config) {
        this(config.drawsDefault(), config.drawsLimit(), ClassificationWorkPool.configuredThreads(),
                "MUWCLASS-VO " + Provenance.softwareVersion());
    }

    /**
     * @param drawsDefault  DRAWS when not given
     * @param drawsLimit    most DRAWS
     * @param threadsPerJob threads one job's work units run on (results do not depend on it)
     */
    public EvaluateJobKind(int drawsDefault, int drawsLimit, int threadsPerJob, String serviceVersion) {
        this.limits = new EvaluationOptions.Limits(MAX_FOLDS, Math.min(drawsDefault, drawsLimit), drawsLimit,
                MAX_TREES);
        this.threadsPerJob = threadsPerJob;
        this.service = new EvaluationService(serviceVersion, ClassificationService.shippedTrainingSet());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Every parameter and the TRAINING part's format, without reading it; the quote waits for {@link #parse}. */
    @Override
    public Optional<Duration> validate(JobInput input) throws ParameterException {
        options(input);
        training(input);
        return Optional.empty();
    }

    @Override
    public EvaluatePlan parse(JobInput input) throws ParameterException {
        EvaluationOptions options = options(input);
        try {
            TrainingSet training = service.training(training(input), new UploadedTrainingReader());
            EvaluationService.checkLeaveOneOut(options, training, MAX_LEAVE_ONE_OUT_SOURCES);
            if (!options.leaveOneOut() && options.folds() > training.size()) {
                throw new OptionException("FOLDS", Integer.toString(options.folds()), "at most the training set's "
                        + training.size() + " sources");
            }
            return new EvaluatePlan(options, training);
        } catch (OptionException e) {
            throw parameterException(e);
        }
    }

    private EvaluationOptions options(JobInput input) throws ParameterException {
        try {
            return EvaluationOptions.parse(input.parameters()::get, limits);
        } catch (OptionException e) {
            throw parameterException(e);
        }
    }

    private static Optional<InputTable> training(JobInput input) throws ParameterException {
        UploadedFile f = UploadReferences.resolve(input).get("training");
        Optional<UploadedFile> file = f != null ? Optional.of(f) : input.upload("TRAINING");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        TableFormat format = UploadedInputFiles.format("TRAINING", file.get(),
                input.parameters().get("TRAINING_FORMAT").orElse(null));
        return Optional.of(new InputTable("TRAINING", file.get().path(), UPLOAD_PREFIX
                + (file.get().fileName() == null ? "TRAINING" : file.get().fileName()), format));
    }

    private static ParameterException parameterException(OptionException e) {
        return e.value() == null ? new ParameterException(e.option(), e.allowed())
                : new ParameterException(e.option(), e.value(), e.allowed());
    }

    /** The forests of the cross-validation and of the feature importances at the measured per-forest costs. */
    @Override
    public Duration estimate(EvaluatePlan plan) {
        EvaluationOptions o = plan.options();
        CostModel cost = workPool != null ? workPool.costModel(o.algorithm(), o.trees())
                : CostModel.reference(o.algorithm(), o.trees());
        double seconds = service.estimateSeconds(plan.training(), o, cost, true) / Math.max(1, threadsPerJob);
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    /** The shared pool's measured wall seconds per estimated core-second, as /classify's; 1 without it. */
    @Override
    public double quoteSpeedFactor() {
        return workPool != null ? workPool.speedFactor() : 1;
    }

    /** The quote is measured cost: a job must fit it in its execution duration, as /classify's. */
    @Override
    public boolean quoteMustFitDuration() {
        return true;
    }

    @Override
    public void execute(EvaluatePlan plan, JobContext context) throws Exception {
        context.progress(0, 1000);
        UnitExecutor units = workPool != null ? workPool.executor() : UnitExecutor.local(threadsPerJob, null);
        EvaluationOutput out = service.crossValidate(plan.training(), plan.options(), threadsPerJob,
                f -> context.progress(Math.round(f * 900), 1000), units);
        context.checkpoint();
        FeatureImportance.Result importance = service.featureImportance(plan.training(), plan.options());
        context.checkpoint();
        Map<String, String> provenance = new LinkedHashMap<>(out.provenance());
        provenance.put("job_id", context.jobId());
        Map<String, StarTable> tables = new LinkedHashMap<>();
        tables.put(TABLE_RESULTS.get(0), EvaluationTables.metrics(out.evaluation()));
        tables.put(TABLE_RESULTS.get(1), EvaluationTables.confusion(out.evaluation(), true));
        tables.put(TABLE_RESULTS.get(2), EvaluationTables.confusion(out.evaluation(), false));
        tables.put(TABLE_RESULTS.get(3), EvaluationTables.ctSweep(out.evaluation().sweep()));
        tables.put(TABLE_RESULTS.get(4), EvaluationTables.featureImportance(importance));
        for (Map.Entry<String, StarTable> t : tables.entrySet()) {
            try (OutputStream o = new BufferedOutputStream(context.openResult(t.getKey(), MediaTypes.VOTABLE))) {
                TableFiles.write(t.getValue(), TableFormat.VOTABLE, TableAnnotations.of(provenance), o);
            }
        }
        copyFigures(out, provenance, context);
        context.progress(1000, 1000);
    }

    /** The CLI's PNG figures, drawn into the job's scratch directory and published as results of the same names. */
    private static void copyFigures(EvaluationOutput out, Map<String, String> provenance, JobContext context)
            throws IOException {
        Path scratch = Files.createTempDirectory(context.workDirectory(), "figures");
        for (Path f : EvaluationReport.write(out.evaluation(), provenance, scratch)) {
            String name = f.getFileName().toString();
            if (name.endsWith(".png")) {
                try (OutputStream o = context.openResult(name, MediaTypes.PNG)) {
                    Files.copy(f, o);
                }
            }
        }
    }

    /** Reads the TRAINING upload under the service's upload limits, as /classify does. */
    private static final class UploadedTrainingReader implements org.muwclass.classification.TableReader {
        @Override
        public org.muwclass.core.training.ColumnTable columns(InputTable t) throws OptionException {
            String name = t.displayName().startsWith(UPLOAD_PREFIX) ? t.displayName().substring(UPLOAD_PREFIX.length())
                    : t.displayName();
            return UploadedInputFiles.columns(t.option(), new UploadedFile(t.option(), name, null, t.file(), -1),
                    t.format());
        }

        @Override
        public org.muwclass.core.io.CsvTable csv(InputTable t) throws OptionException {
            throw OptionException.of(t.option(), "a training set is read as a table, not as CSC detections");
        }
    }
}
