package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.learn.Learner;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.ExtinctionBins;
import org.muwclass.core.reddening.AgnReddening;
import org.muwclass.core.sampling.Seeds;
import org.muwclass.core.training.TrainingSet;

/**
 * Cross-validation of the whole pipeline with Monte-Carlo draws (docs/algorithm.md §10.1): stratified k-fold or
 * leave-one-out. In every fold and draw everything is refitted on the fold's training rows only: sampling, AGN
 * reddening to the test sources' E(B-V) ({@link CvReddening}), features, scaler, SMOTE, classifier. A source's
 * realisation in a draw is the same whether it is trained on or tested. The output is one {@link SourceResult} per
 * training source, in training order, with its true class, for the metrics module.
 */
public final class CrossValidation {

    private static final Logger LOG = Logger.getLogger(CrossValidation.class.getName());
    private static final double[] OCTAVE_EDGES = {0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6};

    private final PipelineSetup setup;

    /** @param setup the sources to cross-validate (as training set), learners, tbabs and their E(B-V) */
    public CrossValidation(PipelineSetup setup) {
        this.setup = setup;
    }

    /**
     * Stratified k-fold cross-validation.
     *
     * @param folds     k, 2..N
     * @param reddening how each fold's training AGNs are reddened
     * @param p         draws, seed, algorithm, E(B-V) policy for the training sources (TD.csv has no ebv column: use
     *                  DUST_MAP or TABLE_ELSE_DUST_MAP), CT threshold, threads
     * @param executor  pool for the work units, or null for a private one
     */
    public ClassificationResult kFold(int folds, CvReddening reddening, RunParameters p, ProgressListener progress,
                                      ExecutorService executor) {
        int[] labels = labels();
        int[] fold = StratifiedFolds.assign(labels, SourceClass.count(), folds,
                Seeds.derive(p.masterSeed(), Seeds.FOLDS));
        return run(fold, folds, reddening, p, progress, UnitExecutor.local(p.threads(), executor), "k-fold " + folds);
    }

    /** {@link #kFold(int, CvReddening, RunParameters, ProgressListener, ExecutorService)} on {@code units}. */
    public ClassificationResult kFoldOn(int folds, CvReddening reddening, RunParameters p, ProgressListener progress,
                                        UnitExecutor units) {
        int[] fold = StratifiedFolds.assign(labels(), SourceClass.count(), folds,
                Seeds.derive(p.masterSeed(), Seeds.FOLDS));
        return run(fold, folds, reddening, p, progress, units, "k-fold " + folds);
    }

    /** Leave-one-out: N folds of one source, each reddened to that source's own E(B-V) (the paper's protocol). */
    public ClassificationResult leaveOneOut(RunParameters p, ProgressListener progress, ExecutorService executor) {
        return leaveOneOutOn(p, progress, UnitExecutor.local(p.threads(), executor));
    }

    /** {@link #leaveOneOut(RunParameters, ProgressListener, ExecutorService)} on {@code units}. */
    public ClassificationResult leaveOneOutOn(RunParameters p, ProgressListener progress, UnitExecutor units) {
        int[] fold = new int[setup.training().size()];
        Arrays.setAll(fold, i -> i);
        CvReddening mode = p.ebvPolicy() == EbvPolicy.NONE ? CvReddening.NONE : CvReddening.TEST_SOURCE_BIN;
        return run(fold, setup.training().size(), mode, p, progress, units, "leave-one-out");
    }

    /**
     * Cross-validation on a given assignment of sources to folds, for experiments such as leave-one-out on a subset
     * with the rest of the training set still trained on (docs/evaluation.md, "Attribution of the CT gap"): the
     * forests of fold f train on every source outside fold f and predict the sources in it; a source with fold -1 is
     * trained on in every fold and never predicted. Seeds are those of {@link #kFold} and {@link #leaveOneOut} for the
     * same fold numbers (fold i of source i reproduces leave-one-out for the predicted sources).
     *
     * @param fold  fold per training source, 0..folds-1, or -1 for never held out
     * @param folds number of folds, 1..N; folds without predicted sources train nothing
     * @return one result per predicted source, in training order
     */
    public ClassificationResult onFolds(int[] fold, int folds, CvReddening reddening, RunParameters p,
                                        ProgressListener progress, UnitExecutor units) {
        int n = setup.training().size();
        if (fold.length != n) {
            throw new IllegalArgumentException("fold assignment has " + fold.length + " entries for " + n
                    + " training sources");
        }
        if (folds < 1 || folds > n) {
            throw new IllegalArgumentException("folds must be 1.." + n + ", got " + folds);
        }
        for (int i = 0; i < n; i++) {
            if (fold[i] < -1 || fold[i] >= folds) {
                throw new IllegalArgumentException("fold of source " + i + " must be -1.." + (folds - 1) + ", got "
                        + fold[i]);
            }
        }
        return run(fold.clone(), folds, reddening, p, progress, units, "given folds (" + folds + ")");
    }

    private int[] labels() {
        int[] y = new int[setup.training().size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = setup.training().sources().get(i).trueClass().ordinal();
        }
        return y;
    }

