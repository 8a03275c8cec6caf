package org.muwclass.core.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.muwclass.core.aggregate.ProbabilityAccumulator;

/**
 * One pool of worker threads for the work units of every running classification (issue 15 item 2): work-conserving
 * (a run alone gets every thread, a thread never idles while any run has a queued unit) and fair (runs with queued
 * units take turns, one unit each, round-robin). Each run's units are seeded per unit and merged in unit order by the
 * plan, so results are bit-identical at any thread count and whatever else runs beside.
 *
 * <p>A run is stopped by interrupting the thread that called {@link UnitExecutor#runAll}: its queued units are
 * dropped and its running units interrupted (they check the flag between forests); other runs go on.
 *
 * <p>Units given with their estimated cost ({@link #executor(CostModel)}) are timed: {@link #throughput()} says how
 * fast the pool's threads really run, for quotes made before a job has progress.
 */
public final class SharedWorkPool implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasWork = lock.newCondition();
    /** Runs with queued units, in turn order. */
    private final ArrayDeque<Run> turns = new ArrayDeque<>();
    private final List<Thread> workers;
    private final PoolThroughput throughput;
    private boolean closed;

    /**
     * @param threads worker threads (e.g. the machine's cores)
     * @param name    thread name prefix
     */
    public SharedWorkPool(int threads, String name) {
        this(threads, name, new PoolThroughput());
    }

    /**
     * @param threads    worker threads (e.g. the machine's cores)
     * @param name       thread name prefix
     * @param throughput where finished units with an estimated cost are recorded (and whose clock times them)
     */
    public SharedWorkPool(int threads, String name, PoolThroughput throughput) {
        this.throughput = throughput;
        if (threads < 1) {
            throw new IllegalArgumentException("A work pool needs at least 1 thread, not " + threads);
        }
        List<Thread> w = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, name + "-" + (i + 1));
            t.setDaemon(true);
            w.add(t);
        }
        workers = List.copyOf(w);
        workers.forEach(Thread::start);
    }

    /** Worker threads. */
    public int threads() {
        return workers.size();
    }

    /** How fast the threads ran the recent units that came with an estimated cost. */
    public PoolThroughput throughput() {
        return throughput;
    }

    /** Units queued (not yet started) over all runs. */
    public int queuedUnits() {
        lock.lock();
        try {
            return turns.stream().mapToInt(r -> r.queued.size()).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Runs with queued units (those taking turns). */
    public int waitingRuns() {
        lock.lock();
        try {
            return (int) turns.stream().filter(r -> !r.queued.isEmpty()).count();
        } finally {
            lock.unlock();
        }
    }

    /** A {@link UnitExecutor} that runs a plan's units on this pool. */
    public UnitExecutor executor() {
        return (plan, progress) -> Arrays.asList(runAll(plan.unitCount(), plan::runUnit, progress));
    }

    /** As {@link #executor()}, timing each unit against its cost by {@code cost} for {@link #throughput()}. */
    public UnitExecutor executor(CostModel cost) {
        return (plan, progress) -> Arrays.asList(runAll(plan.unitCount(), plan::runUnit, plan.unitSeconds(cost),
                progress));
    }

    /**
     * Runs {@code count} units on the pool, blocking the calling thread, and returns their results by unit index.
     *
     * @throws CancellationException when the calling thread is interrupted (the run's units are withdrawn)
     */
    public ProbabilityAccumulator[] runAll(int count, IntFunction<ProbabilityAccumulator> unit,
                                           ProgressListener progress) {
        return runAll(count, unit, null, progress);
    }

    /**
     * As {@link #runAll(int, IntFunction, ProgressListener)}; units that succeed are recorded in {@link #throughput()}
     * with their wall time.
     *
     * @param unitCoreSeconds each unit's estimated cost, core-s (null: not recorded)
     */
    public ProbabilityAccumulator[] runAll(int count, IntFunction<ProbabilityAccumulator> unit,
                                           double[] unitCoreSeconds, ProgressListener progress) {
        if (unitCoreSeconds != null && unitCoreSeconds.length != count) {
            throw new IllegalArgumentException(count + " units but " + unitCoreSeconds.length + " unit costs");
        }
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[count];
        if (count == 0) {
            return partial;
        }
        Run run = new Run();
        for (int u = 0; u < count; u++) {
            int index = u;
            double cost = unitCoreSeconds == null ? -1 : unitCoreSeconds[index];
            run.queued.add(new Queued(index, () -> {
                partial[index] = unit.apply(index);
            }, cost));
        }
        lock.lock();
        try {
            if (closed) {
                throw new CancellationException("The work pool is closed");
            }
            turns.addLast(run);
            hasWork.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            for (int finished = 1; finished <= count; finished++) {
                Outcome outcome = run.done.take();
                if (outcome.error() != null) {
                    Throwable t = outcome.error();
                    withdraw(run);
                    if (t instanceof RuntimeException re) {
                        throw re;
                    }
                    if (t instanceof Error e) {
                        throw e;
                    }
                    throw new IllegalStateException("Monte-Carlo unit failed: " + t, t);
                }
                progress.unitDone(outcome.unit(), finished, count);
            }
        } catch (InterruptedException e) {
            withdraw(run);
            Thread.currentThread().interrupt();
            throw new CancellationException("Classification interrupted");
        }
        return partial;
    }

    /** Drops the run's queued units and interrupts its running ones. */
    private void withdraw(Run run) {
        lock.lock();
        try {
            run.queued.clear();
            turns.remove(run);
            run.running.forEach(Thread::interrupt);
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            Run run;
            Queued task;
            lock.lock();
            try {
                while (turns.isEmpty() && !closed) {
                    hasWork.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                run = turns.pollFirst();
                task = run.queued.poll();
                if (!run.queued.isEmpty()) {
                    turns.addLast(run); // its next unit waits for the other runs' turns
                }
                run.running.add(Thread.currentThread());
            } finally {
                lock.unlock();
            }
            Throwable error = null;
            long started = throughput.now();
            try {
                task.work().run();
            } catch (Throwable t) {
                error = t;
            }
            if (error == null && task.coreSeconds() >= 0) { // failed or withdrawn units did not run to the end
                throughput.unitFinished(task.coreSeconds(), Math.max(0, throughput.now() - started) / 1e9);
            }
            lock.lock();
            try {
                run.running.remove(Thread.currentThread());
                Thread.interrupted(); // a withdrawal's interrupt was for that unit only
            } finally {
                lock.unlock();
            }
            run.done.add(new Outcome(task.unit(), error));
        }
    }

    /** Stops the workers; runs still waiting get a {@link CancellationException} from their own interrupt. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Run r : turns) {
                r.queued.clear();
                r.done.add(new Outcome(-1, new CancellationException("The work pool is closed")));
            }
            turns.clear();
            hasWork.signalAll();
        } finally {
            lock.unlock();
        }
        workers.forEach(Thread::interrupt);
    }

    /** One caller's units: queued ones, the threads running its others, and outcomes in completion order. */
    private static final class Run {
        final ArrayDeque<Queued> queued = new ArrayDeque<>();
        final Set<Thread> running = new HashSet<>();
        final LinkedBlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
    }

    /** A queued unit: its index, the work that stores its result and its estimated cost, core-s (-1: unknown). */
    private record Queued(int unit, Runnable work, double coreSeconds) {
    }

    /** A finished unit: its index and what it threw (null when it succeeded). */
    private record Outcome(int unit, Throwable error) {
    }
}
