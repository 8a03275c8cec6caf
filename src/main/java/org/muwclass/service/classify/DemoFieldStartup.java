package org.muwclass.service.classify;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.config.DemoSettings;
import org.muwclass.service.app.ServiceRuntime;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.app.UwsService;

/**
 * Starts {@link DemoFieldRuns} on a background thread after the job service is up, so the demo fields are classified
 * and published a few minutes after the first start without delaying readiness. Off with muwclass.demo.publish=false.
 * The first submission waits {@link #START_DELAY}: the observers run while Payara is still deploying (it reported
 * ready 7 s after them on the loaded 2-core machine, 2026-12-08), and the demo's forests should not compete with that.
 */
@ApplicationScoped
public class DemoFieldStartup {

    private static final Logger LOG = Logger.getLogger(DemoFieldStartup.class.getName());
    /** Pause between the application's start-up and the first demo submission. */
    static final Duration START_DELAY = Duration.ofSeconds(20);

    @Inject
    ServiceRuntime runtime;

    @Inject
    UwsService uws;

    private volatile boolean stopped;
    private Thread thread;

    /** Runs after UwsService's start-up observer (APPLICATION + 1000). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 2000) @Initialized(ApplicationScoped.class)
                 Object event) {
        if (!runtime.ready()) {
            return;
        }
        DemoSettings settings = runtime.config().demo();
        if (!settings.publish()) {
            LOG.info("Demo fields are not classified (muwclass.demo.publish=false)");
            return;
        }
        Thread t = new Thread(() -> runQuietly(settings), "muwclass-demo-fields");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        synchronized (this) {
            thread = t;
        }
        t.start();
    }

    private void runQuietly(DemoSettings settings) {
        try {
            long until = System.nanoTime() + START_DELAY.toNanos();
            while (!stopped && System.nanoTime() < until) {
                Thread.sleep(500);
            }
            if (stopped) {
                return;
            }
            JobManager manager = uws.manager();
            new DemoFieldRuns(runtime.database().dataSource(), manager, settings, Clock.systemUTC())
                    .run(() -> stopped);
        } catch (Exception e) {
            if (!stopped) {
                LOG.log(Level.WARNING, "Classifying the demo fields failed; it is tried again at the next start", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }
}
