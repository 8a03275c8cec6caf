package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.muwclass.core.sampling.XrayNoiseModel;

/** Each wither changes its one component and keeps the other ten; the copy is checked like a new instance. */
class RunParametersWithersTest {

    /** No component at its default, so a wither that dropped one would show. */
    private static final RunParameters BASE = new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false,
            2, 0.1, XrayNoiseModel.INDEPENDENT);

    @Test
    void eachWitherChangesOnlyItsComponent() {
        assertEquals(new RunParameters(41, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withDraws(41));
        assertEquals(new RunParameters(40, 8L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withMasterSeed(8L));
        assertEquals(new RunParameters(40, 7L, "fastrf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withAlgorithm("fastrf"));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.NONE, 1.5, 3, 4, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withEbvPolicy(EbvPolicy.NONE));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 2.5, 3, 4, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withCtThreshold(2.5));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 5, 4, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withThreads(5));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 6, false, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withDrawsPerUnit(6));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, true, 2, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withKeepQuantiles(true));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false, 9, 0.1,
                XrayNoiseModel.INDEPENDENT), BASE.withTargetsPerForest(9));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false, 2, 0,
                XrayNoiseModel.INDEPENDENT), BASE.withEbvGrid(0));
        assertEquals(new RunParameters(40, 7L, "rf", EbvPolicy.DUST_MAP, 1.5, 3, 4, false, 2, 0.1,
                XrayNoiseModel.SHARED), BASE.withXrayNoise(XrayNoiseModel.SHARED));
    }

    @Test
    void aCopyIsCheckedByTheCanonicalConstructor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BASE.withThreads(0));
        assertEquals("threads must be 1..256, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BASE.withDraws(100_001));
        assertEquals("draws must be 1..100000, got 100001", e.getMessage());
    }
}
