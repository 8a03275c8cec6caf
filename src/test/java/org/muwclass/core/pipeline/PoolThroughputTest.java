package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pool's measured speed with a fake clock: the prior alone, a slow pool, decay, recovery, bounds. */
class PoolThroughputTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final PoolThroughput throughput = new PoolThroughput(nanos::get);

    private void advance(double seconds) {
        nanos.addAndGet(Math.round(seconds * 1e9));
    }

    @Test
    void noHistoryTrustsTheCostModel() {
        assertEquals(1.0, throughput.factor());
        assertEquals(0.0, throughput.evidenceCoreSeconds());
        advance(3600);
        assertEquals(1.0, throughput.factor());
    }

    @Test
    void aSlowPoolRaisesTheFactorWeighedAgainstThePrior() {
        // 45 core-s of units that took 9x their cost (the pool got 0.22 of a core for 2 threads)
        throughput.unitFinished(45, 405);
        // (405 + 5) / (45 + 5): the prior of 5 core-s at ratio 1
        assertEquals(8.2, throughput.factor(), 1e-9);
        assertEquals(45.0, throughput.evidenceCoreSeconds(), 1e-9);
        throughput.unitFinished(455, 4095);
        assertEquals((4500 + 5) / 505.0, throughput.factor(), 1e-9);
    }

    @Test
    void aFastPoolLowersIt() {
        throughput.unitFinished(95, 47.5); // twice as fast as the cost model says
        assertEquals((47.5 + 5) / 100.0, throughput.factor(), 1e-9);
    }

    @Test
    void evidenceDecaysBackToTheEstimateWhenThePoolIdles() {
        throughput.unitFinished(45, 405);
        advance(PoolThroughput.DECAY_SECONDS); // the history now weighs 1/e
        double w = Math.exp(-1);
        assertEquals((405 * w + 5) / (45 * w + 5), throughput.factor(), 1e-9);
        assertEquals(45 * w, throughput.evidenceCoreSeconds(), 1e-9);
        advance(10 * PoolThroughput.DECAY_SECONDS);
        w = Math.exp(-11);
        assertEquals((405 * w + 5) / (45 * w + 5), throughput.factor(), 1e-12);
        assertEquals(1.0, throughput.factor(), 0.002, "an hour idle: back to the estimate");
    }

    @Test
    void newFastUnitsBringItBackDown() {
        throughput.unitFinished(45, 405);
        assertEquals(8.2, throughput.factor(), 1e-9);
        // the load goes: a minute later units take their estimated cost
        double slowWall = 405;
        double slowCost = 45;
        for (int i = 0; i < 10; i++) {
            advance(60);
            double keep = Math.exp(-60 / PoolThroughput.DECAY_SECONDS);
            slowWall *= keep;
            slowCost *= keep;
            throughput.unitFinished(30, 30);
            slowWall += 30;
            slowCost += 30;
            assertEquals((slowWall + 5) / (slowCost + 5), throughput.factor(), 1e-9, "after fast unit " + (i + 1));
        }
        // 10 minutes and 300 core-s of fast work later
        assertEquals(1.32, throughput.factor(), 0.01);
    }

    @Test
    void theFactorIsBounded() {
        throughput.unitFinished(100, 100_000);
        assertEquals(PoolThroughput.MAX_FACTOR, throughput.factor());
        PoolThroughput fast = new PoolThroughput(nanos::get);
        fast.unitFinished(1000, 1);
        assertEquals(PoolThroughput.MIN_FACTOR, fast.factor());
    }

    @Test
    void unitsWithoutATimeOrCostAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> throughput.unitFinished(-1, 2));
        assertEquals("A unit's estimated cost and wall time must be finite and >= 0, not -1.0 core-s and 2.0 s",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> throughput.unitFinished(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> throughput.unitFinished(Double.POSITIVE_INFINITY, 1));
        assertEquals(1.0, throughput.factor());
    }
}
