package org.muwclass.core.sampling;

import java.util.SplittableRandom;

/**
 * Derives independent child seeds from a parent seed and integer keys (e.g. master seed, then stream kind, draw,
 * source index). A child seed depends only on the parent and the keys, never on which thread asks or in what order,
 * which is what makes runs bit-identical at any thread count. The mixer is the SplitMix64 finaliser (Steele et al.
 * 2014), the same as behind {@link SplittableRandom}.
 */
public final class Seeds {

    /** Stream kinds, used as the first key under a master seed. */
    public static final long TRAIN_SAMPLING = 1;
    public static final long TARGET_SAMPLING = 2;
    public static final long OVERSAMPLING = 3;
    public static final long LEARNER = 4;
    public static final long FOLDS = 5;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** Child seed of {@code parent} along the path of {@code keys}. */
    public static long derive(long parent, long... keys) {
        long s = mix(parent ^ 0x5DEECE66DL);
        for (long k : keys) {
            s = mix(s + GOLDEN * (k + 1));
        }
        return s;
    }

    /** A generator for the child seed of {@code parent} along {@code keys}. */
    public static SplittableRandom random(long parent, long... keys) {
        return new SplittableRandom(derive(parent, keys));
    }

    /** A non-negative int seed for libraries that take an int (Weka). */
    public static int intSeed(long seed) {
        return (int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
