package org.muwclass.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.eval.LabelledPredictionTable;
import org.muwclass.core.report.EvaluationReport;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.tables.Checksums;
import org.muwclass.tables.TableFormat;
import org.muwclass.tables.EvaluationTables;
import org.muwclass.tables.TableAnnotations;
import org.muwclass.tables.TableFiles;

/**
 * {@code muwclass evaluate}: k-fold or leave-one-out cross-validation of the classifier on a training set, or the
 * evaluation of an existing labelled classification table; writes the text report and figures to a directory.
 */
final class EvaluateCommand implements Command {

    private final PipelineBridge pipeline;

    EvaluateCommand(PipelineBridge pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "cross-validate the classifier (or score a labelled table); write report.txt and PNG figures";
    }

    @Override
    public String description() {
        return """
                Cross-validates the MUWCLASS classifier on a training set (default: the shipped TD of Yang et al.
                2022) with k folds or leave-one-out, N Monte-Carlo draws per fold, and writes into --output-dir:
                report.txt (accuracy, balanced accuracy, macro F1, MCC, ROC AUC, completeness, confusion matrices,
                metrics versus CT), the same as VOTables (metrics.vot, confusion_recall.vot, confusion_precision.vot,
                ct_sweep.vot) and PNG figures (confusion matrices, metrics vs CT, class counts, probabilities).
                With --predictions FILE no classifier runs: the table's own P_<class>, e_P_<class>, Class, CT and
                label columns (true_Class or True_Class) are scored, e.g. the published LOO_classes.csv.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("output-dir", "DIR", "directory for report.txt and the PNG figures"),
                OptionSpec.value("predictions", "FILE", null,
                        "score this labelled classification table instead of running cross-validation"),
                OptionSpec.value("predictions-format", "FORMAT", null,
                        "format of --predictions: " + TableFormat.allowedNames() + " (default: from the extension)"),
                OptionSpec.value("training", "FILE", null, "training set table (default: the shipped TD.csv)"),
                OptionSpec.value("training-format", "FORMAT", null,
                        "format of --training: " + TableFormat.allowedNames() + " (default: from the extension)"),
                OptionSpec.value("folds", "K", "10", "number of cross-validation folds, 2..100000"),
                OptionSpec.flag("loo", "leave-one-out cross-validation (one fold per source), as in the paper"),
                OptionSpec.value("draws", "N", "10", "Monte-Carlo draws per fold, 1..100000 (the paper used 1000)"),
                OptionSpec.value("seed", "N", "1", "master random seed (any 64-bit integer)"),
                OptionSpec.value("trees", "N", "100", "trees per random forest, 1..10000"),
                OptionSpec.value("threads", "N", String.valueOf(Math.min(256, Runtime.getRuntime().availableProcessors())),
                        "worker threads, 1..256 (results do not depend on it)"),
                OptionSpec.value("algorithm", "NAME", ClassifyCommand.DEFAULT_ALGORITHM, "classifier: "
                        + String.join(", ", ClassifyCommand.ALGORITHMS)
                        + " (fastrf = the paper's random forest, fast implementation; rf = Weka's RandomForest)"),
                OptionSpec.value("targets-per-forest", "M", "1", ClassifyCommand.TARGETS_PER_FOREST_HELP),
                OptionSpec.value("xray-noise", "MODEL", org.muwclass.core.sampling.XrayNoiseModel.DEFAULT.value(),
                        ClassifyCommand.XRAY_NOISE_HELP),
                OptionSpec.value("equivalent-draws", "N", null, ClassifyCommand.EQUIVALENT_DRAWS_HELP),
                OptionSpec.value("ebv", "SOURCE", "table-else-dust-map", "E(B-V) of the training sources: "
                        + String.join(", ", ClassifyCommand.EBV_SOURCES)),
                OptionSpec.value("reddening", "MODE", "octaves", "k-fold only: how each fold's training AGN are "
                        + "reddened for its test sources: " + String.join(", ", REDDENING_MODES) + " (octaves = "
                        + "E(B-V) octave groups, bins = the 0.025 mag bins of a field run, much slower; "
                        + "leave-one-out always reddens to each source's own bin)"),
                OptionSpec.value("ct-threshold", "T", "2", "confidence cut CT >= T for the 'confident' subset, 0..1000"),
                OptionSpec.value("sweep-max", "T", "10", "largest CT threshold of the metrics-vs-CT sweep, 0..1000"),
                OptionSpec.value("sweep-step", "T", "0.25", "step of the metrics-vs-CT sweep, 0.001..1000"));
    }

    /** Values of --reddening. */
    static final List<String> REDDENING_MODES = org.muwclass.classification.EvaluationOptions.REDDENING_MODES;

    /** The per-source cross-validation predictions written next to the report. */
    static final String PREDICTIONS_FILE = "predictions.csv";

    /**
     * Validated settings for a cross-validation run.
     *
     * @param training       training-set table, or null for the shipped TD.csv
     * @param trainingFormat its format
     * @param folds          k (ignored for leave-one-out)
     * @param leaveOneOut    leave-one-out instead of k-fold
     * @param draws          Monte-Carlo draws per fold
     * @param seed           master seed
     * @param trees          trees per forest
     * @param threads        worker threads
     * @param algorithm      learner name
     * @param ebv            E(B-V) source of the training sources (see {@link ClassifyCommand#EBV_SOURCES})
     * @param reddening      k-fold reddening mode (see {@link #REDDENING_MODES})
     * @param ctThreshold    CT threshold for the "confident" flag
     * @param targetsPerForest target realisations per trained forest (1 = the paper's protocol)
     * @param xrayNoise      X-ray noise model of the Monte-Carlo draws (default shared, the paper's)
     */
    record CrossValidation(Path training, TableFormat trainingFormat, int folds, boolean leaveOneOut, int draws,
            long seed, int trees, int threads, String algorithm, String ebv, String reddening, double ctThreshold,
            int targetsPerForest, org.muwclass.core.sampling.XrayNoiseModel xrayNoise) {

        /** With the paper's (shared) X-ray noise. */
        CrossValidation(Path training, TableFormat trainingFormat, int folds, boolean leaveOneOut, int draws,
                long seed, int trees, int threads, String algorithm, String ebv, String reddening, double ctThreshold,
                int targetsPerForest) {
            this(training, trainingFormat, folds, leaveOneOut, draws, seed, trees, threads, algorithm, ebv, reddening,
                    ctThreshold, targetsPerForest, org.muwclass.core.sampling.XrayNoiseModel.DEFAULT);
        }
    }

    @Override
    public int run(ParsedOptions o, Console console) throws Exception {
        Path outDir = o.path("output-dir").orElseThrow();
        double ct = o.doubleValue("ct-threshold", 0, 1000);
        double sweepMax = o.doubleValue("sweep-max", 0, 1000);
        double sweepStep = o.doubleValue("sweep-step", 0.001, 1000);
        if (sweepMax / sweepStep > 10_000) {
            throw new UsageException("options '--sweep-max " + o.string("sweep-max").orElseThrow() + "' and '--sweep-step "
                    + o.string("sweep-step").orElseThrow() + "' give more than 10000 thresholds; use a larger step");
        }
        Instant started = Instant.now();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("service_version", Main.version());
        List<LabelledPrediction> predictions;
        if (o.has("predictions")) {
            for (String cvOnly : List.of("training", "training-format", "folds", "loo", "draws", "seed", "trees",
                    "threads", "algorithm", "ebv", "reddening", "targets-per-forest", "equivalent-draws",
                    "xray-noise")) {
                if (o.has(cvOnly)) {
                    throw new UsageException("option '--" + cvOnly + "' cannot be combined with '--predictions' "
                            + "(a given classification table is scored as it is)");
                }
            }
            Path file = o.path("predictions").orElseThrow();
            TableFormat format = InputTables.format(o, "predictions", "predictions-format");
            console.status("reading " + file + " (" + format.formatName() + ")");
            ColumnTable table = InputTables.read(file, format);
            LabelledPredictionTable.Columns columns = LabelledPredictionTable.Columns.detect(table.columnNames())
                    .orElseThrow(() -> new IllegalArgumentException(file + ": no label column; expected 'true_Class'"
                            + " (LOO_classes.csv) or 'True_Class' (TD.csv)"));
            predictions = LabelledPredictionTable.read(table, columns);
            provenance.put("algorithm", "none (scored the given classification table)");
            provenance.put("input", file.toString());
            provenance.put("input_sha256", Checksums.sha256(file));
        } else {
            if (o.has("loo") && o.has("folds")) {
                throw new UsageException("options '--loo' and '--folds' exclude each other; leave-one-out uses one "
                        + "fold per source");
            }
            if (o.has("loo") && o.has("reddening")) {
                throw new UsageException("option '--reddening' applies to k-fold only; leave-one-out reddens each "
                        + "source's training set to its own E(B-V) bin");
            }
            if (o.has("training-format") && !o.has("training")) {
                throw new UsageException("option '--training-format' needs '--training FILE'");
            }
            CrossValidation cv = new CrossValidation(o.path("training").orElse(null),
                    o.has("training") ? InputTables.format(o, "training", "training-format") : TableFormat.CSV,
                    o.flag("loo") ? 0 : o.intValue("folds", 2, 100_000), o.flag("loo"),
                    ClassifyCommand.draws(o), o.longValue("seed"), o.intValue("trees", 1, 10_000),
                    o.intValue("threads", 1, 256), ClassifyCommand.oneOf(o, "algorithm", ClassifyCommand.ALGORITHMS),
                    ClassifyCommand.oneOf(o, "ebv", ClassifyCommand.EBV_SOURCES),
                    ClassifyCommand.oneOf(o, "reddening", REDDENING_MODES), ct,
                    o.intValue("targets-per-forest", 1, 1000), ClassifyCommand.xrayNoise(o));
            PipelineBridge.CrossValidationResult result = pipeline.crossValidate(cv, console);
            predictions = result.predictions();
            provenance.putAll(result.provenance());
            java.nio.file.Files.createDirectories(outDir);
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(outDir.resolve(PREDICTIONS_FILE))) {
                LabelledPredictionTable.writeCsv(predictions, w);
            }
        }
        console.status(String.format(Locale.ROOT, "evaluating %d sources (CT >= %s; sweep 0..%s step %s)",
                predictions.size(), trim(ct), trim(sweepMax), trim(sweepStep)));
        Evaluation ev = Evaluation.of(predictions, ct, sweepMax, sweepStep);
        provenance.put("ct_threshold", trim(ct));
        provenance.put("started_utc", started.toString());
        provenance.put("finished_utc", Instant.now().toString());
        List<Path> files = new java.util.ArrayList<>(EvaluationReport.write(ev, provenance, outDir));
        files.addAll(writeTables(ev, provenance, outDir));
        console.out().println(String.format(Locale.ROOT,
                "%d sources: accuracy %.2f%%, balanced accuracy %.2f%%, macro F1 %.2f%%, MCC %.2f%%, macro AUC %.4f",
                ev.all().n(), 100 * ev.all().accuracy(), 100 * ev.all().balancedAccuracy(), 100 * ev.all().macroF1(),
                100 * ev.all().mcc(), ev.all().macroRocAuc()));
        console.out().println(String.format(Locale.ROOT,
                "CT >= %s: %d sources, accuracy %.2f%%, completeness %.2f%%, balanced completeness %.2f%%",
                trim(ct), ev.confident().kept(), 100 * ev.confident().metrics().accuracy(),
                100 * ev.confident().completeness(), 100 * ev.confident().balancedCompleteness()));
        console.out().println("wrote " + (files.size() + (o.has("predictions") ? 0 : 1)) + " files to " + outDir);
        return 0;
    }

    /** The metrics, confusion matrices and CT sweep as VOTables, each with the provenance as INFOs. */
    static List<Path> writeTables(Evaluation ev, Map<String, String> provenance, Path dir) throws java.io.IOException {
        Map<String, uk.ac.starlink.table.StarTable> tables = new LinkedHashMap<>();
        tables.put(METRICS_TABLE, EvaluationTables.metrics(ev));
        tables.put("confusion_recall", EvaluationTables.confusion(ev, true));
        tables.put("confusion_precision", EvaluationTables.confusion(ev, false));
        tables.put("ct_sweep", EvaluationTables.ctSweep(ev.sweep()));
        List<Path> written = new java.util.ArrayList<>();
        for (Map.Entry<String, uk.ac.starlink.table.StarTable> e : tables.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".vot");
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
                TableFiles.write(e.getValue(), TableFormat.VOTABLE, TableAnnotations.of(provenance), out);
            }
            written.add(file);
        }
        return written;
    }

    /** Base name of the metrics VOTable (metrics.vot), the evaluate job's "metrics" result. */
    static final String METRICS_TABLE = "metrics";

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
