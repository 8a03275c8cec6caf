package org.muwclass.core.pipeline;

import java.util.function.LongSupplier;

/**
 * How fast a work pool's threads really run, measured on the units it finished (issue 15 item 5): wall seconds a
 * unit took on its thread per core-second the {@link CostModel} estimated for it. 1 when each thread has a core to
 * itself and the cost model is right; on a machine loaded by other processes (the JVM got 0.22 of a core for its 2
 * threads in docs/benchmarks.md) it is ~9. A quote made before a job has progress multiplies the plan's estimate by
 * {@link #factor()}.
 *
 * <p>The measurement is exponentially time-decayed (time constant {@link #DECAY_SECONDS}: work finished 5 minutes
 * ago weighs 1/e) and pulled toward 1 by a prior of {@link #PRIOR_CORE_SECONDS} estimated core-seconds at ratio 1,
 * so: no history gives 1 (the quote as without measurement), a few short units move it little, and once the pool
 * idles the factor drifts back to 1 as its evidence decays. The factor is bounded to [{@link #MIN_FACTOR},
 * {@link #MAX_FACTOR}]. O(1) memory; thread-safe.
 */
public final class PoolThroughput {

    /** Time constant of the decay, s. */
    public static final double DECAY_SECONDS = 300;
    /** Weight of the prior "ratio 1", in estimated core-seconds of finished work. */
    public static final double PRIOR_CORE_SECONDS = 5;
    /** Least factor a quote uses (a pool 4x faster than its cost model). */
    public static final double MIN_FACTOR = 0.25;
    /** Greatest factor a quote uses (a pool 20x slower than its cost model). */
    public static final double MAX_FACTOR = 20;

    private final LongSupplier nanoTime;
    /** Decayed sums as of {@link #asOf}: wall s of finished units, and their estimated core-s. */
    private double wallSeconds;
    private double coreSeconds;
    private long asOf;

    /** Measured with {@link System#nanoTime}. */
    public PoolThroughput() {
        this(System::nanoTime);
    }

    /** @param nanoTime a monotonic clock, ns (a fake one in tests) */
    public PoolThroughput(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.asOf = nanoTime.getAsLong();
    }

    /** The clock this tracker measures with, ns: units time themselves with it. */
    public long now() {
        return nanoTime.getAsLong();
    }

    /**
     * A finished unit.
     *
     * @param estimatedCoreSeconds its cost by the cost model, core-s (at least 0)
     * @param wallSeconds          the time it took on its thread, s (at least 0)
     */
    public synchronized void unitFinished(double estimatedCoreSeconds, double wallSeconds) {
        if (!(estimatedCoreSeconds >= 0) || !(wallSeconds >= 0) || Double.isInfinite(estimatedCoreSeconds)
                || Double.isInfinite(wallSeconds)) {
            throw new IllegalArgumentException("A unit's estimated cost and wall time must be finite and >= 0, not "
                    + estimatedCoreSeconds + " core-s and " + wallSeconds + " s");
        }
        decayTo(now());
        this.wallSeconds += wallSeconds;
        this.coreSeconds += estimatedCoreSeconds;
    }

    /** Wall seconds per estimated core-second, bounded to [{@link #MIN_FACTOR}, {@link #MAX_FACTOR}]; 1 alone. */
    public synchronized double factor() {
        decayTo(now());
        double ratio = (wallSeconds + PRIOR_CORE_SECONDS) / (coreSeconds + PRIOR_CORE_SECONDS);
        return Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, ratio));
    }

    /** Estimated core-seconds of finished work the factor rests on, after decay (0: none, the factor is 1). */
    public synchronized double evidenceCoreSeconds() {
        decayTo(now());
        return coreSeconds;
    }

    private void decayTo(long t) {
        double dt = Math.max(0, (t - asOf) / 1e9);
        double keep = Math.exp(-dt / DECAY_SECONDS);
        wallSeconds *= keep;
        coreSeconds *= keep;
        asOf = Math.max(asOf, t);
    }
}
