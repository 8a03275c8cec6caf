package org.muwclass.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.muwclass.classification.ClassificationOptions;
import org.muwclass.classification.ClassificationOutput;
import org.muwclass.classification.ClassificationRequest;
import org.muwclass.classification.EbvSource;
import org.muwclass.classification.InputTable;
import org.muwclass.classification.OptionException;
import org.muwclass.classification.OptionLimits;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.TrainingOverlap;
import org.muwclass.core.sampling.XrayNoiseModel;
import org.muwclass.core.training.NoXrayPolicy;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.ResultFlags;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/** {@code muwclass classify}: classify the sources of a table and write the probabilities as a table. */
final class ClassifyCommand implements Command {

    private final PipelineBridge pipeline;

    ClassifyCommand(PipelineBridge pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Validated settings of one classification run.
     *
     * @param request      the classification (input and training tables, the shared options)
     * @param output       output table
     * @param outputFormat its format
     * @param threads      worker threads (results do not depend on them)
     * @param dustMap      the operator's dust map ({@code --dust-map}: one HEALPix file, or the north,south Lambert
     *                     pair), or null for the shipped low-resolution SFD map
     * @param dustMapScale factor applied to {@code dustMap}'s values (0.86 for raw SFD)
     */
    record Settings(ClassificationRequest request, Path output, TableFormat outputFormat, int threads, String dustMap,
                    double dustMapScale) {

        /** The master seed. */
        long seed() {
            return request.options().seed();
        }

        /** Monte-Carlo draws per source. */
        int draws() {
            return request.options().draws();
        }
    }

    /** Learner names accepted by --algorithm (core-ml's catalogue). */
    static final List<String> ALGORITHMS = List.of("fastrf", "rf", "extratrees", "boosting", "bagging", "svm", "knn",
            "tree", "fastrf-exact", "fastrf-hist");
    /** Help text of --equivalent-draws (classify and evaluate). */
    static final String EQUIVALENT_DRAWS_HELP = "instead of --draws: as many draws as needed for the precision of N "
            + "independent draws of the paper's protocol with --targets-per-forest M (draws = M ceil(N (1 + (M-1) "
            + "0.37) / M); 0.37 = measured intra-forest correlation, docs/science-notes.md), 1..100000";
    /** Default of --algorithm: the fast implementation of the paper's forest. */
    static final String DEFAULT_ALGORITHM = "fastrf";
    /** Help text of --targets-per-forest (classify and evaluate). */
    static final String TARGETS_PER_FOREST_HELP = "Monte-Carlo estimator: target realisations evaluated with each "
            + "trained forest, 1..1000; 1 = the paper's protocol (one forest per draw), M > 1 = ceil(draws/M) forests "
            + "per E(B-V) bin, each predicting M independent realisations of every target (docs/science-notes.md)";
    /** Help text of --ebv-grid. */
    static final String EBV_GRID_HELP = "E(B-V) treatment: 0 = the paper's (one training set per occupied 0.025 mag "
            + "bin, reddened to the members' mean); f = 0.01..1 = training sets reddened at fixed nodes, 0.025 mag "
            + "apart up to 0.025 ceil(1/f) mag and a fraction f of E(B-V) apart above, and every source classified by "
            + "linear interpolation between the two nodes around its E(B-V) (docs/science-notes.md: 0.1 stays within "
            + "the Monte-Carlo noise of 1000 paper draws; a field 4 to 6 mag needs 6 training sets instead of 80)";
    /** Help text of --xray-noise (classify and evaluate). */
    static final String XRAY_NOISE_HELP = "X-ray noise of the Monte-Carlo draws: shared = one normal deviate per "
            + "source and draw for s, m and h, as the authors' code does (reproduces the paper's CT scale); "
            + "independent = one per band (wider hardness-ratio scatter, lower CT; docs/science-notes.md)";

