package org.muwclass.core.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link EbvGrid} that keeps only every s-th of its nodes above given E(B-V) values, where the class probabilities
 * change slowly enough that interpolating over the wider cells costs no measurable accuracy (measured to 43 mag in
 * docs/benchmarks.md, section "Grid nodes and forests per node measured to 40 mag"). Every kept node is a node of the
 * base grid, with the same E(B-V) and seed key, so a source exactly on a kept node is classified bit for bit as on
 * the base grid. Sources between kept nodes are interpolated between them as on the base grid ({@link #place}).
 *
 * <p>Node indices here count kept nodes: node k is base node {@link #baseNode}(k).
 *
 * @param base  the full grid
 * @param tiers where the stride changes, in increasing E(B-V) and stride; empty: every base node is kept
 */
public record SparseEbvGrid(EbvGrid base, List<Tier> tiers) {

    /**
     * From the first base node at or above {@code fromMag}, that is also a kept node of the tier below, every
     * {@code stride}-th base node is kept.
     *
     * @param fromMag E(B-V) where the tier starts, mag, &gt; 0
     * @param stride  base nodes per kept node, 1..16
     */
    public record Tier(double fromMag, int stride) {

        public Tier {
            if (!(fromMag > 0) || Double.isInfinite(fromMag)) {
                throw new IllegalArgumentException("tier start must be a finite E(B-V) > 0 mag, got " + fromMag);
            }
            if (stride < 1 || stride > 16) {
                throw new IllegalArgumentException("tier stride must be 1..16, got " + stride);
            }
        }
    }

    /** Where each tier starts: base node, stride, kept-node index of that base node. */
    private record Start(int baseNode, int stride, int node) {
    }

    public SparseEbvGrid {
        tiers = List.copyOf(tiers);
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).fromMag() <= tiers.get(i - 1).fromMag()
                    || tiers.get(i).stride() < tiers.get(i - 1).stride()) {
                throw new IllegalArgumentException("tiers must increase in E(B-V) and not decrease in stride: "
                        + tiers);
            }
        }
    }

    /** Every node of {@code base}. */
    public static SparseEbvGrid full(EbvGrid base) {
        return new SparseEbvGrid(base, List.of());
    }

    private List<Start> starts() {
        List<Start> out = new ArrayList<>();
        Start s = new Start(0, 1, 0);
        out.add(s);
        for (Tier t : tiers) {
            EbvGrid.Placement p = base.place(t.fromMag());
            int first = p.lowerNode() + (p.upperWeight() > 0 ? 1 : 0);
            // align to a node kept by the tier below
            int steps = Math.max(0, (first - s.baseNode() + s.stride() - 1) / s.stride());
            s = new Start(s.baseNode() + steps * s.stride(), t.stride(), s.node() + steps);
            out.add(s);
        }
        return out;
    }

    /** Base-grid index of kept node {@code k}. */
    public int baseNode(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("node index must be >= 0, got " + k);
        }
        Start at = null;
        for (Start s : starts()) {
            if (s.node() <= k) {
                at = s;
            }
        }
        return at.baseNode() + (k - at.node()) * at.stride();
    }

    /** E(B-V) of kept node {@code k}, mag. */
    public double nodeEbv(int k) {
        return base.nodeEbv(baseNode(k));
    }

    /** Seed key of kept node {@code k}: the base grid's key of the same node. */
    public long nodeKey(int k) {
        return base.nodeKey(baseNode(k));
    }

    /**
     * Where {@code ebvMag} falls between kept nodes: the kept node at or below it and the share of the source's values
     * taken at the next kept node.
     *
     * @throws IllegalArgumentException if {@code ebvMag} is NaN, infinite or negative
     */
    public EbvGrid.Placement place(double ebvMag) {
        EbvGrid.Placement p = base.place(ebvMag);
        if (tiers.isEmpty()) {
            return p;
        }
        int b = p.lowerNode();
        Start at = null;
        for (Start s : starts()) {
            if (s.baseNode() <= b) {
                at = s;
            }
        }
        int k = at.node() + (b - at.baseNode()) / at.stride();
        if (baseNode(k) == b && (p.upperWeight() == 0 || baseNode(k + 1) == b + 1)) {
            return new EbvGrid.Placement(k, p.upperWeight()); // on a kept node, or in a base cell: the base's numbers
        }
        double low = nodeEbv(k);
        double w = (ebvMag - low) / (nodeEbv(k + 1) - low);
        return new EbvGrid.Placement(k, w > 1e-9 ? Math.min(w, Math.nextDown(1.0)) : 0.0);
    }

    /** Provenance text: the base step and the tiers. */
    public String describe() {
        StringBuilder s = new StringBuilder("relative step " + base.relativeStep());
        for (Tier t : tiers) {
            s.append(", every ").append(t.stride()).append(". node from ")
                    .append(String.format(Locale.ROOT, "%.3g", nodeEbv(firstNodeOf(t)))).append(" mag");
        }
        return s.toString();
    }

    private int firstNodeOf(Tier t) {
        return starts().get(tiers.indexOf(t) + 1).node();
    }
}
