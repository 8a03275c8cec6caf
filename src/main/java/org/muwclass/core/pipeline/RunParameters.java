package org.muwclass.core.pipeline;

import java.util.Objects;
import java.util.function.Consumer;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.sampling.XrayNoiseModel;

/**
 * Parameters of a classification run.
 *
 * @param draws         Monte-Carlo draws (paper: 1000; the authors suggest 100 for large samples), 1..100000
 * @param masterSeed    root of every random stream
 * @param algorithm     learner catalogue name, e.g. "fastrf" (default) or "rf" (Weka)
 * @param ebvPolicy     where each target's E(B-V) comes from
 * @param ctThreshold   CT at or above which a classification counts as confident (paper: 2), &gt;= 0
 * @param threads       worker threads when the run makes its own pool, 1..256
 * @param drawsPerUnit  trained forests (training draws) per work unit (granularity of scheduling and progress),
 *                      &gt;= 1. It fixes the order in which partial sums are merged: keep it (and the seed) to
 *                      reproduce a run bit for bit; other values change means and errors only by rounding
 * @param keepQuantiles whether to keep every draw for medians and 2-sigma quantiles (memory: sources x draws x 8
 *                      doubles)
 * @param targetsPerForest Monte-Carlo estimator, 1..1000: 1 is the paper's protocol (every draw trains its own
 *                      forest on its own training realisation); M &gt; 1 evaluates each trained forest on M independent
 *                      realisations of every target ("shared forests", see docs/science-notes.md), so a run trains
 *                      ceil(draws / M) forests per E(B-V) bin and still aggregates {@code draws} values per source.
 *                      Each value is a valid draw of the paper's protocol; values sharing a forest are correlated,
 *                      so the mean converges like fewer than {@code draws} independent draws (the equivalent number
 *                      is measured in docs/science-notes.md)
 * @param ebvGridStep   how training sets follow the targets' E(B-V): 0 is the paper's way (one training set per
 *                      occupied 0.025 mag bin, reddened to the mean of its members); a relative step f (0.01 to 1)
 *                      reddens training sets at fixed nodes (every 0.025 mag up to 0.025 ceil(1/f), then f apart
 *                      relative to their E(B-V)) and classifies each target with the two nodes around its E(B-V), in
 *                      proportion to its position between them ({@link EbvGrid}; linear interpolation, see
 *                      docs/science-notes.md). A field then needs about ln(E_max / E_min) / f + 1 training sets
 *                      instead of one per occupied 0.025 mag bin
 * @param xrayNoise     how the Monte-Carlo draws perturb s, m, h ({@link XrayNoiseModel}; default
 *                      {@link XrayNoiseModel#SHARED}, the paper's code)
 */
