package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/** The service-wide pool: a lone run gets every thread, runs take turns, withdrawal, same bits at any size. */
class SharedWorkPoolTest {

    private static ProbabilityAccumulator empty() {
        return new ProbabilityAccumulator(1, 1, false);
    }

    @Test
    void aLoneRunUsesEveryThread() {
        try (SharedWorkPool pool = new SharedWorkPool(4, "test")) {
            CyclicBarrier allFour = new CyclicBarrier(4); // passes only when 4 units run at once
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            pool.runAll(8, u -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    allFour.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("units did not run 4 at a time: " + e);
                }
                running.decrementAndGet();
                return empty();
            }, ProgressListener.NONE);
            assertEquals(4, most.get());
        }
    }

    @Test
    void twoRunsTakeTurnsUnitByUnit() throws Exception {
        try (SharedWorkPool pool = new SharedWorkPool(1, "test")) {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<?> a = CompletableFuture.runAsync(() -> pool.runAll(6, u -> {
                order.add("A" + u);
                if (u == 0) {
                    firstStarted.countDown();
                    await(release);
                }
                return empty();
            }, ProgressListener.NONE));
            assertTrue(firstStarted.await(20, TimeUnit.SECONDS));
            CompletableFuture<?> b = CompletableFuture.runAsync(() -> pool.runAll(6, u -> {
                order.add("B" + u);
                return empty();
            }, ProgressListener.NONE));
            waitFor(() -> pool.queuedUnits() == 11);
            assertEquals(2, pool.waitingRuns());
            release.countDown();
            a.get(20, TimeUnit.SECONDS);
            b.get(20, TimeUnit.SECONDS);
            assertEquals(List.of("A0", "A1", "B0", "A2", "B1", "A3", "B2", "A4", "B3", "A5", "B4", "B5"), order);
        }
    }

    @Test
    void interruptingACallerWithdrawsItsQueuedUnitsAndStopsItsRunningOne() throws Exception {
        try (SharedWorkPool pool = new SharedWorkPool(1, "test")) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            AtomicReference<Throwable> unitSaw = new AtomicReference<>();
            AtomicReference<Throwable> callerGot = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    pool.runAll(5, u -> {
                        ran.incrementAndGet();
                        started.countDown();
                        try {
                            new CountDownLatch(1).await(); // until interrupted
                        } catch (InterruptedException e) {
                            unitSaw.set(e);
                            throw new CancellationException("unit stopped");
                        }
                        return empty();
                    }, ProgressListener.NONE);
                } catch (RuntimeException e) {
                    callerGot.set(e);
                }
            });
            caller.start();
            assertTrue(started.await(20, TimeUnit.SECONDS));
            assertEquals(4, pool.queuedUnits());
            caller.interrupt();
            caller.join(20_000);
            assertInstanceOf(CancellationException.class, callerGot.get());
            assertEquals("Classification interrupted", callerGot.get().getMessage());
            assertEquals(0, pool.queuedUnits());
            waitFor(() -> unitSaw.get() != null);
            assertEquals(1, ran.get());
            // the worker is not left interrupted: the next run's units see a clean flag
            ProbabilityAccumulator[] next = pool.runAll(3, u -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("worker still interrupted");
                }
                return empty();
            }, ProgressListener.NONE);
            assertEquals(3, next.length);
        }
    }

    @Test
    void unitsWithAnEstimatedCostAreTimedForTheQuotes() {
        AtomicLong nanos = new AtomicLong();
        PoolThroughput throughput = new PoolThroughput(nanos::get);
        try (SharedWorkPool pool = new SharedWorkPool(1, "test", throughput)) {
            assertEquals(throughput, pool.throughput());
            double[] cost = {2, 0.5, 1.5};
            // each unit takes 3x its estimated cost on the (fake) clock: a loaded machine
            pool.runAll(3, u -> {
                nanos.addAndGet(Math.round(cost[u] * 3e9));
                return empty();
            }, cost, ProgressListener.NONE);
            // finished at 6, 7.5 and 12 s on the fake clock, each decayed to 12 s
            double[] end = {6, 7.5, 12};
            double wall = 0;
            double core = 0;
            for (int u = 0; u < 3; u++) {
                double keep = Math.exp(-(12 - end[u]) / PoolThroughput.DECAY_SECONDS);
                wall += 3 * cost[u] * keep;
                core += cost[u] * keep;
            }
            assertEquals((wall + 5) / (core + 5), throughput.factor(), 1e-9);
            assertEquals(1.88, throughput.factor(), 0.01, "(12 + 5) / (4 + 5) but for 12 s of decay");
            // without costs (evaluation folds) units are not recorded
            pool.runAll(2, u -> {
                nanos.addAndGet(1_000_000_000_000L);
                return empty();
            }, ProgressListener.NONE);
            assertEquals(core * Math.exp(-2000 / PoolThroughput.DECAY_SECONDS), throughput.evidenceCoreSeconds(),
                    1e-12);
        }
    }

    @Test
    void aFailedUnitIsNotTimedAndCostsMustMatchTheUnits() {
        AtomicLong nanos = new AtomicLong();
        PoolThroughput throughput = new PoolThroughput(nanos::get);
        try (SharedWorkPool pool = new SharedWorkPool(1, "test", throughput)) {
            assertThrows(IllegalStateException.class, () -> pool.runAll(1, u -> {
                nanos.addAndGet(50_000_000_000L);
                throw new IllegalStateException("broken unit");
            }, new double[] {1}, ProgressListener.NONE));
            assertEquals(0.0, throughput.evidenceCoreSeconds());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pool.runAll(2, u -> empty(), new double[] {1}, ProgressListener.NONE));
            assertEquals("2 units but 1 unit costs", e.getMessage());
        }
    }

    @Test
    void aFailingUnitFailsItsRunWithItsOwnException() {
        try (SharedWorkPool pool = new SharedWorkPool(2, "test")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.runAll(4, u -> {
                if (u == 2) {
                    throw new IllegalArgumentException("unit 2 failed");
                }
                return empty();
            }, ProgressListener.NONE));
            assertEquals("unit 2 failed", e.getMessage());
        }
    }

    @Test
    void resultsAreBitIdenticalAtOneTwoAndEightThreadsAndBesideAnotherRun() throws Exception {
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> t = new ArrayList<>();
        List<SourceMeasurements> x = new ArrayList<>();
        for (int i = 0; i < td.size(); i++) {
            if (i % 10 == 0) {
                t.add(td.sources().get(i));
            } else if (i % 150 == 7) {
                x.add(td.sources().get(i));
            }
        }
        ClassificationRun run = new ClassificationRun(TrainingSet.of(t, "every 10th TD row"),
                LearnerCatalogue.standard(5), XrayAbsorption.loadDefault(), EbvResolver.standard());
        ClassificationPlan plan = run.plan(x, RunParameters.of(6, 77L).withDrawsPerUnit(1));
        ClassificationResult reference = plan.execute(UnitExecutor.local(1, null), ProgressListener.NONE);
        for (int threads : new int[] {1, 2, 8}) {
            try (SharedWorkPool pool = new SharedWorkPool(threads, "test")) {
                CompletableFuture<ClassificationResult> beside = CompletableFuture.supplyAsync(
                        () -> plan.execute(pool.executor(), ProgressListener.NONE));
                ClassificationResult r = plan.execute(pool.executor(), ProgressListener.NONE);
                assertSame(reference, r, threads);
                assertSame(reference, beside.get(60, TimeUnit.SECONDS), threads);
            }
        }
    }

    private static void assertSame(ClassificationResult a, ClassificationResult b, int threads) {
        assertEquals(a.sources().size(), b.sources().size());
        for (int i = 0; i < a.sources().size(); i++) {
            var p = a.sources().get(i).probabilities();
            var q = b.sources().get(i).probabilities();
            assertArrayEquals(p.mean(), q.mean(), threads + " threads");
            assertArrayEquals(p.std(), q.std(), threads + " threads");
            assertArrayEquals(p.median(), q.median(), threads + " threads");
            assertArrayEquals(p.lower2Sigma(), q.lower2Sigma(), threads + " threads");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(5);
        }
    }
}
