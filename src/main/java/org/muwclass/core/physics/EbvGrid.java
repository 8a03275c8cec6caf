package org.muwclass.core.physics;

/**
 * Reddening nodes for the interpolating E(B-V) estimator: nodes every {@code stepMag} of E(B-V) from 0, each with its
 * own reddened training set, and every source classified with the two nodes around its E(B-V) in proportion to its
 * position between them (linear interpolation, realised as a stratified mixture of Monte-Carlo values). The
 * paper's binning ({@link ExtinctionBins}) is the alternative: one training set per occupied 0.025 mag bin, reddened
 * to the members' mean.
 *
 * <p>Which node a value uses: a source at E(B-V) = (k + w) x step, 0 &lt;= w &lt; 1, takes value number v (0, 1, 2,
 * ...) at node k + 1 when floor((v + 1) w) &gt; floor(v w), else at node k. Over its first n values exactly floor(n w)
 * are at the upper node, spread evenly (a Bresenham line), so the mean over n values estimates
 * (1 - w') P(E_k) + w' P(E_k+1) with w' = floor(n w) / n.
 *
 * <p>The step is at least the paper's bin width (0.025 mag), so every node lies in its own paper bin and can use that
 * bin's index as its seed key ({@link #nodeKey}): a target exactly on a node is then classified bit for bit as the
 * paper's binning classifies a bin holding only that E(B-V).
 *
 * @param stepMag node spacing in mag of E(B-V), 0.025 to 10
 */
public record EbvGrid(double stepMag) {

    /** Smallest allowed node spacing, mag: the paper's bin width. */
    public static final double MIN_STEP_MAG = ExtinctionBins.WIDTH_MAG;
    /** Largest allowed node spacing, mag. */
    public static final double MAX_STEP_MAG = 10;

    public EbvGrid {
        if (!(stepMag >= MIN_STEP_MAG && stepMag <= MAX_STEP_MAG)) {
            throw new IllegalArgumentException("E(B-V) grid step must be " + MIN_STEP_MAG + " to " + MAX_STEP_MAG
                    + " mag, got " + stepMag);
        }
    }

    /**
     * A source's place between two nodes.
     *
     * @param lowerNode   index k of the node at or below the source's E(B-V)
     * @param upperWeight w in [0, 1): the share of the source's values taken at node k + 1
     */
    public record Placement(int lowerNode, double upperWeight) {
    }

    /**
     * Where {@code ebvMag} falls.
     *
     * @throws IllegalArgumentException if {@code ebvMag} is NaN, infinite or negative
     */
    public Placement place(double ebvMag) {
        if (!(ebvMag >= 0) || Double.isInfinite(ebvMag)) {
            throw new IllegalArgumentException("E(B-V) must be a finite value >= 0 mag, got " + ebvMag);
        }
        double x = ebvMag / stepMag;
        // the small tolerance keeps values printed as exact multiples of the step on their node
        int k = (int) Math.floor(x + 1e-9);
        double w = x - k;
        return new Placement(k, w > 1e-9 ? w : 0.0);
    }

    /** E(B-V) of node {@code k}, mag. */
    public double nodeEbv(int k) {
        return k * stepMag;
    }

    /** Seed key of node {@code k}: the index of the paper's 0.025 mag bin that holds the node's E(B-V). */
    public long nodeKey(int k) {
        return ExtinctionBins.binOf(nodeEbv(k));
    }

    /** Whether value number {@code v} of a source with upper weight {@code w} is taken at the upper node. */
    public static boolean atUpper(long v, double w) {
        return Math.floor((v + 1) * w) > Math.floor(v * w);
    }

    /** How many of a source's first {@code n} values are taken at the upper node: floor(n w). */
    public static long upperValues(long n, double w) {
        return (long) Math.floor(n * w);
    }
}
