package org.muwclass.core.pipeline;

import org.muwclass.core.physics.EbvGrid;

/**
 * For a node of an interpolating E(B-V) grid ({@link EbvGrid}): which Monte-Carlo values of each member source the
 * node produces. A source between nodes k and k + 1 is a member of both, as the lower member of node k and the upper
 * member of node k + 1; {@link ForestSplit} decides, forest by forest, which of the two gives the values (value number
 * v belongs to forest v / M).
 *
 * @param upperWeight     per member: the source's weight w of its upper node
 * @param upperMember     per member: whether this node is the member's upper node
 * @param split           which forests go to the upper node
 * @param valuesPerForest M: target realisations per forest
 */
public record ValueShare(double[] upperWeight, boolean[] upperMember, ForestSplit split, int valuesPerForest) {

    public ValueShare {
        if (upperWeight.length != upperMember.length) {
            throw new IllegalArgumentException(upperWeight.length + " weights for " + upperMember.length
                    + " members");
        }
        if (valuesPerForest < 1) {
            throw new IllegalArgumentException("valuesPerForest must be >= 1, got " + valuesPerForest);
        }
        upperWeight = upperWeight.clone();
        upperMember = upperMember.clone();
    }

    /** Number of members. */
    public int members() {
        return upperWeight.length;
    }

    /** Whether member {@code j} takes value number {@code value} at this node. */
    public boolean takes(int j, long value) {
        return split.atUpper((int) (value / valuesPerForest), upperWeight[j]) == upperMember[j];
    }

    /** How many of the values numbered [from, to) member {@code j} takes at this node. */
    public long values(int j, long from, long to) {
        long n = 0;
        for (long f = from / valuesPerForest; f * valuesPerForest < to; f++) {
            if (split.atUpper((int) f, upperWeight[j]) == upperMember[j]) {
                n += Math.min(to, (f + 1) * valuesPerForest) - Math.max(from, f * valuesPerForest);
            }
        }
        return n;
    }

    /**
     * Values of a source with upper weight {@code w} taken at its upper node, of all {@code p.draws()}: whole forests,
     * the last one possibly short.
     */
    static long upperValues(ForestSplit split, double w, RunParameters p) {
        int last = split.forests() - 1;
        long n = (long) split.upperForests(w) * p.targetsPerForest();
        if (split.atUpper(last, w)) {
            n -= p.targetsPerForest() - p.targetCopies(last);
        }
        return n;
    }
}
