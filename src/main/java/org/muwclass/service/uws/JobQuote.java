package org.muwclass.service.uws;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.muwclass.core.pipeline.PoolThroughput;

/**
 * The UWS quote: when a job is expected to complete. Finished jobs give their end time; jobs without an estimate
 * give none (a kind whose estimate needs the expensive read of the input has one only once the job started, or
 * once the background estimate ran).
 *
 * <p>An executing job extrapolates its progress ({@link #expectedSeconds}). Its kind reports progress in units of
 * estimated cost (a classification: estimated core-milliseconds), so the rate measured so far applies to the
 * rest; before {@link #TRUST_MEASURED_FROM} of the work is done the kind's estimate is blended in.
 *
 * <p>A queued or pending job waits for the jobs ahead of it. Every job's estimate is its time with the whole work
 * pool (the pool is shared by all jobs, work-conserving and fair), so jobs running at once share the machine rather
 * than each having cores of their own: the quote simulates that sharing ({@link #sharedPoolSeconds}), with at most
 * {@code slots} jobs ({@code muwclass.jobs.threads}) executing at once. Dividing the work ahead by the job slots, as
 * before, counted every slot as a machine of its own and was ~2x optimistic with 2 slots. In a cluster the active
 * jobs of every member are counted as if they shared this member's pool: pessimistic there.
 *
 * <p>A job's estimate assumes each pool thread has a core to itself; the quote multiplies it by its kind's measured
 * speed factor ({@link JobKind#quoteSpeedFactor}: wall seconds per estimated core-second of the pool's recent units,
 * {@link PoolThroughput}), bounded to [{@link PoolThroughput#MIN_FACTOR}, {@link PoolThroughput#MAX_FACTOR}]. On a
 * loaded machine the quote at creation was 88.6% short without it (docs/benchmarks.md). An executing job's own
 * measured rate takes over from {@link #TRUST_MEASURED_FROM} of its work.
 */
final class JobQuote {

    /**
     * Fraction of its work a job must have done before its measured rate alone makes the quote; below it the
     * kind's estimate weighs 1 - fraction / this (the first units include JIT warm-up and, on few units, units in
     * flight that count as not done).
     */
    static final double TRUST_MEASURED_FROM = 0.1;

    private final JobStore store;
    private final Clock clock;
    private final int slots;
    private final ToDoubleFunction<JobRecord> speed;

    /** Trusting every estimate as it is (speed factor 1). */
    JobQuote(JobStore store, Clock clock, int slots) {
        this(store, clock, slots, job -> 1.0);
    }

    /**
     * @param slots jobs executing at once ({@code muwclass.jobs.threads})
     * @param speed wall seconds per estimated second for a job ({@link JobKind#quoteSpeedFactor}), bounded here
     */
    JobQuote(JobStore store, Clock clock, int slots, ToDoubleFunction<JobRecord> speed) {
        if (slots < 1) {
            throw new IllegalArgumentException("A quote needs at least 1 job slot, not " + slots);
        }
        this.store = store;
        this.clock = clock;
        this.slots = slots;
        this.speed = speed;
    }

