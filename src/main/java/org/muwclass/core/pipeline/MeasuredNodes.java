package org.muwclass.core.pipeline;

import java.util.List;

/**
 * The measured node spacing and intra-forest correlation behind {@link NodePlanning#MEASURED}
 * (docs/benchmarks.md, section "Grid nodes and forests per node measured to 40 mag"; raw output
 * docs/bench-results/2026-12-08/node-change-f01.txt: 41 nodes of the f = 0.1 grid from 0.95 to 43 mag, 295 probe
 * sources, 30 forests x 4 realisations per node with the same seeds at every node).
 */
final class MeasuredNodes {

    /**
     * Where the grid may widen. Interpolating over every 2nd node of the f = 0.1 grid (relative step 0.21) biased the
     * probes' P by at most 0.070 sigma (RMS over probes; 0 to 0.070, mean 0.031) at the dropped nodes from 2.46 to 16.6
     * mag, against 0.08-0.09 sigma below 2.4 mag; every 3rd node (0.331) by at most 0.060 sigma from 16.6 to 39 mag.
     * The training AGN never stop changing (their column ranks change in 22-80% of entries and their missing flags in
     * 0.3-1.2% per step up to 43 mag), so no two nodes are equal: nodes are dropped where the change is small, not
     * shared where it is nil. Above 43 mag (the dust map reaches 48.7) the spacing of 39-43 mag is assumed.
     */
    static final List<NodePlanning.Widening> WIDENINGS = List.of(new NodePlanning.Widening(2.4, 0.21),
            new NodePlanning.Widening(16.0, 0.331));

    /**
     * rho per E(B-V) interval: 0.37 (NGC 3532's field sources at 1.25 mag, the run's design value) below 0.9 mag,
     * where it was not re-measured; from 0.95 to 43 mag the 84th percentile of the probes' rho was 0.80-0.87 at every
     * node, with no trend in E(B-V) (median 0.47-0.54). Above the design value a node keeps the run's forests, so for
     * these sources the sizing saves nothing: rho depends on the sources' measurement errors, not on the node.
     */
    static final NodeForests FORESTS = new NodeForests(new double[] {0, 0.9}, new double[] {0.37, 0.85});

    private MeasuredNodes() {
    }
}
