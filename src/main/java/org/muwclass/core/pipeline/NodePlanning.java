package org.muwclass.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.muwclass.core.physics.EbvGrid;
import org.muwclass.core.physics.SparseEbvGrid;

/**
 * How a run on an interpolating E(B-V) grid chooses its nodes and the forests per node (issue 15 item 4).
 * {@link #UNIFORM}: every node of the grid, the run's forests at every node (the plan before item 4, kept for
 * validation). {@link #MEASURED} (the default): every s-th node only where the class probabilities change slowly,
 * and forests per node from the intra-forest correlation measured at the node's E(B-V), both measured from 1 to 43
 * mag (docs/benchmarks.md, section "Grid nodes and forests per node measured to 40 mag").
 *
 * @param value     name in options and provenance
 * @param widenings where the grid may take wider steps, in increasing E(B-V) and step
 * @param forests   forests per node
 */
public record NodePlanning(String value, List<Widening> widenings, NodeForests forests) {

    /**
     * From {@code fromMag} on, neighbouring nodes may be up to {@code maxRelativeStep} apart: a grid of relative step
     * f keeps every s-th node, s = floor(ln(1 + maxRelativeStep) / ln(1 + f)) (at least 1), so the widening means the
     * same E(B-V) spacing whatever the grid's step.
     *
     * @param fromMag         E(B-V) from which it applies, mag
     * @param maxRelativeStep largest relative distance of neighbouring nodes, 0.01..1
     */
    public record Widening(double fromMag, double maxRelativeStep) {

        public Widening {
            if (!EbvGrid.isRelativeStep(maxRelativeStep)) {
                throw new IllegalArgumentException("widest relative step must be " + EbvGrid.MIN_RELATIVE_STEP
                        + " to " + EbvGrid.MAX_RELATIVE_STEP + ", got " + maxRelativeStep);
            }
        }

        /** Base nodes per kept node on a grid of relative step {@code f}. */
        public int stride(double f) {
            return Math.max(1, (int) Math.floor(Math.log1p(maxRelativeStep) / Math.log1p(f) + 1e-9));
        }
    }

    /** Every grid node, {@link RunParameters#forestsPerTask()} forests at each. */
    public static final NodePlanning UNIFORM = new NodePlanning("uniform", List.of(), NodeForests.UNIFORM);
    /** Measured node spacing and forests per node. */
    public static final NodePlanning MEASURED = new NodePlanning("measured", MeasuredNodes.WIDENINGS,
            MeasuredNodes.FORESTS);

    public NodePlanning {
        Objects.requireNonNull(value, "value");
        widenings = List.copyOf(widenings);
        Objects.requireNonNull(forests, "forests");
    }

    /** The nodes this planning keeps of {@code grid}: a tier wherever a widening raises the stride. */
    public SparseEbvGrid nodes(EbvGrid grid) {
        List<SparseEbvGrid.Tier> tiers = new ArrayList<>();
        int stride = 1;
        for (Widening w : widenings) {
            int s = w.stride(grid.relativeStep());
            if (s > stride) {
                tiers.add(new SparseEbvGrid.Tier(w.fromMag(), s));
                stride = s;
            }
        }
        return new SparseEbvGrid(grid, tiers);
    }

    /**
     * The planning named {@code name}: "uniform" or "measured".
     *
     * @throws IllegalArgumentException naming the value and what is allowed
     */
    public static NodePlanning of(String name) {
        return switch (name) {
            case "uniform" -> UNIFORM;
            case "measured" -> MEASURED;
            default -> throw new IllegalArgumentException("node planning must be 'uniform' or 'measured', got '"
                    + name + "'");
        };
    }
}
