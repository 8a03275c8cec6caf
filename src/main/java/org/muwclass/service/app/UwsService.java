package org.muwclass.service.app;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.config.QuotaSettings;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.config.WaitSettings;
import org.muwclass.service.app.ServiceRuntime;
import org.muwclass.service.cluster.ClusterService;
import org.muwclass.service.uws.JobCoordination;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobKind;
import org.muwclass.service.uws.JobLimits;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobOwners;
import org.muwclass.service.uws.JobRequestException;
import org.muwclass.service.uws.JobStore;

/**
 * Owns the one {@link JobManager} of the application: built after {@link ServiceRuntime} has opened the database,
 * with every {@link JobKind} CDI bean registered, and closed at undeploy. Jobs live in {@code <dataDir>/jobs}.
 */
@ApplicationScoped
public class UwsService {

    private static final Logger LOG = Logger.getLogger(UwsService.class.getName());

    @Inject
    ServiceRuntime runtime;

    @Inject
    @Any
    Instance<JobKind<?>> kinds;

    @Inject
    ClusterService cluster;

    @Inject
    QuotaSettings quotaSettings;

    @Inject
    WaitSettings waitSettings;

    private volatile JobManager manager;
    private volatile String startError;

    /** Runs after ServiceRuntime's start-up observer (default priority APPLICATION + 500). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
                 Object event) {
        try {
            manager();
        } catch (JobRequestException.Unavailable e) {
            LOG.warning(e.getMessage());
        }
    }

    /**
     * The job manager, started on first use. Every UWS request calls this: once started, it is read without a
     * lock (a synchronized method here serialised a burst of 1,000 WAIT requests on the bean's monitor).
     */
    public JobManager manager() throws JobRequestException.Unavailable {
        JobManager m = manager;
        return m != null ? m : start();
    }

    private synchronized JobManager start() throws JobRequestException.Unavailable {
        if (manager != null) {
            return manager;
        }
        if (startError != null) {
            throw new JobRequestException.Unavailable("The job service failed to start: " + startError);
        }
        if (!runtime.ready()) {
            throw new JobRequestException.Unavailable(runtime.startupError() != null
                    ? "The service failed to start: " + runtime.startupError() : "The service is starting");
        }
        ServiceConfig config = runtime.config();
        List<JobKind<?>> all = new ArrayList<>();
        kinds.forEach(all::add);
        JobFiles files = new JobFiles(config.dataDir().resolve("jobs"));
        JobCoordination coordination = cluster.coordination();
        JobManager m = new JobManager(new JobStore(runtime.database().dataSource(), files), files, all,
                JobLimits.from(config), Clock.systemUTC(), coordination,
                coordination == null ? null : new JobOwners(runtime.database().dataSource()), quotaSettings,
                waitSettings);
        try {
            m.start();
            cluster.start(m, all);
        } catch (Exception e) {
            m.close();
            startError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.SEVERE, "The job service failed to start", e);
            throw new JobRequestException.Unavailable("The job service failed to start: " + startError);
        }
        manager = m;
        LOG.info(() -> "UWS job service started with kinds " + all.stream().map(JobKind::name).toList());
        return m;
    }

    public ServiceConfig config() {
        return runtime.config();
    }

    @PreDestroy
    synchronized void stop() {
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
