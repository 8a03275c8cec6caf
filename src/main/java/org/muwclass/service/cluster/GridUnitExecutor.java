package org.muwclass.service.cluster;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.logging.Logger;
import org.muwclass.core.aggregate.ProbabilityAccumulator;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.UnitExecutor;

/**
 * Runs one job's units on the cluster; used by the member that runs the job (its coordinator). It marks the job
 * active, queues every unit that has no stored result yet (results left by a previous coordinator of the same job
 * are reused), collects results as members store them and reports progress over all members. Every few seconds it
 * reconciles: a unit claimed by a member that has left the cluster, or neither stored, queued nor claimed for a
 * while (lost between queue and claim, or lost with a member's partition), is queued again. Units are
 * deterministic, so a unit that runs twice gives the same bits and the result does not depend on who ran what.
 *
 * <p>Grid state is left in place when the run stops early (the member may be shutting down and another takes the
 * job over); {@link ClusterService} retires the grid state of jobs that are no longer executing.
 */
public final class GridUnitExecutor implements UnitExecutor {

    private static final Logger LOG = Logger.getLogger(GridUnitExecutor.class.getName());

    private final WorkGrid grid;
    private final String jobId;
    private final String kind;
    private final Duration pollInterval;
    private final Duration reconcileInterval;
    private final Duration lostAfter;
    private final Map<String, Integer> unitsByMember = new TreeMap<>();
    private int requeued;
    private int reused;

    /**
     * @param pollInterval      how often stored results are collected
     * @param reconcileInterval how often lost units are looked for
     * @param lostAfter         how long a unit may be neither queued, claimed nor stored before it is queued again
     */
    public GridUnitExecutor(WorkGrid grid, String jobId, String kind, Duration pollInterval,
                            Duration reconcileInterval, Duration lostAfter) {
        this.grid = grid;
        this.jobId = jobId;
        this.kind = kind;
        this.pollInterval = pollInterval;
        this.reconcileInterval = reconcileInterval;
        this.lostAfter = lostAfter;
    }

    @Override
    public List<ProbabilityAccumulator> runAll(ClassificationPlan plan, ProgressListener progress) {
        int n = plan.unitCount();
        ProbabilityAccumulator[] partial = new ProbabilityAccumulator[n];
        Set<Integer> missing = new HashSet<>();
        for (int u = 0; u < n; u++) {
            missing.add(u);
        }
        grid.activate(jobId, kind);
        Set<Integer> stored = grid.resultUnits(jobId);
        Set<Integer> queued = grid.queued(jobId);
        Map<Integer, String> claims = grid.claims(jobId);
        Set<String> members = grid.memberIds();
        long now = System.nanoTime();
        Map<Integer, Long> offeredAt = new HashMap<>();
        for (int u = 0; u < n; u++) {
            if (stored.contains(u)) {
                reused++;
            } else if (!queued.contains(u) && !(claims.containsKey(u) && members.contains(claims.get(u)))) {
                grid.offer(jobId, u);
            }
            offeredAt.put(u, now);
        }
        if (reused > 0) {
            int r = reused;
            LOG.info(() -> "Job " + jobId + ": " + r + " of " + n + " units already done on the cluster; reused");
        }
        long nextReconcile = System.nanoTime() + reconcileInterval.toNanos();
        while (true) {
            collect(partial, missing, progress);
            if (missing.isEmpty()) {
                break;
            }
            if (System.nanoTime() >= nextReconcile) {
                reconcile(missing, offeredAt);
                nextReconcile = System.nanoTime() + reconcileInterval.toNanos();
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Classification interrupted");
            }
        }
        grid.retire(jobId);
        LOG.info(() -> "Job " + jobId + ": " + n + " units done on the cluster " + unitsByMember
                + (requeued > 0 ? ", " + requeued + " queued again" : ""));
        return Arrays.asList(partial);
    }

    private void collect(ProbabilityAccumulator[] partial, Set<Integer> missing, ProgressListener progress) {
        Set<Integer> ready = grid.resultUnits(jobId);
        ready.retainAll(missing);
        if (ready.isEmpty()) {
            return;
        }
        for (Map.Entry<Integer, byte[]> e : grid.results(jobId, ready).entrySet()) {
            UnitResult r = UnitResult.decode(e.getValue());
            if (r.failed()) {
                throw new UnitFailedException("Work unit " + e.getKey() + " failed on cluster member " + r.member()
                        + ": " + r.error());
            }
            partial[e.getKey()] = r.partial();
            missing.remove(e.getKey());
            unitsByMember.merge(r.member(), 1, Integer::sum);
            progress.unitDone(e.getKey(), partial.length - missing.size(), partial.length);
        }
    }

    private void reconcile(Set<Integer> missing, Map<Integer, Long> offeredAt) {
        grid.activate(jobId, kind); // in case the entry was lost with a member
        Set<String> members = grid.memberIds();
        Map<Integer, String> claims = grid.claims(jobId);
        Set<Integer> queued = grid.queued(jobId);
        Set<Integer> stored = grid.resultUnits(jobId);
        long now = System.nanoTime();
        for (int u : missing) {
            if (stored.contains(u) || queued.contains(u)) {
                continue;
            }
            String owner = claims.get(u);
            boolean deadOwner = owner != null && !members.contains(owner);
            boolean lost = owner == null && now - offeredAt.get(u) > lostAfter.toNanos();
            if (deadOwner || lost) {
                if (deadOwner) {
                    grid.dropClaim(jobId, u, owner);
                }
                grid.offer(jobId, u);
                offeredAt.put(u, now);
                requeued++;
                LOG.info(() -> "Job " + jobId + ": unit " + u + " queued again ("
                        + (deadOwner ? "its member left the cluster" : "it was lost") + ")");
            }
        }
    }

    /** Units each member ran for this job (collected results only), by member label. */
    public Map<String, Integer> unitsByMember() {
        return new TreeMap<>(unitsByMember);
    }

    /** Units whose results were already stored when this coordinator started (left by a previous one). */
    public int reused() {
        return reused;
    }

    /** Units queued again after a member left or a unit was lost. */
    public int requeued() {
        return requeued;
    }
}
