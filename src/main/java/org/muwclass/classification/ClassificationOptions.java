package org.muwclass.classification;

import static org.muwclass.classification.OptionValues.intValue;
import static org.muwclass.classification.OptionValues.number;
import java.util.Optional;
import java.util.function.Function;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.TrainingOverlap;
import org.muwclass.core.sampling.XrayNoiseModel;
import org.muwclass.core.training.NoXrayPolicy;

/**
 * The scalar options of one classification, the same for the CLI and the UWS job: one parser ({@link #parse}) from
 * name/value pairs, where a name is the UWS parameter (DRAWS, EBV_GRID, ...) and the CLI option is its lower-case,
 * dashed spelling ({@code --draws}, {@code --ebv-grid}).
 *
 * @param algorithm        learner name of {@link LearnerCatalogue} (ALGORITHM; default fastrf)
 * @param trees            trees per forest (TREES; default 100)
 * @param draws            Monte-Carlo draws per source (DRAWS, or what EQUIVALENT_DRAWS needs)
 * @param targetsPerForest target realisations per trained forest (TARGETS_PER_FOREST; 1 = the paper's protocol)
 * @param ebvGridStep      0 for the paper's 0.025 mag E(B-V) bins, else the interpolating grid's relative step
 *                         (EBV_GRID)
 * @param seed             master seed (SEED; default 1)
 * @param ebvSource        where E(B-V) comes from (EBV)
 * @param xrayNoise        X-ray noise model of the draws (XRAY_NOISE; default shared, the paper's)
 * @param ctThreshold      CT at or above which a class counts as confident (CT_THRESHOLD; default 2)
 * @param noXray           rows without any X-ray flux: refused, or returned unclassified and flagged (NO_XRAY;
 *                         default refuse)
 * @param trainingOverlap  targets that are training sources: classified without themselves, or by forests trained
 *                         on them too (TRAINING_OVERLAP; default loo)
 */
public record ClassificationOptions(String algorithm, int trees, int draws, int targetsPerForest, double ebvGridStep,
                                    long seed, EbvSource ebvSource, XrayNoiseModel xrayNoise, double ctThreshold,
                                    NoXrayPolicy noXray, TrainingOverlap trainingOverlap) {

    /** Default of CT_THRESHOLD. */
    public static final double DEFAULT_CT_THRESHOLD = 2.0;
    /** Largest CT_THRESHOLD. */
    public static final double MAX_CT_THRESHOLD = 1000;
    /** Most TARGETS_PER_FOREST. */
    public static final int MAX_TARGETS_PER_FOREST = RunParameters.MAX_TARGETS_PER_FOREST;

    /**
     * Work units of one forest each: progress, ABORT and the execution duration act within one forest, and the
     * floating-point merge order (part of the result) is the same for the CLI and the service.
     */
    static final int DRAWS_PER_UNIT = 1;

    /**
     * Parses and validates the options.
     *
     * @param values the value of a UWS parameter name, empty when not given
     * @param limits the front door's bounds
     * @throws OptionException naming the option, the value and what is allowed
     */
    public static ClassificationOptions parse(Function<String, Optional<String>> values, OptionLimits limits)
            throws OptionException {
        int targetsPerForest = intValue(values, "TARGETS_PER_FOREST", 1, 1, MAX_TARGETS_PER_FOREST);
        int draws = draws(values, limits, targetsPerForest);
        double ebvGrid = number(values, "EBV_GRID", 0.0, "a finite number, 0 or more", 0, Double.MAX_VALUE);
        if (ebvGrid != 0 && !EbvGrid.isRelativeStep(ebvGrid)) {
            throw new OptionException("EBV_GRID", values.apply("EBV_GRID").orElseThrow(),
                    "0 (the paper's 0.025 mag E(B-V) bins) or a relative grid step from "
                            + EbvGrid.MIN_RELATIVE_STEP + " to " + EbvGrid.MAX_RELATIVE_STEP);
        }
        long seed = OptionValues.seed(values);
        int trees = intValue(values, "TREES", LearnerCatalogue.PAPER_TREES, 1, limits.maxTrees());
        String algorithm = OptionValues.algorithm(values, trees);
        EbvSource ebv = values.apply("EBV").isPresent() ? EbvSource.fromName(values.apply("EBV").get())
                : EbvSource.DEFAULT;
        XrayNoiseModel noise = OptionValues.xrayNoise(values);
        double ct = number(values, "CT_THRESHOLD", DEFAULT_CT_THRESHOLD,
                "a number from 0 to " + (int) MAX_CT_THRESHOLD, 0, MAX_CT_THRESHOLD);
        NoXrayPolicy noXray = NoXrayPolicy.REFUSE;
        Optional<String> noXrayText = values.apply("NO_XRAY");
        if (noXrayText.isPresent()) {
            try {
                noXray = NoXrayPolicy.fromValue(noXrayText.get());
            } catch (IllegalArgumentException e) {
                throw new OptionException("NO_XRAY", noXrayText.get(), "one of " + NoXrayPolicy.allowed());
            }
        }
        TrainingOverlap overlap = TrainingOverlap.LOO;
        Optional<String> overlapText = values.apply("TRAINING_OVERLAP");
        if (overlapText.isPresent()) {
            try {
                overlap = TrainingOverlap.fromValue(overlapText.get());
            } catch (IllegalArgumentException e) {
                throw new OptionException("TRAINING_OVERLAP", overlapText.get(),
                        "one of " + TrainingOverlap.allowed());
            }
        }
        return new ClassificationOptions(algorithm, trees, draws, targetsPerForest, ebvGrid, seed, ebv, noise, ct,
                noXray, overlap);
    }

    /** The core run parameters on {@code threads} threads (results do not depend on them). */
    public RunParameters runParameters(int threads) {
        return RunParameters.of(draws, seed).withAlgorithm(algorithm).withEbvPolicy(ebvSource.policy())
                .withCtThreshold(ctThreshold).withThreads(threads).withDrawsPerUnit(DRAWS_PER_UNIT)
                .withTargetsPerForest(targetsPerForest).withEbvGrid(ebvGridStep).withXrayNoise(xrayNoise);
    }

    /**
     * DRAWS (values per source), or the draws EQUIVALENT_DRAWS needs at TARGETS_PER_FOREST; either way at most the
     * limit of forests per E(B-V) task: the limit bounds the training work.
     */
    private static int draws(Function<String, Optional<String>> values, OptionLimits limits, int targetsPerForest)
            throws OptionException {
        int max = limits.maxDraws(targetsPerForest);
        Optional<String> equivalent = values.apply("EQUIVALENT_DRAWS");
        if (equivalent.isEmpty()) {
            return intValue(values, "DRAWS", Math.min(limits.drawsDefault(), max), 1, max);
        }
        if (values.apply("DRAWS").isPresent()) {
            throw new OptionException("EQUIVALENT_DRAWS", equivalent.get(), "not together with DRAWS: give one");
        }
        int n = intValue(values, "EQUIVALENT_DRAWS", 1, 1, OptionLimits.MAX_DRAWS);
        RunParameters atM = RunParameters.of(1, 0).withTargetsPerForest(targetsPerForest);
        int draws = atM.withEquivalentDraws(n).draws();
        if (draws > max) {
            throw new OptionException("EQUIVALENT_DRAWS", equivalent.get(), "at most what "
                    + limits.forestsPerTaskLimit() + " forests per E(B-V) task give with TARGETS_PER_FOREST="
                    + targetsPerForest + " (" + (int) Math.floor(atM.withDraws(max).equivalentDraws()) + ")");
        }
        return draws;
    }
}
