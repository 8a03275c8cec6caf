package org.muwclass.service.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.core.pipeline.ClassificationPlan;

/**
 * This member's unit workers: threads that take units of any job from the grid's queue, claim them, run them and
 * store their partial sums. Plans are built once per job and member from the job's stored input (a few jobs are
 * kept). A unit whose job is no longer active is dropped.
 */
public final class UnitWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UnitWorkers.class.getName());
    private static final int PLANS_KEPT = 4;

    private final WorkGrid grid;
    private final UnitPlans plans;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, CompletableFuture<ClassificationPlan>> planCache = new LinkedHashMap<>();
    private final AtomicLong unitsRun = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param threadCount number of worker threads on this member
     */
    public UnitWorkers(WorkGrid grid, UnitPlans plans, int threadCount) {
        this.grid = grid;
        this.plans = plans;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::work, "muwclass-unit-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    public UnitWorkers start() {
        threads.forEach(Thread::start);
        LOG.info(() -> "Cluster unit workers started on " + grid.selfLabel() + ": " + threads.size() + " threads");
        return this;
    }

    /** Units this member has run so far. */
    public long unitsRun() {
        return unitsRun.get();
    }

    private void work() {
        while (running) {
            WorkGrid.UnitRef ref;
            try {
                ref = grid.poll(500);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.FINE, "Polling the unit queue failed", e);
                pause();
                continue;
            }
            if (ref != null) {
                try {
                    runUnit(ref);
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.log(Level.WARNING, "Unit " + ref.unit() + " of job " + ref.jobId() + " was not run", e);
                    }
                }
            }
        }
    }

    private void runUnit(WorkGrid.UnitRef ref) {
        String kind = grid.activeKind(ref.jobId());
        if (kind == null) {
            return; // the job ended: a leftover unit
        }
        grid.claim(ref.jobId(), ref.unit());
        byte[] result;
        try {
            ClassificationPlan plan = plan(ref.jobId(), kind);
            result = UnitResult.success(grid.selfLabel(), plan.runUnit(ref.unit()));
        } catch (Exception e) {
            if (!running) {
                return; // shutting down: the claim dies with this member and the unit is re-run elsewhere
            }
            LOG.log(Level.WARNING, "Unit " + ref.unit() + " of job " + ref.jobId() + " failed", e);
            result = UnitResult.failure(grid.selfLabel(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        grid.putResult(ref.jobId(), ref.unit(), result);
        grid.unclaim(ref.jobId(), ref.unit());
        unitsRun.incrementAndGet();
        LOG.fine(() -> "Ran unit " + ref.unit() + " of job " + ref.jobId());
    }

    private ClassificationPlan plan(String jobId, String kind) throws Exception {
        CompletableFuture<ClassificationPlan> f;
        boolean build = false;
        synchronized (planCache) {
            f = planCache.get(jobId);
            if (f == null) {
                f = new CompletableFuture<>();
                planCache.put(jobId, f);
                build = true;
                while (planCache.size() > PLANS_KEPT) {
                    planCache.remove(planCache.keySet().iterator().next());
                }
            }
        }
        if (build) {
            try {
                f.complete(plans.plan(jobId, kind));
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
                synchronized (planCache) {
                    planCache.remove(jobId);
                }
            }
        }
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof Exception ex ? ex : new IllegalStateException(c);
        }
    }

    /** Drops cached plans of jobs that are no longer active. */
    public void forgetInactive(java.util.Set<String> activeJobs) {
        synchronized (planCache) {
            planCache.keySet().retainAll(activeJobs);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking units; units being run are interrupted (their claims die with the member). */
    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