    private ClassificationResult run(int[] fold, int folds, CvReddening mode, RunParameters p,
                                     ProgressListener progress, UnitExecutor units, String protocol) {
        Learner learner = setup.catalogue().get(p.algorithm());
        List<SourceMeasurements> src = setup.training().sources();
        double[] ebv = mode == CvReddening.NONE ? new double[src.size()]
                : setup.ebvResolver().resolve(src, p.ebvPolicy());
        List<Double> ebvUsed = new ArrayList<>();
        List<DrawTask> tasks = tasks(fold, folds, mode, ebv, ebvUsed);
        LOG.info(() -> protocol + ": " + tasks.size() + " (fold, E(B-V) group) tasks, " + p.draws() + " draws, "
                + learner.name());
        MonteCarloEngine engine = new MonteCarloEngine(src, src, true, learner, p);
        double[] targetEbvUsed = new double[src.size()];
        for (DrawTask t : tasks) {
            for (int m : t.targetRows()) {
                targetEbvUsed[m] = t.reddening().ebvMag();
            }
        }
        // cross-validation groups its own E(B-V) (mode), never on a grid
        String estimator = protocol + ", " + mode + ", " + p.ebvPolicy()
                + ClassificationRun.estimatorNote(p.withEbvGrid(0));
        TrainingSet training = setup.training();
        ClassificationPlan plan = new ClassificationPlan(src, p, training, learner.name(), ebv, targetEbvUsed, tasks,
                ebvUsed, engine, estimator);
        ProbabilityAccumulator acc = plan.targetSums(units.runAll(plan, progress));
        List<SourceResult> results = new ArrayList<>(src.size());
        for (int i = 0; i < src.size(); i++) {
            if (fold[i] >= 0) { // fold -1: trained on, never predicted (onFolds)
                results.add(ClassificationRun.result(src.get(i), ebv[i], targetEbvUsed[i], acc.summary(i),
                        p.ctThreshold()));
            }
        }
        Provenance prov = new Provenance(p.masterSeed(), p.draws(), p.drawsPerUnit(), learner.name(),
                training.sha256(), training.origin(), training.size(), FeatureSchema.MUWCLASS.id(), estimator,
                Provenance.softwareVersion(), p.xrayNoise().value());
        return new ClassificationResult(results, prov);
    }

    /**
     * Forests a k-fold run trains ((fold, E(B-V) group) tasks x draws), without training any: for quotes.
     */
    public long kFoldForests(int folds, CvReddening reddening, RunParameters p) {
        int[] fold = StratifiedFolds.assign(labels(), SourceClass.count(), folds,
                Seeds.derive(p.masterSeed(), Seeds.FOLDS));
        return forests(fold, folds, reddening, p);
    }

    /** Forests a leave-one-out run trains, without training any: for quotes. */
    public long leaveOneOutForests(RunParameters p) {
        int[] fold = new int[setup.training().size()];
        Arrays.setAll(fold, i -> i);
        CvReddening mode = p.ebvPolicy() == EbvPolicy.NONE ? CvReddening.NONE : CvReddening.TEST_SOURCE_BIN;
        return forests(fold, fold.length, mode, p);
    }

    private long forests(int[] fold, int folds, CvReddening mode, RunParameters p) {
        List<SourceMeasurements> src = setup.training().sources();
        double[] ebv = mode == CvReddening.NONE ? new double[src.size()]
                : setup.ebvResolver().resolve(src, p.ebvPolicy());
        return (long) tasks(fold, folds, mode, ebv, new ArrayList<>()).size() * p.draws();
    }

    /** One task per (fold, E(B-V) group of its test sources), in fold then group order. */
    private List<DrawTask> tasks(int[] fold, int folds, CvReddening mode, double[] ebv, List<Double> ebvUsed) {
        List<DrawTask> tasks = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> test = new ArrayList<>();
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            int[] trainRows = train.stream().mapToInt(Integer::intValue).toArray();
            for (Map.Entry<Integer, int[]> g : groups(test, ebv, mode).entrySet()) {
                int[] members = g.getValue();
                double mean = 0;
                for (int m : members) {
                    mean += ebv[m];
                }
                mean /= members.length;
                AgnReddening red = mode == CvReddening.NONE ? AgnReddening.NONE
                        : AgnReddening.forEbv(mean, setup.absorption());
                tasks.add(new DrawTask(((long) f << 24) | g.getKey(), trainRows, members, red));
                ebvUsed.add(red.ebvMag());
            }
        }
        return tasks;
    }

    /** Test rows grouped by reddening key, in key order. */
    private static Map<Integer, int[]> groups(List<Integer> test, double[] ebv, CvReddening mode) {
        Map<Integer, List<Integer>> g = new TreeMap<>();
        for (int i : test) {
            int key = switch (mode) {
                case NONE -> 0;
                case TEST_SOURCE_BIN -> ExtinctionBins.binOf(ebv[i]);
                case OCTAVE_GROUPS -> octave(ebv[i]);
            };
            g.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
        }
        Map<Integer, int[]> out = new TreeMap<>();
        g.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    static int octave(double ebv) {
        int k = 0;
        while (k < OCTAVE_EDGES.length && ebv >= OCTAVE_EDGES[k]) {
            k++;
        }
        return k;
    }
}
