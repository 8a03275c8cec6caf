package org.muwclass.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.muwclass.core.learn.FastRandomForest.Model;
import org.muwclass.core.learn.FastRandomForest.Options;

/**
 * Pins the fast forest's output bit for bit: a fingerprint of every probability and the node count of forests grown
 * with the exact and the histogram search (small and large nodes, missing values, depth limit, no bootstrap).
 * A refactoring of the growers must leave them unchanged; a deliberate change of the trees must update them and
 * say so.
 */
class ForestFingerprintTest {

    private static final SyntheticClasses DATA = SyntheticClasses.generate(120, 12, 6, 0.9, Double.NaN, 20261207L);

    /** FNV-1a over the bits of every probability, in row and class order. */
    private static long fingerprint(Model model) {
        long h = 0xcbf29ce484222325L;
        for (double[] row : model.predictProba(DATA.x())) {
            for (double v : row) {
                h ^= Double.doubleToLongBits(v);
                h *= 0x100000001b3L;
            }
        }
        return h;
    }

    private static String grow(Options options) {
        Model model = FastRandomForest.fit(DATA.x(), DATA.y(), DATA.numClasses(), options);
        return Long.toHexString(fingerprint(model)) + " / " + model.totalNodeCount() + " nodes";
    }

    @Test
    void exactSearchForestIsUnchanged() {
        assertEquals("1a8b64307c2de38d / 6621 nodes", grow(new Options(25, 3, 0, 7L, 2, true)));
        assertEquals("927abe2d0f711150 / 296 nodes", grow(new Options(10, 0, 4, 8L, 1, false)));
    }

    @Test
    void histogramSearchForestIsUnchanged() {
        assertEquals("67c04effc6e97638 / 6765 nodes", grow(new Options(25, 3, 0, 7L, 2, true, 256)));
        assertEquals("6679558ef83b5ebf / 848 nodes", grow(new Options(10, 5, 6, 9L, 1, true, 8)));
    }
}