    Optional<Instant> quote(JobRecord job) {
        if (job.phase().isFinal()) {
            return Optional.ofNullable(job.endTime());
        }
        if (job.estimate() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (job.phase() == ExecutionPhase.EXECUTING && job.startTime() != null) {
            return Optional.of(now.plus(seconds(remainingSeconds(job, now, speed))));
        }
        List<Double> running = new ArrayList<>();
        List<Double> queued = new ArrayList<>();
        try {
            for (JobRecord other : store.active()) {
                // creation times can tie (stored at millisecond precision): a tie counts as ahead, the later quote
                boolean before = job.phase() == ExecutionPhase.PENDING
                        || !other.creationTime().isAfter(job.creationTime())
                        || other.phase() == ExecutionPhase.EXECUTING;
                if (other.id().equals(job.id()) || !before || other.estimate() == null) {
                    continue;
                }
                if (other.phase() == ExecutionPhase.EXECUTING && other.startTime() != null) {
                    running.add(remainingSeconds(other, now, speed));
                } else {
                    queued.add(estimatedSeconds(other, speed)); // store.active() is in creation order
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        queued.add(estimatedSeconds(job, speed));
        return Optional.of(now.plus(seconds(sharedPoolSeconds(running, queued, slots))));
    }

    /**
     * The speed factor a quote uses: the measured one bounded to [{@link PoolThroughput#MIN_FACTOR},
     * {@link PoolThroughput#MAX_FACTOR}]; 1 when it is not a number.
     */
    static double boundedFactor(double measured) {
        if (Double.isNaN(measured)) {
            return 1;
        }
        return Math.max(PoolThroughput.MIN_FACTOR, Math.min(PoolThroughput.MAX_FACTOR, measured));
    }

    /** A job's estimate times its kind's speed factor, s. */
    private static double estimatedSeconds(JobRecord job, ToDoubleFunction<JobRecord> speed) {
        return job.estimate().toMillis() / 1000.0 * boundedFactor(speed.applyAsDouble(job));
    }

    /** Seconds an executing job still needs, from {@code now} (0 when it has overrun its expected duration). */
    private static double remainingSeconds(JobRecord job, Instant now, ToDoubleFunction<JobRecord> speed) {
        double elapsed = Math.max(0, Duration.between(job.startTime(), now).toMillis() / 1000.0);
        double expected = expectedSeconds(estimatedSeconds(job, speed), elapsed, job.progress());
        return Math.max(0, expected - elapsed);
    }

    /**
     * Expected duration of an executing job from its start, s: with a fraction f of its work done after
     * {@code elapsed} s, the measured rate projects elapsed / f (remaining = elapsed x (work left / work done));
     * the kind's {@code estimate} weighs 1 - f / {@link #TRUST_MEASURED_FROM} until f reaches it. The estimate
     * alone while no progress is reported.
     *
     * @param estimate the kind's estimate of the whole job, s
     * @param elapsed  time since the job started, s
     * @param progress work done, in any unit proportional to cost
     */
    static double expectedSeconds(double estimate, double elapsed, Progress progress) {
        double f = progress.fraction();
        if (!(f > 0)) {
            return estimate;
        }
        double measured = elapsed / f;
        double w = Math.min(1.0, f / TRUST_MEASURED_FROM);
        return w * measured + (1 - w) * estimate;
    }

    /**
     * When the last of {@code queued} completes, s from now, if the work pool is shared equally by the jobs executing
     * (at most {@code slots} at once, queued ones starting in order as slots free) and each job alone would need its
     * seconds on the whole pool.
     *
     * @param running seconds the executing jobs still need with the whole pool
     * @param queued  seconds of the jobs waiting, in start order, the quoted job last (with the whole pool)
     */
    static double sharedPoolSeconds(List<Double> running, List<Double> queued, int slots) {
        if (queued.isEmpty()) {
            throw new IllegalArgumentException("No job to quote");
        }
        List<double[]> active = new ArrayList<>();
        for (double r : running) {
            active.add(new double[] {Math.max(0, r)});
        }
        Deque<double[]> waiting = new ArrayDeque<>();
        double[] quoted = null;
        for (double q : queued) {
            quoted = new double[] {Math.max(0, q)};
            waiting.add(quoted);
        }
        double t = 0;
        while (true) {
            while (active.size() < slots && !waiting.isEmpty()) {
                active.add(waiting.poll());
            }
            double least = Double.POSITIVE_INFINITY;
            for (double[] a : active) {
                least = Math.min(least, a[0]);
            }
            t += least * active.size(); // each of the n jobs gets 1/n of the pool until the first one ends
            for (double[] a : active) {
                a[0] -= least;
            }
            for (int i = active.size() - 1; i >= 0; i--) {
                if (active.get(i)[0] <= 0) {
                    if (active.get(i) == quoted) {
                        return t;
                    }
                    active.remove(i);
                }
            }
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