public record RunParameters(int draws, long masterSeed, String algorithm, EbvPolicy ebvPolicy, double ctThreshold,
                            int threads, int drawsPerUnit, boolean keepQuantiles, int targetsPerForest,
                            double ebvGridStep, XrayNoiseModel xrayNoise) {

    /** Largest {@link #targetsPerForest()}. */
    public static final int MAX_TARGETS_PER_FOREST = 1000;

    /**
     * Intra-forest correlation rho used to convert between draws and equivalent independent draws of the shared-forest
     * estimator: the share of a source's per-draw variance of P(predicted class) that comes from the forest (training
     * measurements, SMOTE, tree randomness) rather than from the target's own measurements. Measured on NGC 3532
     * (docs/science-notes.md): median 0.17, 84th percentile 0.37; the conservative 0.37 is used.
     */
    public static final double DESIGN_RHO = 0.37;

    public RunParameters {
        if (draws < 1 || draws > 100_000) {
            throw new IllegalArgumentException("draws must be 1..100000, got " + draws);
        }
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(ebvPolicy, "ebvPolicy");
        Objects.requireNonNull(xrayNoise, "xrayNoise");
        if (!(ctThreshold >= 0) || Double.isInfinite(ctThreshold)) {
            throw new IllegalArgumentException("ctThreshold must be a finite value >= 0, got " + ctThreshold);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256, got " + threads);
        }
        if (drawsPerUnit < 1) {
            throw new IllegalArgumentException("drawsPerUnit must be >= 1, got " + drawsPerUnit);
        }
        if (targetsPerForest < 1 || targetsPerForest > MAX_TARGETS_PER_FOREST) {
            throw new IllegalArgumentException("targetsPerForest must be 1.." + MAX_TARGETS_PER_FOREST + ", got "
                    + targetsPerForest);
        }
        if (ebvGridStep != 0) {
            new EbvGrid(ebvGridStep);
        }
    }

    /** As the canonical constructor with the paper's (shared) X-ray noise. */
    public RunParameters(int draws, long masterSeed, String algorithm, EbvPolicy ebvPolicy, double ctThreshold,
                         int threads, int drawsPerUnit, boolean keepQuantiles, int targetsPerForest,
                         double ebvGridStep) {
        this(draws, masterSeed, algorithm, ebvPolicy, ctThreshold, threads, drawsPerUnit, keepQuantiles,
                targetsPerForest, ebvGridStep, XrayNoiseModel.DEFAULT);
    }

    /** The paper's protocol (one target realisation per trained forest, the paper's E(B-V) bins). */
    public RunParameters(int draws, long masterSeed, String algorithm, EbvPolicy ebvPolicy, double ctThreshold,
                         int threads, int drawsPerUnit, boolean keepQuantiles) {
        this(draws, masterSeed, algorithm, ebvPolicy, ctThreshold, threads, drawsPerUnit, keepQuantiles, 1, 0);
    }

    /** The interpolating E(B-V) grid, or null for the paper's bins. */
    public EbvGrid ebvGrid() {
        return ebvGridStep == 0 ? null : new EbvGrid(ebvGridStep);
    }

    /** A copy with another E(B-V) treatment: 0 for the paper's bins, else the grid's relative step. */
    public RunParameters withEbvGrid(double relativeStep) {
        return copy(c -> c.ebvGridStep = relativeStep);
    }

    /** Forests trained per task (E(B-V) bin or cross-validation group): ceil(draws / targetsPerForest). */
    public int forestsPerTask() {
        return (draws + targetsPerForest - 1) / targetsPerForest;
    }

    /** Target realisations evaluated with forest {@code forest} (the last forest takes the remainder). */
    public int targetCopies(int forest) {
        return Math.min(targetsPerForest, draws - forest * targetsPerForest);
    }

    /**
     * Number of independent paper-protocol draws whose mean is as precise as this run's, for a source with
     * intra-forest correlation {@link #DESIGN_RHO}: draws / (1 + (M - 1) rho) (Kish's design effect); equals draws for
     * the paper's protocol.
     */
    public double equivalentDraws() {
        return draws / (1 + (targetsPerForest - 1) * DESIGN_RHO);
    }

    /**
     * A copy whose {@link #equivalentDraws()} is at least {@code n} with the current {@link #targetsPerForest()}:
     * draws = M ceil(n (1 + (M - 1) rho) / M).
     *
     * @throws IllegalArgumentException when that needs more than 100000 draws
     */
    public RunParameters withEquivalentDraws(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("equivalent draws must be >= 1, got " + n);
        }
        double perForest = targetsPerForest / (1 + (targetsPerForest - 1) * DESIGN_RHO);
        long forests = (long) Math.ceil(n / perForest - 1e-9);
        return withDraws((int) Math.min(Integer.MAX_VALUE, forests * targetsPerForest));
    }

    /** A copy with another Monte-Carlo estimator (1 = the paper's protocol). */
    public RunParameters withTargetsPerForest(int m) {
        return copy(c -> c.targetsPerForest = m);
    }

    /** A copy with another number of draws. */
    public RunParameters withDraws(int n) {
        return copy(c -> c.draws = n);
    }

    /** A copy with another master seed. */
    public RunParameters withMasterSeed(long seed) {
        return copy(c -> c.masterSeed = seed);
    }

    /**
     * Paper-like defaults: the paper's forest as {@code fastrf} (same CV accuracy as the paper's, docs/benchmarks.md;
     * {@code rf}, Weka's RandomForest, stays selectable), the paper's one-forest-per-draw protocol, E(B-V) from the
     * table else {@link EbvPolicy#DEFAULT}, CT 2, one thread, 10 forests per unit, the paper's shared X-ray noise.
     */
    public static RunParameters of(int draws, long masterSeed) {
        return new RunParameters(draws, masterSeed, "fastrf", EbvPolicy.DEFAULT, 2.0, 1, 10, true, 1, 0);
    }

    /** A copy with another learner name. */
    public RunParameters withAlgorithm(String name) {
        return copy(c -> c.algorithm = name);
    }

    /** A copy with another E(B-V) policy. */
    public RunParameters withEbvPolicy(EbvPolicy policy) {
        return copy(c -> c.ebvPolicy = policy);
    }

    /** A copy with another X-ray noise model. */
    public RunParameters withXrayNoise(XrayNoiseModel model) {
        return copy(c -> c.xrayNoise = model);
    }

    /** A copy with another thread count. */
    public RunParameters withThreads(int n) {
        return copy(c -> c.threads = n);
    }

    /** A copy with another work-unit size. */
    public RunParameters withDrawsPerUnit(int n) {
        return copy(c -> c.drawsPerUnit = n);
    }

    /** A copy with another CT threshold. */
    public RunParameters withCtThreshold(double ct) {
        return copy(c -> c.ctThreshold = ct);
    }

    /** A copy that does or does not keep draws for quantiles. */
    public RunParameters withKeepQuantiles(boolean keep) {
        return copy(c -> c.keepQuantiles = keep);
    }

    /** A copy with the components {@code change} sets; the canonical constructor checks it like any other. */
    private RunParameters copy(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.build();
    }

    /** The components of a copy being made, so that each wither names only the one it changes. */
    private static final class Components {
        int draws;
        long masterSeed;
        String algorithm;
        EbvPolicy ebvPolicy;
        double ctThreshold;
        int threads;
        int drawsPerUnit;
        boolean keepQuantiles;
        int targetsPerForest;
        double ebvGridStep;
        XrayNoiseModel xrayNoise;

        Components(RunParameters p) {
            draws = p.draws;
            masterSeed = p.masterSeed;
            algorithm = p.algorithm;
            ebvPolicy = p.ebvPolicy;
            ctThreshold = p.ctThreshold;
            threads = p.threads;
            drawsPerUnit = p.drawsPerUnit;
            keepQuantiles = p.keepQuantiles;
            targetsPerForest = p.targetsPerForest;
            ebvGridStep = p.ebvGridStep;
            xrayNoise = p.xrayNoise;
        }

        RunParameters build() {
            return new RunParameters(draws, masterSeed, algorithm, ebvPolicy, ctThreshold, threads, drawsPerUnit,
                    keepQuantiles, targetsPerForest, ebvGridStep, xrayNoise);
        }
    }
}
