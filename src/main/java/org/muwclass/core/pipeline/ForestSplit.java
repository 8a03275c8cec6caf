package org.muwclass.core.pipeline;

import java.util.Arrays;

/**
 * Which forests of an interpolating E(B-V) grid give a between-nodes source its values at the upper node. A source
 * with upper weight w takes all realisations of U = floor(F w) of the F forests at the upper node and those of the
 * other forests at the lower node. The U forests are the first U in van der Corput order (forest numbers ordered by
 * their bit-reversed value: 0, 256, 128, 384, 64, ... for F = 402), so they are spread evenly over the forest numbers
 * (and over work units), and the sets are nested: a source with a larger w takes a superset. A node therefore trains
 * only the forests its most demanding member takes; whole forests rather than single values change node, which is what
 * lets the outer nodes of a field skip most of their forests.
 *
 * @param rank per forest number, its position in van der Corput order
 */
public record ForestSplit(int[] rank) {

    public ForestSplit {
        rank = rank.clone();
    }

    /** The split of {@code forests} forests. */
    public static ForestSplit of(int forests) {
        if (forests < 1) {
            throw new IllegalArgumentException("Need at least one forest, got " + forests);
        }
        long[] keyed = new long[forests];
        for (int f = 0; f < forests; f++) {
            // bit-reversed forest number (the radical inverse in base 2, as an unsigned 31-bit integer), then f
            keyed[f] = (long) (Integer.reverse(f) >>> 1) << 32 | f;
        }
        Arrays.sort(keyed);
        int[] rank = new int[forests];
        for (int r = 0; r < forests; r++) {
            rank[(int) keyed[r]] = r;
        }
        return new ForestSplit(rank);
    }

    /** Number of forests F. */
    public int forests() {
        return rank.length;
    }

    /** Forests whose realisations a source with upper weight {@code w} (0 &lt;= w &lt; 1) takes at the upper node. */
    public int upperForests(double w) {
        return (int) Math.floor(rank.length * w);
    }

    /** Whether forest {@code forest} gives a source with upper weight {@code w} its values at the upper node. */
    public boolean atUpper(int forest, double w) {
        return rank[forest] < upperForests(w);
    }
}
