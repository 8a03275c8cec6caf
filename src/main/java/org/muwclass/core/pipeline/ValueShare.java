package org.muwclass.core.pipeline;

import org.muwclass.core.physics.EbvGrid;

/**
 * For a node of an interpolating E(B-V) grid ({@link EbvGrid}): which Monte-Carlo values of each member source the
 * node produces. A source between nodes k and k + 1 is a member of both, as the lower member of node k and the upper
 * member of node k + 1; the {@link ForestSplit} of its cell decides, forest by forest, which of the two gives the
 * values (value number v belongs to forest v / M). The two cells around a node may have different numbers of forests
 * (forests per node sized by need, {@link NodeForests}): a member takes values only of its own cell's forests.
 *
 * @param upperWeight     per member: the source's weight w of its upper node
 * @param upperMember     per member: whether this node is the member's upper node
 * @param split           which forests go to the upper node, for the members whose lower node this is (the cell
 *                        above the node)
 * @param valuesPerForest M: target realisations per forest
 * @param splitBelow      the same for the members whose upper node this is (the cell below the node)
 */
public record ValueShare(double[] upperWeight, boolean[] upperMember, ForestSplit split, int valuesPerForest,
                         ForestSplit splitBelow) {

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

    /** Both cells around the node with the same split (the same number of forests). */
    public ValueShare(double[] upperWeight, boolean[] upperMember, ForestSplit split, int valuesPerForest) {
        this(upperWeight, upperMember, split, valuesPerForest, split);
    }

    /** Number of members. */
    public int members() {
        return upperWeight.length;
    }

    /** The split of member {@code j}'s cell. */
    public ForestSplit splitOf(int j) {
        return upperMember[j] ? splitBelow : split;
    }

    /** Forests the node needs at most: those of the larger cell among its members'. */
    public int forests() {
        int n = 0;
        for (int j = 0; j < members(); j++) {
            n = Math.max(n, splitOf(j).forests());
        }
        return n;
    }

    /** Whether member {@code j} takes value number {@code value} at this node. */
    public boolean takes(int j, long value) {
        int f = (int) (value / valuesPerForest);
        ForestSplit s = splitOf(j);
        return f < s.forests() && s.atUpper(f, upperWeight[j]) == upperMember[j];
    }

    /** How many of the values numbered [from, to) member {@code j} takes at this node. */
    public long values(int j, long from, long to) {
        ForestSplit s = splitOf(j);
        long n = 0;
        for (long f = from / valuesPerForest; f * valuesPerForest < to && f < s.forests(); f++) {
            if (s.atUpper((int) f, upperWeight[j]) == upperMember[j]) {
                n += Math.min(to, (f + 1) * valuesPerForest) - Math.max(from, f * valuesPerForest);
            }
        }
        return n;
    }

    /**
     * Values of a source with upper weight {@code w} taken at its upper node, of all {@link #cellValues}: whole
     * forests, the last one possibly short.
     */
    static long upperValues(ForestSplit split, double w, RunParameters p) {
        int last = split.forests() - 1;
        long n = (long) split.upperForests(w) * p.targetsPerForest();
        if (split.atUpper(last, w)) {
            n -= p.targetsPerForest() - p.targetCopies(last);
        }
        return n;
    }

    /** Values a source takes in a cell of {@code forests} forests (at most {@code p.draws()}). */
    static long cellValues(int forests, RunParameters p) {
        long n = 0;
        for (int f = 0; f < forests; f++) {
            n += p.targetCopies(f);
        }
        return n;
    }
}
