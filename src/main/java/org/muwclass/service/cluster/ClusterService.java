package org.muwclass.service.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobCoordination;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobRecord;

/**
 * The service's view of the cluster. At start-up it looks for Payara's data grid; with none (the single-instance
 * default, {@code --nohazelcast}) everything runs locally as before. With one, it gives the job manager the
 * membership it needs to share jobs, runs this member's {@link UnitWorkers}, gives classification jobs a
 * {@link GridUnitExecutor}, and retires grid state of jobs that stopped executing.
 *
 * <p>Settings (MicroProfile Config): {@code muwclass.cluster.enabled} (default true: use the grid when Payara has
 * one), {@code muwclass.cluster.threads} (unit worker threads on this member, default the number of processors).
 */
@ApplicationScoped
public class ClusterService {

    private static final Logger LOG = Logger.getLogger(ClusterService.class.getName());
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration RECONCILE = Duration.ofSeconds(2);
    static final Duration LOST_AFTER = Duration.ofSeconds(10);

    @Inject
    ServiceConfig config;

    private volatile boolean looked;
    private volatile WorkGrid grid;
    private UnitWorkers workers;
    private ScheduledExecutorService janitor;

    /** For tests and non-CDI use: a service on a given grid (null: single instance). */
    public static ClusterService on(WorkGrid grid) {
        ClusterService s = new ClusterService();
        s.grid = grid;
        s.looked = true;
        return s;
    }

    /** The grid, or null on a single instance. */
    public WorkGrid grid() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    grid = lookUp(config);
                    looked = true;
                }
            }
        }
        return grid;
    }

    private static WorkGrid lookUp(ServiceConfig serviceConfig) {
        Config cfg = ConfigProvider.getConfig();
        if (!cfg.getOptionalValue("muwclass.cluster.enabled", Boolean.class).orElse(true)) {
            LOG.info("Cluster mode is off (muwclass.cluster.enabled=false): all work runs on this instance");
            return null;
        }
        try {
            WorkGrid g = PayaraDataGrid.lookup();
            if (g != null && serviceConfig != null && serviceConfig.embeddedDatabase()) {
                LOG.warning("Payara's data grid is on, but the database is the embedded H2 one, which members cannot"
                        + " share: running as a single instance. Cluster mode needs PostgreSQL (muwclass.db.url) and"
                        + " a shared muwclass.data.dir; see docs/cluster.md");
                return null;
            }
            if (g != null) {
                LOG.info(() -> "Cluster mode: Payara's data grid is on; this member is " + g.selfLabel() + ", "
                        + g.memberIds().size() + " member(s)");
            }
            return g;
        } catch (NamingException | LinkageError | RuntimeException e) {
            LOG.info(() -> "Single-instance mode: no data grid (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    public boolean clustered() {
        return grid() != null;
    }

    /** Membership for the job manager, or null on a single instance. */
    public JobCoordination coordination() {
        WorkGrid g = grid();
        if (g == null) {
            return null;
        }
        return new JobCoordination() {
            @Override
            public String selfId() {
                return g.selfId();
            }

            @Override
            public boolean isLive(String memberId) {
                return g.memberIds().contains(memberId);
            }

            @Override
            public void onMemberLeft(Runnable action) {
                g.onMemberLeft(action);
            }
        };
    }

    /**
     * Starts this member's unit workers and the janitor. Units of a job are run with the plan its kind (a
     * {@link DistributedJobKind}) rebuilds from the stored input.
     */
    public synchronized void start(JobManager manager, Collection<? extends JobKind<?>> kinds) {
        WorkGrid g = grid();
        if (g == null || workers != null) {
            return;
        }
        Map<String, JobKind<?>> byName = new LinkedHashMap<>();
        kinds.forEach(k -> byName.put(k.name(), k));
        int threads = ConfigProvider.getConfig().getOptionalValue("muwclass.cluster.threads", Integer.class)
                .orElse(Runtime.getRuntime().availableProcessors());
        workers = new UnitWorkers(g, (jobId, kind) -> {
            JobRecord job = manager.lookup(jobId).orElseThrow(() -> new IllegalStateException("No job " + jobId));
            if (!(byName.get(kind) instanceof DistributedJobKind d)) {
                throw new IllegalStateException("Jobs of kind " + kind + " cannot run on the cluster");
            }
            return d.plan(job.input());
        }, Math.max(1, threads)).start();
        janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "muwclass-cluster-janitor");
            t.setDaemon(true);
            return t;
        });
        janitor.scheduleWithFixedDelay(() -> retireFinished(manager), 5, 5, TimeUnit.SECONDS);
    }

    /** Grid state of jobs that are no longer executing (finished, aborted, destroyed) is removed. */
    private void retireFinished(JobManager manager) {
        try {
            for (String id : grid.activeJobs()) {
                boolean executing = manager.lookup(id).map(j -> j.phase() == ExecutionPhase.EXECUTING).orElse(false);
                if (!executing) {
                    grid.retire(id);
                    LOG.fine(() -> "Retired the grid state of job " + id);
                }
            }
            workers.forgetInactive(grid.activeJobs());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Retiring finished jobs failed", e);
        }
    }

    /** The executor for a job's units: the cluster's, or null on a single instance (run locally). */
    public GridUnitExecutor executorFor(String jobId, String kind) {
        WorkGrid g = grid();
        return g == null ? null : new GridUnitExecutor(g, jobId, kind, POLL, RECONCILE, LOST_AFTER);
    }

    /** Units this member's workers have run (0 on a single instance). */
    public long unitsRunHere() {
        UnitWorkers w = workers;
        return w == null ? 0 : w.unitsRun();
    }

    @PreDestroy
    synchronized void stop() {
        if (janitor != null) {
            janitor.shutdownNow();
        }
        if (workers != null) {
            workers.close();
            workers = null;
        }
    }
}
