package org.muwclass.classification;

import static org.muwclass.classification.OptionValues.intValue;
import static org.muwclass.classification.OptionValues.number;
import static org.muwclass.classification.OptionValues.yesNo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.pipeline.CvReddening;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.sampling.XrayNoiseModel;

/**
 * The settings of one cross-validation (docs/algorithm.md §10.1), as the CLI's {@code muwclass evaluate} and the UWS
 * job kind "evaluate" give them.
 *
 * @param folds            k of stratified k-fold (0 for leave-one-out)
 * @param leaveOneOut      one fold per source instead of k folds
 * @param draws            Monte-Carlo draws per fold
 * @param seed             master seed of every random stream (folds, draws, forests)
 * @param trees            trees per forest
 * @param algorithm        learner name ({@link LearnerCatalogue})
 * @param ebv              E(B-V) of the training sources (the AGN reddening each test source gets)
 * @param reddening        k-fold only: how each fold's training AGNs are reddened for its test sources
 * @param ctThreshold      CT at or above which a prediction counts as confident (dimensionless)
 * @param targetsPerForest target realisations per trained forest (1 = the paper's protocol)
 * @param xrayNoise        X-ray noise model of the draws
 * @param sweepMax         largest CT threshold of the metrics-versus-CT sweep
 * @param sweepStep        step of that sweep
 */
public record EvaluationOptions(int folds, boolean leaveOneOut, int draws, long seed, int trees, String algorithm,
                                EbvPolicy ebv, CvReddening reddening, double ctThreshold, int targetsPerForest,
                                XrayNoiseModel xrayNoise, double sweepMax, double sweepStep) {

    /** Values of REDDENING (CLI --reddening), in the order of {@link #reddening(String)}. */
    public static final List<String> REDDENING_MODES = List.of("octaves", "bins", "none");
    /** Most CT thresholds one sweep may have (SWEEP_MAX / SWEEP_STEP). */
    public static final int MAX_SWEEP_POINTS = 10_000;

    /**
     * The bounds a front door puts on cross-validation.
     *
     * @param maxFolds           most FOLDS
     * @param drawsDefault       DRAWS when not given
     * @param maxDraws           most DRAWS
     * @param maxTrees           most TREES
     */
    public record Limits(int maxFolds, int drawsDefault, int maxDraws, int maxTrees) {
    }

    /**
     * Parses UWS-style parameters (names as the job takes them; the CLI maps its options onto them).
     *
     * @param values the value of a parameter name, empty when not given
     * @throws OptionException naming the parameter, the value and what is allowed
     */
    public static EvaluationOptions parse(Function<String, Optional<String>> values, Limits limits)
            throws OptionException {
        boolean loo = yesNo(values, "LEAVE_ONE_OUT");
        if (loo && values.apply("FOLDS").isPresent()) {
            throw new OptionException("FOLDS", values.apply("FOLDS").get(),
                    "not together with LEAVE_ONE_OUT=yes (leave-one-out uses one fold per source)");
        }
        if (loo && values.apply("REDDENING").isPresent()) {
            throw new OptionException("REDDENING", values.apply("REDDENING").get(), "not together with "
                    + "LEAVE_ONE_OUT=yes (leave-one-out reddens each source's training set to its own E(B-V) bin)");
        }
        int folds = loo ? 0 : intValue(values, "FOLDS", Math.min(10, limits.maxFolds()), 2, limits.maxFolds());
        int draws = intValue(values, "DRAWS", limits.drawsDefault(), 1, limits.maxDraws());
        long seed = OptionValues.seed(values);
        int trees = intValue(values, "TREES", LearnerCatalogue.PAPER_TREES, 1, limits.maxTrees());
        String algorithm = OptionValues.algorithm(values, trees);
        EbvPolicy ebv = EbvPolicy.TABLE_ELSE_DUST_MAP;
        Optional<String> ebvText = values.apply("EBV");
        if (ebvText.isPresent()) {
            ebv = java.util.Arrays.stream(EbvPolicy.values())
                    .filter(p -> p.optionName().equals(ebvText.get().trim().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new OptionException("EBV", ebvText.get(), "one of " + String.join(", ",
                            java.util.Arrays.stream(EbvPolicy.values()).map(EbvPolicy::optionName).toList())));
        }
        CvReddening reddening = CvReddening.OCTAVE_GROUPS;
        Optional<String> reddeningText = values.apply("REDDENING");
        if (reddeningText.isPresent()) {
            String r = reddeningText.get().trim().toLowerCase(Locale.ROOT);
            if (!REDDENING_MODES.contains(r)) {
                throw new OptionException("REDDENING", reddeningText.get(), "one of " + String.join(", ",
                        REDDENING_MODES));
            }
            reddening = reddening(r);
        }
        double ct = number(values, "CT_THRESHOLD", ClassificationOptions.DEFAULT_CT_THRESHOLD,
                "a number from 0 to " + (int) ClassificationOptions.MAX_CT_THRESHOLD,
                0, ClassificationOptions.MAX_CT_THRESHOLD);
        int targetsPerForest = intValue(values, "TARGETS_PER_FOREST", 1, 1,
                ClassificationOptions.MAX_TARGETS_PER_FOREST);
        XrayNoiseModel noise = OptionValues.xrayNoise(values);
        double sweepMax = number(values, "SWEEP_MAX", 10, "a number from 0 to 1000", 0, 1000);
        double sweepStep = number(values, "SWEEP_STEP", 0.25, "a number from 0.001 to 1000", 0.001, 1000);
        if (sweepMax / sweepStep > MAX_SWEEP_POINTS) {
            throw new OptionException("SWEEP_STEP", values.apply("SWEEP_STEP").orElse("0.25"),
                    "a step that gives at most " + MAX_SWEEP_POINTS + " thresholds up to SWEEP_MAX="
                            + values.apply("SWEEP_MAX").orElse("10"));
        }
        return new EvaluationOptions(folds, loo, draws, seed, trees, algorithm, ebv, reddening, ct, targetsPerForest,
                noise, sweepMax, sweepStep);
    }

    /** The core's mode of a REDDENING value (one of {@link #REDDENING_MODES}). */
    public static CvReddening reddening(String name) {
        return switch (name) {
            case "bins" -> CvReddening.TEST_SOURCE_BIN;
            case "none" -> CvReddening.NONE;
            default -> CvReddening.OCTAVE_GROUPS;
        };
    }

    /** The core run parameters on {@code threads} threads (results do not depend on them). */
    public RunParameters runParameters(int threads) {
        return RunParameters.of(draws, seed).withAlgorithm(algorithm).withEbvPolicy(ebv).withThreads(threads)
                .withCtThreshold(ctThreshold).withTargetsPerForest(targetsPerForest).withXrayNoise(xrayNoise);
    }

    /** The REDDENING value of these options ("octaves", "bins", "none"), or "test-source bin" for leave-one-out. */
    public String reddeningName() {
        if (leaveOneOut) {
            return "test-source bin";
        }
        return switch (reddening) {
            case TEST_SOURCE_BIN -> "bins";
            case NONE -> "none";
            case OCTAVE_GROUPS -> "octaves";
        };
    }

    /** "leave-one-out" or "10-fold". */
    public String protocol() {
        return leaveOneOut ? "leave-one-out" : folds + "-fold";
    }
}
