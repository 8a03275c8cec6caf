package org.muwclass.core.physics;

/**
 * Reddening nodes for the interpolating E(B-V) estimator: training sets reddened at fixed nodes, and every source
 * classified with the two nodes around its E(B-V) in proportion to its position between them (linear interpolation,
 * realised as a stratified mixture of Monte-Carlo values). The paper's binning ({@link ExtinctionBins}) is the
 * alternative: one training set per occupied 0.025 mag bin, reddened to the members' mean.
 *
 * <p>Nodes: every 0.025 mag (the paper's bin width) from 0 up to E_L = 0.025 ceil(1/f), then geometric,
 * E_k+1 = (1 + f) E_k, so neighbouring nodes are f apart relative to their E(B-V) but never closer than 0.025 mag.
 * How much the training AGN change from node to node is what matters, and at high E(B-V) their optical and
 * near-infrared magnitudes are already beyond the survey limits and their soft X-rays absorbed, so equal relative
 * steps change them by similar, small amounts (docs/science-notes.md has the measured interpolation error).
 *
 * <p>Which node a value uses: a source at E(B-V) = E_k + w (E_k+1 - E_k), 0 &lt;= w &lt; 1, takes the values of
 * floor(F w) of the F forests at node k + 1 and the others at node k (whole forests, spread evenly and nested,
 * {@code org.muwclass.core.pipeline.ForestSplit}), so the mean of its values estimates (1 - w') P(E_k) + w' P(E_k+1)
 * with w' the share of its values taken at node k + 1.
 *
 * <p>Every node lies in its own paper bin, whose index is the node's seed key ({@link #nodeKey}): a target exactly on
 * a node is classified bit for bit as the paper's binning classifies a bin holding only that E(B-V). Node values use
 * {@link StrictMath}, so every JVM (every cluster member) computes the same grid.
 *
 * @param relativeStep f: relative spacing of the geometric nodes, 0.01 to 1
 */
public record EbvGrid(double relativeStep) {

    /** Smallest relative step. */
    public static final double MIN_RELATIVE_STEP = 0.01;
    /** Largest relative step (nodes doubling). */
    public static final double MAX_RELATIVE_STEP = 1;
    /** Spacing of the nodes below the geometric part, and the smallest spacing anywhere: the paper's bin width. */
    public static final double MIN_SPACING_MAG = ExtinctionBins.WIDTH_MAG;

    public EbvGrid {
        if (!isRelativeStep(relativeStep)) {
            throw new IllegalArgumentException("E(B-V) grid step must be a relative step of " + MIN_RELATIVE_STEP
                    + " to " + MAX_RELATIVE_STEP + ", got " + relativeStep);
        }
    }

    /** Whether {@code f} is an allowed relative step, {@link #MIN_RELATIVE_STEP} to {@link #MAX_RELATIVE_STEP}. */
    public static boolean isRelativeStep(double f) {
        return f >= MIN_RELATIVE_STEP && f <= MAX_RELATIVE_STEP;
    }

    /**
     * A source's place between two nodes.
     *
     * @param lowerNode   index k of the node at or below the source's E(B-V)
     * @param upperWeight w in [0, 1): the share of the source's values taken at node k + 1
     */
    public record Placement(int lowerNode, double upperWeight) {
    }

    /** Index of the last node of the evenly spaced part, ceil(1 / f). */
    public int linearNodes() {
        return (int) Math.ceil(1 / relativeStep - 1e-9);
    }

    /** E(B-V) of node {@code k}, mag. */
    public double nodeEbv(int k) {
        int linear = linearNodes();
        if (k <= linear) {
            return k * MIN_SPACING_MAG;
        }
        return linear * MIN_SPACING_MAG * StrictMath.pow(1 + relativeStep, k - linear);
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
        int linear = linearNodes();
        double top = linear * MIN_SPACING_MAG;
        int k = ebvMag < top ? (int) Math.floor(ebvMag / MIN_SPACING_MAG)
                : linear + (int) Math.floor(StrictMath.log(ebvMag / top) / StrictMath.log1p(relativeStep));
        // the estimate can be one off either way; values within 1e-9 of a cell's width above a node are on it
        while (k > 0 && nodeEbv(k) > ebvMag + 1e-12) {
            k--;
        }
        while (nodeEbv(k + 1) <= ebvMag + 1e-12) {
            k++;
        }
        double low = nodeEbv(k);
        double w = (ebvMag - low) / (nodeEbv(k + 1) - low);
        return new Placement(k, w > 1e-9 ? w : 0.0);
    }

    /** Seed key of node {@code k}: the index of the paper's 0.025 mag bin that holds the node's E(B-V). */
    public long nodeKey(int k) {
        return ExtinctionBins.binOf(nodeEbv(k));
    }
}
