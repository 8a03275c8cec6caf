package org.muwclass.core.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * The E(B-V) grid nodes a run trains at and the forests each trains (provenance of a grid run, issue 15 item 4).
 *
 * @param planning how nodes and forests were chosen
 * @param grid     the grid's description: relative step and where it keeps only every s-th node
 * @param nodes       the nodes some target takes values at, in E(B-V) order
 * @param sharedNodes nodes of the full grid inside the cells between used nodes that the plan does not train at
 *                    (sources there are interpolated between the kept nodes around them)
 */
public record NodePlan(NodePlanning planning, String grid, List<Node> nodes, int sharedNodes) {

    /**
     * One node.
     *
     * @param baseNode index of the node on the full grid of the run's relative step
     * @param ebvMag   E(B-V) the node's training AGN are reddened to, mag
     * @param forests  forests the node trains at most (the larger cell's among its members')
     */
    public record Node(int baseNode, double ebvMag, int forests) {
    }

    public NodePlan {
        nodes = List.copyOf(nodes);
    }

    /** Provenance text, e.g. "node plan measured (relative step 0.1, every 2. node from 5.28 mag): 3 nodes, 1 full-grid
     * node interpolated over, forests per node 4.80:402 5.28:310 6.39:310". */
    public String describe() {
        StringBuilder s = new StringBuilder("node plan " + planning.value() + " (" + grid + "): " + nodes.size()
                + " nodes, " + sharedNodes() + " full-grid nodes interpolated over, forests per node");
        for (Node n : nodes) {
            s.append(String.format(Locale.ROOT, " %.3g:%d", n.ebvMag(), n.forests()));
        }
        return s.toString();
    }
}
