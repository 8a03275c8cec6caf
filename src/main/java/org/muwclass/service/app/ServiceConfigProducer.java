package org.muwclass.service.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.muwclass.service.config.DemoSettings;
import org.muwclass.service.config.ServiceConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the one {@link ServiceConfig} from MicroProfile Config. */
@ApplicationScoped
public class ServiceConfigProducer {

    private volatile ServiceConfig config;

    @Produces
    @Singleton // a record cannot be proxied, so not @ApplicationScoped
    public ServiceConfig serviceConfig() {
        ServiceConfig c = config;
        if (c == null) {
            c = fromConfig(ConfigProvider.getConfig());
            config = c;
        }
        return c;
    }

    /** Reads every property with its documented default. */
    public static ServiceConfig fromConfig(Config cfg) {
        Path dataDir = Path.of(cfg.getOptionalValue("muwclass.data.dir", String.class).orElse("data"))
                .toAbsolutePath().normalize();
        String defaultUrl = "jdbc:h2:file:" + dataDir.resolve("db").resolve("muwclass")
                // WRITE_DELAY=0: a commit reaches the file at once, so a kill -9 loses no finished job
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return new ServiceConfig(
                dataDir,
                cfg.getOptionalValue("muwclass.db.url", String.class).orElse(defaultUrl),
                cfg.getOptionalValue("muwclass.db.user", String.class).orElse("sa"),
                cfg.getOptionalValue("muwclass.db.password", String.class).orElse(""),
                cfg.getOptionalValue("muwclass.voconfig.dir", String.class).map(Path::of),
                cfg.getOptionalValue("muwclass.tap.maxrec.default", Integer.class).orElse(10_000),
                cfg.getOptionalValue("muwclass.tap.maxrec.limit", Integer.class).orElse(1_000_000),
                cfg.getOptionalValue("muwclass.upload.limit.bytes", Long.class).orElse(64L * 1024 * 1024),
                cfg.getOptionalValue("muwclass.jobs.threads", Integer.class)
                        .orElse(Math.max(1, Runtime.getRuntime().availableProcessors())),
                cfg.getOptionalValue("muwclass.jobs.queue.limit", Integer.class).orElse(50),
                cfg.getOptionalValue("muwclass.classify.draws.default", Integer.class).orElse(100),
                cfg.getOptionalValue("muwclass.classify.draws.limit", Integer.class).orElse(1_000),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.duration.default.s", Long.class).orElse(3_600L)),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.duration.limit.s", Long.class).orElse(86_400L)),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.destruction.default.s", Long.class)
                        .orElse(7L * 86_400L)),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.wait.limit.s", Long.class).orElse(60L)),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.jobs.reaper.interval.s", Long.class).orElse(5L)),
                DemoSettings.fromProperties(name -> cfg.getOptionalValue(name, String.class)));
    }
}