    /** Values of --ebv of evaluate (the cross-validation's policies). */
    static final List<String> EBV_SOURCES = java.util.Arrays.stream(org.muwclass.core.pipeline.EbvPolicy.values())
            .map(org.muwclass.core.pipeline.EbvPolicy::optionName).toList();
    /** Help text of --ebv (classify and evaluate). */
    static final String EBV_HELP = "E(B-V) used to redden the training AGN for each source: "
            + String.join(", ", EBV_SOURCES) + ". dust-map = 0.86 x SFD at the source position (the paper's "
            + "convention; default via table-else-dust-map); dust-map-av = the same / 3.1; hi-map = HI4PI N_H / "
            + "6.851e21; table = the input's ebv column; table-else-X = the column where given, else X "
            + "(docs/science-notes.md)";

    /** Help text of --ebv of classify: the shared EBV values. */
    static final String CLASSIFY_EBV_HELP = "E(B-V) used to redden the training AGN for each source: "
            + EbvSource.allowedNames() + ". dust-map = 0.86 x SFD at the source position (the paper's convention;"
            + " default via table-else-dust-map); dust-map-av = the same / 3.1; hi-map and nh-map = HI4PI N_H / "
            + "6.851e21; nh-column = the input's N_H column (nh, n_h or nh_cm2 in cm^-2; CSC's nh_gal in 1e20 cm^-2)"
            + " / 6.851e21; table = the input's ebv column; table-else-X = the column where given, else X "
            + "(docs/science-notes.md)";

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "classify the X-ray sources of a table; write P_<class>, e_P_<class>, Class, CT, ...";
    }

    @Override
    public String description() {
        return """
                Classifies every source of the input table with the MUWCLASS random forest trained on the training
                set, over N Monte-Carlo draws of the measurement errors. The input needs the TD columns (name, RA,
                Dec in deg, Fs/Fm/Fh with errors; optional P_intra, P_inter, Gaia/2MASS/WISE magnitudes with errors,
                ebv). The output has per class P_<class> (mean), e_P_<class> (std), P_median_<class>,
                P_2sig_low_<class>, P_2sig_upp_<class>, then Class, Class_prob, Class_prob_e, CT, ebv (E(B-V)
                used), ebv_origin (table, dust-map, hi-map, nh-column, none), training_name and training_class
                (for targets that are training sources) and input_flag (training_source_loo, training_source,
                no_xray), with the run's provenance (seed, draws, algorithm, checksums, maps, noise model, input
                warnings, version, times) as VOTable INFO elements.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("input", "FILE", "table of sources to classify"),
                OptionSpec.value("input-format", "FORMAT", null,
                        "format of --input: " + TableFormat.allowedNames() + " (default: from the extension)"),
                OptionSpec.required("output", "FILE", "output table"),
                OptionSpec.value("output-format", "FORMAT", null, "format of --output: " + TableFormat.allowedNames()
                        + " (default: from the extension, else votable = VOTable 1.4 BINARY2)"),
                OptionSpec.value("training", "FILE", null, "training set table (default: the shipped TD.csv)"),
                OptionSpec.value("training-format", "FORMAT", null,
                        "format of --training: " + TableFormat.allowedNames() + " (default: from the extension)"),
                OptionSpec.value("draws", "N", "100", "Monte-Carlo draws, 1..100000 (the paper used 1000)"),
                OptionSpec.value("seed", "N", "1", "master random seed (any 64-bit integer)"),
                OptionSpec.value("trees", "N", "100", "trees per random forest, 1..10000"),
                OptionSpec.value("threads", "N", String.valueOf(Math.min(256, Runtime.getRuntime().availableProcessors())),
                        "worker threads, 1..256 (results do not depend on it)"),
                OptionSpec.value("algorithm", "NAME", DEFAULT_ALGORITHM, "classifier: " + String.join(", ", ALGORITHMS)
                        + " (fastrf = the paper's random forest, fast implementation; rf = Weka's RandomForest)"),
                OptionSpec.value("targets-per-forest", "M", "1", TARGETS_PER_FOREST_HELP),
                OptionSpec.value("equivalent-draws", "N", null, EQUIVALENT_DRAWS_HELP),
                OptionSpec.value("ebv-grid", "F", "0", EBV_GRID_HELP),
                OptionSpec.value("xray-noise", "MODEL", XrayNoiseModel.DEFAULT.value(), XRAY_NOISE_HELP),
                OptionSpec.value("plots", "DIR", null, "also write class_counts.png (sources per predicted class, all "
                        + "and CT >= --ct-threshold) and probabilities.png (a few sources from least to most "
                        + "confident) into DIR"),
                OptionSpec.value("ct-threshold", "T", "2", "CT at or above which a class counts as confident (summary, "
                        + "plots, provenance), 0..1000"),
                OptionSpec.value("ebv", "SOURCE", EbvSource.DEFAULT.optionName(), CLASSIFY_EBV_HELP),
                OptionSpec.value("no-xray", "POLICY", NoXrayPolicy.REFUSE.value(), "rows whose Fs, Fm and Fh (and"
                        + " errors) are all empty: refuse = refuse the table naming the row; flag = return them"
                        + " unclassified with input_flag no_xray"),
                OptionSpec.value("training-overlap", "MODE", TrainingOverlap.LOO.value(), "targets that are"
                        + " training sources (same name, or within max(1 arcsec, CSCv2_PU)): loo = classified by"
                        + " forests trained without them (input_flag training_source_loo); keep = trained on them"
                        + " too, as the paper's field runs (input_flag training_source)"),
                OptionSpec.value("dust-map", "FILE[,FILE]", null, "a finer E(B-V) dust map than the shipped NSIDE 64"
                        + " SFD map: one HEALPix FITS file (any NSIDE, RING or NESTED, Galactic), or the SFD Lambert"
                        + " pair north,south (SFD_dust_4096_ngp.fits,SFD_dust_4096_sgp.fits)"),
                OptionSpec.value("dust-map-scale", "F", Double.toString(DustMap.SF11_FACTOR), "factor applied to the"
                        + " --dust-map values (0.86 = Schlafly & Finkbeiner 2011 for raw SFD), 0.001..1000"));
    }

    @Override
    public int run(ParsedOptions o, Console console) throws Exception {
        Settings s = settings(o);
        double ct = s.request().options().ctThreshold();
        Path plots = o.path("plots").orElse(null);
        ClassificationOutput result = pipeline.classify(s, console);
        TableFiles.write(result.table(), s.outputFormat(), result.provenance().entries(), s.output());
        int[] counts = new int[SourceClass.count()];
        for (ClassifiedSource c : result.sources()) {
            counts[c.predicted().ordinal()]++;
        }
        StringBuilder sb = new StringBuilder();
        for (SourceClass c : SourceClass.values()) {
            sb.append(String.format(Locale.ROOT, " %s %d", c.label(), counts[c.ordinal()]));
        }
        console.out().println("classified " + result.sources().size() + " sources:" + sb);
        if (!result.matches().isEmpty()) {
            console.out().println(result.matches().size() + " are training sources (input_flag "
                    + (result.overlap() == TrainingOverlap.LOO ? ResultFlags.TRAINING_LOO : ResultFlags.TRAINING_KEPT)
                    + ", with training_name and training_class)");
        }
        if (!result.withoutXray().isEmpty()) {
            console.out().println(result.withoutXray().size() + " rows without X-ray flux returned unclassified"
                    + " (input_flag " + ResultFlags.NO_XRAY + ")");
        }
        long confident = result.sources().stream().filter(c -> c.ct() >= ct).count();
        console.out().println(confident + " with CT >= " + o.string("ct-threshold").orElseThrow());
        console.out().println("wrote " + s.output() + " (" + s.outputFormat().formatName() + ")");
        if (plots != null) {
            ClassificationFigures.write(result.sources(), ct, plots);
            console.out().println("wrote " + plots.resolve(ClassificationFigures.CLASS_COUNTS) + " and "
                    + plots.resolve(ClassificationFigures.PROBABILITIES));
        }
        return 0;
    }

    static Settings settings(ParsedOptions o) throws UsageException {
        Path input = o.path("input").orElseThrow();
        TableFormat inputFormat = InputTables.format(o, "input", "input-format");
        Path output = o.path("output").orElseThrow();
        TableFormat outputFormat;
        if (o.has("output-format")) {
            String f = o.string("output-format").orElseThrow();
            try {
                outputFormat = TableFormat.fromName(f);
            } catch (IllegalArgumentException e) {
                throw o.bad("output-format", f, "one of " + TableFormat.allowedNames());
            }
        } else {
            outputFormat = TableFormat.fromExtension(output).orElse(TableFormat.VOTABLE);
        }
        if (o.has("training-format") && !o.has("training")) {
            throw new UsageException("option '--training-format' needs '--training FILE'");
        }
        Path training = o.path("training").orElse(null);
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new UsageException("options '--input' and '--output' name the same file '" + input
                    + "'; the output would overwrite the input");
        }
        Optional<InputTable> trainingTable = training == null ? Optional.empty() : Optional.of(new InputTable(
                "TRAINING", training, training.toString(), InputTables.format(o, "training", "training-format")));
        ClassificationOptions options;
        try {
            // the shared parser sees only what the user typed: it applies the defaults itself
            options = ClassificationOptions.parse(name -> o.has(OptionException.cliName(name))
                    ? o.string(OptionException.cliName(name)) : Optional.empty(), OptionLimits.CLI);
        } catch (OptionException e) {
            throw e.value() == null ? new UsageException("option '--" + OptionException.cliName(e.option()) + "': "
                    + e.allowed()) : o.bad(OptionException.cliName(e.option()), e.value(), e.allowed());
        }
        ClassificationRequest request = new ClassificationRequest(new InputTable("INPUT", input,
                input.getFileName().toString(), inputFormat), Map.of(), trainingTable, options);
        return new Settings(request, output, outputFormat, o.intValue("threads", 1, 256),
                o.string("dust-map").orElse(null), o.doubleValue("dust-map-scale", 0.001, 1000));
    }

    /** --xray-noise of evaluate: shared or independent. */
    static XrayNoiseModel xrayNoise(ParsedOptions o) throws UsageException {
        String v = o.string("xray-noise").orElse(XrayNoiseModel.DEFAULT.value());
        try {
            return XrayNoiseModel.parse(v);
        } catch (IllegalArgumentException e) {
            throw o.bad("xray-noise", v, "one of " + XrayNoiseModel.allowedValues());
        }
    }

    /** --draws of evaluate, or the draws that --equivalent-draws needs at --targets-per-forest. */
    static int draws(ParsedOptions o) throws UsageException {
        if (!o.has("equivalent-draws")) {
            return o.intValue("draws", 1, 100_000);
        }
        if (o.has("draws")) {
            throw new UsageException("options '--draws' and '--equivalent-draws' exclude each other");
        }
        int n = o.intValue("equivalent-draws", 1, 100_000);
        int m = o.intValue("targets-per-forest", 1, 1000);
        int draws = RunParameters.of(1, 0).withTargetsPerForest(m).withEquivalentDraws(n).draws();
        if (draws > 100_000) {
            throw o.bad("equivalent-draws", o.string("equivalent-draws").orElseThrow(),
                    "at most what 100000 draws give with --targets-per-forest " + m);
        }
        return draws;
    }

    static String oneOf(ParsedOptions o, String option, List<String> allowed) throws UsageException {
        String v = o.string(option).orElseThrow().trim().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw o.bad(option, o.string(option).orElseThrow(), "one of " + String.join(", ", allowed));
        }
        return v;
    }
}
