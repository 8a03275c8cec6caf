package org.muwclass.service.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.config.QuotaSettings;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.config.UploadSettings;
import org.muwclass.service.config.WaitSettings;

/**
 * Builds each settings record of the protection layers from MicroProfile Config, once: the producers are
 * {@code @Singleton} because records cannot be proxied. ({@link ServiceConfig} has its own producer.)
 */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    public QuerySettings querySettings() {
        return QuerySettings.fromConfig(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    public SecuritySettings securitySettings() {
        return SecuritySettings.fromConfig(ConfigProvider.getConfig());
    }

    /** Also installed for {@link UploadSettings#current()}, which the table readers outside CDI use. */
    @Produces
    @Singleton
    public UploadSettings uploadSettings() {
        UploadSettings s = UploadSettings.fromConfig(ConfigProvider.getConfig());
        UploadSettings.install(s);
        return s;
    }

    @Produces
    @Singleton
    public QuotaSettings quotaSettings() {
        return QuotaSettings.fromConfig(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    public WaitSettings waitSettings() {
        return WaitSettings.fromConfig(ConfigProvider.getConfig());
    }

    /** Reads and checks the upload settings when the application starts: a bad value stops the deployment. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object event, UploadSettings uploads) {
        // nothing to do: resolving the parameter ran the producer, and so its checks, at deployment
    }
}
