package org.muwclass.core.pipeline;

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
 * @param value   name in options and provenance
 * @param tiers   where the grid keeps only every s-th node ({@link SparseEbvGrid})
 * @param forests forests per node
 */
public record NodePlanning(String value, List<SparseEbvGrid.Tier> tiers, NodeForests forests) {

    /** Every grid node, {@link RunParameters#forestsPerTask()} forests at each. */
    public static final NodePlanning UNIFORM = new NodePlanning("uniform", List.of(), NodeForests.UNIFORM);
    /** Measured node spacing and forests per node. */
    public static final NodePlanning MEASURED = new NodePlanning("measured", MeasuredNodes.TIERS,
            MeasuredNodes.FORESTS);

    public NodePlanning {
        Objects.requireNonNull(value, "value");
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(forests, "forests");
    }

    /** The nodes this planning keeps of {@code grid}. */
    public SparseEbvGrid nodes(EbvGrid grid) {
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
