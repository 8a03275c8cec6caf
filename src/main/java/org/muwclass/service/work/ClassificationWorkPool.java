package org.muwclass.service.work;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.PoolThroughput;
import org.muwclass.core.pipeline.SharedWorkPool;
import org.muwclass.core.pipeline.UnitExecutor;

/**
 * The one pool of threads on which every classification job's work units run (work-conserving, fair between jobs:
 * {@link SharedWorkPool}), and the costs its quotes use. Settings:
 * <ul>
 *   <li>{@code muwclass.work.threads}: worker threads (default: the machine's cores);</li>
 *   <li>{@code muwclass.work.forest.seconds}: CPU s of one fastrf training draw of the shipped TD with 100 trees on
 *       one of these threads (default {@link CostModel#reference}'s measured value; calibrate with
 *       {@code scripts/bench/bench.sh CostCalibration});</li>
 *   <li>{@code muwclass.work.prediction.seconds}: CPU s of one target realisation through a 100-tree fastrf
 *       forest.</li>
 * </ul>
 */
@ApplicationScoped
public class ClassificationWorkPool {

    private static final Logger LOG = Logger.getLogger(ClassificationWorkPool.class.getName());

    private SharedWorkPool pool;

    /** Worker threads configured for the pool. */
    public static int configuredThreads() {
        return configuredThreads(ConfigProvider.getConfig());
    }

    static int configuredThreads(Config cfg) {
        int n = cfg.getOptionalValue("muwclass.work.threads", Integer.class)
                .orElse(Runtime.getRuntime().availableProcessors());
        if (n < 1) {
            throw new IllegalArgumentException("muwclass.work.threads must be at least 1, not " + n);
        }
        return n;
    }

    /** Runs plans' units on the shared pool (started on first use). */
    public UnitExecutor executor() {
        return pool().executor();
    }

    /** Runs plans' units on the shared pool, timing them against {@code cost} for {@link #speedFactor()}. */
    public UnitExecutor executor(CostModel cost) {
        return pool().executor(cost);
    }

    /**
     * Wall seconds per estimated core-second on the pool's threads lately ({@link PoolThroughput#factor()}): 1
     * until units have been timed. Quotes made before a job has progress multiply its estimate by it.
     */
    public double speedFactor() {
        return pool().throughput().factor();
    }

    /** The cost model of {@code algorithm} with {@code trees} trees, with the operator's calibration if set. */
    public CostModel costModel(String algorithm, int trees) {
        Config cfg = ConfigProvider.getConfig();
        return CostModel.calibrated(algorithm, trees,
                cfg.getOptionalValue("muwclass.work.forest.seconds", Double.class).orElse(null),
                cfg.getOptionalValue("muwclass.work.prediction.seconds", Double.class).orElse(null));
    }

    private synchronized SharedWorkPool pool() {
        if (pool == null) {
            pool = new SharedWorkPool(configuredThreads(), "muwclass-work");
            LOG.info(() -> "Classification work pool: " + pool.threads() + " threads shared by all jobs");
        }
        return pool;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
