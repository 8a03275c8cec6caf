package org.muwclass.core.pipeline;

import org.muwclass.core.physics.EbvGrid;

/**
 * For a node of an interpolating E(B-V) grid ({@link EbvGrid}): which Monte-Carlo values of each member source the
 * node produces. A source between nodes k and k + 1 is a member of both, as the lower member of node k and the upper
 * member of node k + 1; {@link EbvGrid#atUpper} decides, value by value, which of the two gives the value.
 *
 * @param upperWeight per member: the source's weight w of its upper node
 * @param upperMember per member: whether this node is the member's upper node
 */
public record ValueShare(double[] upperWeight, boolean[] upperMember) {

    public ValueShare {
        if (upperWeight.length != upperMember.length) {
            throw new IllegalArgumentException(upperWeight.length + " weights for " + upperMember.length
                    + " members");
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
        return EbvGrid.atUpper(value, upperWeight[j]) == upperMember[j];
    }

    /** How many of the values numbered [from, to) member {@code j} takes at this node. */
    public long values(int j, long from, long to) {
        long upper = EbvGrid.upperValues(to, upperWeight[j]) - EbvGrid.upperValues(from, upperWeight[j]);
        return upperMember[j] ? upper : to - from - upper;
    }
}
