package org.muwclass.core.physics;

/**
 * HEALPix NESTED to RING pixel numbering (Gorski et al. 2005; the {@code nest2ring} of the HEALPix library): the
 * face number and the de-interleaved (x, y) in the face give the ring and the position on it.
 */
final class HealpixNested {

    /** Ring number (in units of NSIDE) of each base face's southernmost corner. */
    private static final int[] JRLL = {2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4};
    /** Longitude index, in units of pi / 4, of each base face's centre. */
    private static final int[] JPLL = {1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7};

    private HealpixNested() {
    }

    /** The RING index of NESTED pixel {@code pix} at {@code nside} (a power of 2). */
    static long nestToRing(long pix, int nside) {
        int order = Integer.numberOfTrailingZeros(nside);
        long npface = (long) nside * nside;
        long nl4 = 4L * nside;
        long npix = 12 * npface;
        long ncap = 2L * nside * (nside - 1);
        int face = (int) (pix / npface);
        long ipf = pix % npface;
        long ix = compressBits(ipf);
        long iy = compressBits(ipf >>> 1);
        long jr = ((long) JRLL[face] << order) - ix - iy - 1;
        long nr;
        long before;
        long kshift;
        if (jr < nside) {
            nr = jr;
            before = 2 * nr * (nr - 1);
            kshift = 0;
        } else if (jr > 3L * nside) {
            nr = nl4 - jr;
            before = npix - 2 * (nr + 1) * nr;
            kshift = 0;
        } else {
            nr = nside;
            before = ncap + (jr - nside) * nl4;
            kshift = (jr - nside) & 1;
        }
        long jp = (JPLL[face] * nr + ix - iy + 1 + kshift) / 2;
        if (jp > nl4) {
            jp -= nl4;
        } else if (jp < 1) {
            jp += nl4;
        }
        return before + jp - 1;
    }

    /** NESTED-ordered values reordered to RING. */
    static float[] toRing(float[] nested, int nside, String what) {
        if (Integer.bitCount(nside) != 1) {
            throw new IllegalArgumentException(what + ": NESTED ordering needs NSIDE a power of 2, got " + nside);
        }
        float[] ring = new float[nested.length];
        for (int i = 0; i < nested.length; i++) {
            ring[(int) nestToRing(i, nside)] = nested[i];
        }
        return ring;
    }

    /** The even bits of {@code v} packed together (x from the interleaved x/y bits). */
    private static long compressBits(long v) {
        long out = 0;
        for (int bit = 0; bit < 32; bit++) {
            out |= ((v >>> (2 * bit)) & 1L) << bit;
        }
        return out;
    }
}
