package org.muwclass.core.pipeline;

import java.util.List;
import org.muwclass.core.physics.SparseEbvGrid;

/**
 * The measured node spacing and intra-forest correlation behind {@link NodePlanning#MEASURED}
 * (docs/benchmarks.md, section "Grid nodes and forests per node measured to 40 mag"; raw output
 * docs/bench-results/2026-12-08/node-change-f01.txt).
 */
final class MeasuredNodes {

    /** Where the grid keeps only every s-th node. PLACEHOLDER until the measurement is in. */
    static final List<SparseEbvGrid.Tier> TIERS = List.of();

    /** rho per E(B-V) interval. PLACEHOLDER until the measurement is in. */
    static final NodeForests FORESTS = NodeForests.UNIFORM;

    private MeasuredNodes() {
    }
}
