package org.muwclass.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.muwclass.core.aggregate.ClassDecision;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.aggregate.ProbabilitySummary;
import org.muwclass.core.eval.ConfidenceCut;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.eval.LabelledPredictionTable;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.CrossValidation;
import org.muwclass.core.pipeline.CvReddening;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.PipelineSetup;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.pipeline.WorkUnit;
import org.muwclass.core.sampling.XrayNoiseModel;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * One cell of the CT-gap attribution grid (issue 14 item 2; docs/evaluation.md, "Attribution of the CT gap"):
 * cross-validation of the shipped TD with the evaluate command's settings ({@code --reddening none}, fastrf, 100
 * trees, CT >= 2) under one protocol, X-ray noise model, seed and number of draws, scored at several nested draw
 * counts (the first n draws of the same run: draw d has the same seeds in every run) on all predicted sources and on
 * a fixed stratified subset of the TD.
 *
 * <p>Protocols: {@code 10}, {@code 50} (stratified k-fold of the whole TD, {@link CrossValidation#kFoldOn}, as
 * {@code muwclass evaluate --folds k}); {@code loo} (leave-one-out of the subset's sources only, the rest of the TD
 * trained on in every fold, {@link CrossValidation#onFolds}: for them the same forests as a full leave-one-out);
 * {@code paper} (scores the paper's LOO_classes.csv, no training).
 *
 * <p>Arguments: OUT_DIR PROTOCOL NOISE SEED DRAWS PREFIXES [THREADS=2] [PER_CLASS=8] [SUBSET_SEED=2026]; PREFIXES a
 * comma list of draw counts up to DRAWS. Appends rows to OUT_DIR/summary.tsv, writes OUT_DIR/subset.csv and the
 * predictions at DRAWS draws as OUT_DIR/pred-PROTOCOL-NOISE-sSEED-dDRAWS.csv.gz (LOO_classes.csv column names).
 * Run by scripts/bench/attrib.sh.
 */
public final class CtGapAttribution {

    private static final double CT = 2.0;

    private CtGapAttribution() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 6) {
            System.err.println("usage: CtGapAttribution OUT_DIR 10|50|loo|paper shared|independent SEED DRAWS "
                    + "PREFIXES [THREADS] [PER_CLASS] [SUBSET_SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String protocol = args[1];
        XrayNoiseModel noise = XrayNoiseModel.parse(args[2]);
        long seed = Long.parseLong(args[3]);
        int draws = Integer.parseInt(args[4]);
        int[] prefixes = Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray();
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        int perClass = args.length > 7 ? Integer.parseInt(args[7]) : 8;
        long subsetSeed = args.length > 8 ? Long.parseLong(args[8]) : 2026L;
        for (int n : prefixes) {
            if (n < 2 || n > draws) {
                throw new IllegalArgumentException("prefix " + n + " outside 2.." + draws);
            }
        }
        Files.createDirectories(out);
        Bench.header("CtGapAttribution " + String.join(" ", args));
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> src = td.sources();
        boolean[] inSubset = subset(src, perClass, subsetSeed);
        writeSubset(out.resolve("subset.csv"), src, inSubset);
        double[] classWeight = classWeights(src);

        if (protocol.equals("paper")) {
            Path loo = Path.of(System.getProperty("bench.root", "."),
                    "src/test/resources/muwclass/reference/LOO_classes.csv");
            List<LabelledPrediction> paper = LabelledPredictionTable.read(CsvTable.read(loo),
                    LabelledPredictionTable.LOO_CLASSES);
            Set<String> names = subsetNames(src, inSubset);
            String cell = "paper";
            appendRow(out, cell, "paper-loo", "shared", 0, 1000, "all", paper, classWeight, 0, 0, 0);
            appendRow(out, cell, "paper-loo", "shared", 0, 1000, "subset",
                    paper.stream().filter(x -> names.contains(x.name())).toList(), classWeight, 0, 0, 0);
            Bench.footer();
            return;
        }

        RunParameters p = RunParameters.of(draws, seed).withAlgorithm("fastrf")
                .withEbvPolicy(EbvPolicy.TABLE_ELSE_DUST_MAP).withThreads(threads).withCtThreshold(CT)
                .withXrayNoise(noise).withDrawsPerUnit(1);
        CrossValidation cv = new CrossValidation(new PipelineSetup(td, LearnerCatalogue.standard(100),
                XrayAbsorption.loadDefault(), EbvResolver.standard()));
        Capture capture = new Capture(UnitExecutor.local(threads, null));
        long wall0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        ClassificationResult result;
        switch (protocol) {
            case "10", "50" -> result = cv.kFoldOn(Integer.parseInt(protocol), CvReddening.NONE, p,
                    ProgressListener.NONE, capture);
            case "loo" -> {
                int[] fold = new int[src.size()];
                for (int i = 0; i < fold.length; i++) {
                    fold[i] = inSubset[i] ? i : -1; // fold i: the fold number of source i in a full leave-one-out
                }
                result = cv.onFolds(fold, src.size(), CvReddening.NONE, p, ProgressListener.NONE, capture);
            }
            default -> throw new IllegalArgumentException("protocol must be 10, 50, loo or paper, got " + protocol);
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long forests = capture.plan.forests();
        String cell = protocol + "-" + noise.value() + "-s" + seed + "-d" + draws;
        System.out.printf(Locale.ROOT, "# %s: %d tasks, %d forests, wall %.0f s, process CPU %.0f s%n", cell,
                capture.plan.taskCount(), forests, wall, cpu);

        Set<String> names = subsetNames(src, inSubset);
        for (int n : prefixes) {
            List<LabelledPrediction> pred = prefix(capture, src, n);
            if (n == draws) {
                checkAgainstRun(pred, result);
                try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(
                        out.resolve("pred-" + cell + ".csv.gz"))), StandardCharsets.UTF_8))) {
                    LabelledPredictionTable.writeCsv(pred, w);
                }
            }
            String scopeAll = protocol.equals("loo") ? "subset" : "all";
            appendRow(out, cell, protocol, noise.value(), seed, n, scopeAll, pred, classWeight, forests, wall, cpu);
            if (!protocol.equals("loo")) {
                appendRow(out, cell, protocol, noise.value(), seed, n, "subset",
                        pred.stream().filter(x -> names.contains(x.name())).toList(), classWeight, forests, wall,
                        cpu);
            }
        }
        Bench.footer();
    }

    /** Keeps the plan and the per-unit partial sums (one draw of one task each) of the run it executes. */
    private static final class Capture implements UnitExecutor {
        private final UnitExecutor inner;
        ClassificationPlan plan;
        List<ProbabilityAccumulator> partials;

        Capture(UnitExecutor inner) {
            this.inner = inner;
        }

        @Override
        public List<ProbabilityAccumulator> runAll(ClassificationPlan plan, ProgressListener progress) {
            this.plan = plan;
            this.partials = inner.runAll(plan, progress);
            return partials;
        }
    }

    /** Predictions from the first {@code n} draws of every task, merged in unit order as the run merges them. */
    private static List<LabelledPrediction> prefix(Capture c, List<SourceMeasurements> src, int n) {
        ProbabilityAccumulator acc = new ProbabilityAccumulator(src.size(), SourceClass.count(), false);
        for (WorkUnit u : c.plan.units()) {
            if (u.firstDraw() >= n) {
                continue;
            }
            if (u.endDraw() > n) {
                throw new IllegalStateException("unit " + u + " straddles draw " + n);
            }
            int[] members = c.plan.tasks().get(u.task()).targetRows();
            ProbabilityAccumulator part = c.partials.get(u.index());
            for (int j = 0; j < members.length; j++) {
                acc.mergeSource(members[j], part, j);
            }
        }
        List<LabelledPrediction> pred = new ArrayList<>();
        for (int i = 0; i < src.size(); i++) {
            if (acc.count(i) == 0) {
                continue; // never predicted (outside the leave-one-out subset)
            }
            if (acc.count(i) != n) {
                throw new IllegalStateException(src.get(i).name() + ": " + acc.count(i) + " values, expected " + n);
            }
            ProbabilitySummary s = acc.summary(i);
            ClassDecision d = ClassDecision.of(s.mean(), s.std());
            pred.add(new LabelledPrediction(src.get(i).name(), src.get(i).trueClass(), d.predicted(), s.mean(),
                    s.std(), d.ct()));
        }
        return pred;
    }

    /** The full-draw prefix must be the run's own result (same sums, same order): a check of the capture. */
    private static void checkAgainstRun(List<LabelledPrediction> pred, ClassificationResult result) {
        if (pred.size() != result.sources().size()) {
            throw new IllegalStateException(pred.size() + " prefix predictions, run has " + result.sources().size());
        }
        int differ = 0;
        for (int i = 0; i < pred.size(); i++) {
            SourceResult r = result.sources().get(i);
            if (!r.name().equals(pred.get(i).name()) || r.decision().ct() != pred.get(i).ct()
                    || r.decision().predicted() != pred.get(i).predicted()) {
                differ++;
            }
        }
        System.out.printf(Locale.ROOT, "# check: %d of %d sources differ from the run's own result%n", differ,
                pred.size());
    }

    /** {@code perClass} sources of each class (all of a smaller class), chosen by a seeded shuffle. */
    static boolean[] subset(List<SourceMeasurements> src, int perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] in = new boolean[src.size()];
        for (SourceClass c : SourceClass.values()) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < src.size(); i++) {
                if (src.get(i).trueClass() == c) {
                    rows.add(i);
                }
            }
            for (int i = rows.size() - 1; i > 0; i--) { // Fisher-Yates
                int j = rng.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            for (int k = 0; k < Math.min(perClass, rows.size()); k++) {
                in[rows.get(k)] = true;
            }
        }
        return in;
    }

    private static Set<String> subsetNames(List<SourceMeasurements> src, boolean[] in) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                names.add(src.get(i).name());
            }
        }
        return names;
    }

    private static void writeSubset(Path file, List<SourceMeasurements> src, boolean[] in) throws IOException {
        StringBuilder b = new StringBuilder("name,true_Class\n");
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                b.append(src.get(i).name()).append(',').append(src.get(i).trueClass().label()).append('\n');
            }
        }
        Files.writeString(file, b.toString());
    }

    /** Fraction of the TD in each class: weights that turn per-class completeness into the TD's completeness. */
    private static double[] classWeights(List<SourceMeasurements> src) {
        double[] w = new double[SourceClass.count()];
        for (SourceMeasurements s : src) {
            w[s.trueClass().ordinal()] += 1.0 / src.size();
        }
        return w;
    }

    private static void appendRow(Path out, String cell, String protocol, String noise, long seed, int draws,
                                  String scope, List<LabelledPrediction> pred, double[] classWeight, long forests,
                                  double wall, double cpu) throws IOException {
        Evaluation e = Evaluation.of(pred);
        ConfidenceCut cut = e.confident();
        Map<SourceClass, Double> comp = new EnumMap<>(cut.completenessByTrueClass());
        double weighted = 0;
        for (SourceClass c : SourceClass.values()) {
            weighted += classWeight[c.ordinal()] * comp.getOrDefault(c, Double.NaN);
        }
        Path file = out.resolve("summary.tsv");
        StringBuilder b = new StringBuilder();
        if (!Files.exists(file)) {
            b.append("cell\tprotocol\tnoise\tseed\tdraws\tscope\tn\tn_ct2\tacc\tba\tf1\tmcc\tcompleteness"
                    + "\tbal_completeness\tcompleteness_td_weighted");
            for (SourceClass c : SourceClass.values()) {
                b.append("\tcomp_").append(c.label());
            }
            b.append("\tforests\twall_s\tcpu_s\n");
        }
        b.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f",
                cell, protocol, noise, seed, draws, scope, pred.size(), cut.kept(), 100 * e.all().accuracy(),
                100 * e.all().balancedAccuracy(), 100 * e.all().macroF1(), 100 * e.all().mcc(),
                100 * cut.completeness(), 100 * cut.balancedCompleteness(), 100 * weighted));
        for (SourceClass c : SourceClass.values()) {
            b.append(String.format(Locale.ROOT, "\t%.1f", 100 * comp.getOrDefault(c, Double.NaN)));
        }
        b.append(String.format(Locale.ROOT, "\t%d\t%.0f\t%.0f%n", forests, wall, cpu));
        Files.writeString(file, b.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(b.toString().lines().reduce((x, y) -> y).orElse("") + "\n");
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
