package org.muwclass.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the job quota and WAIT settings from MicroProfile Config (same pattern as ServiceConfigProducer). */
@ApplicationScoped
public class JobSettingsProducer {

    @Produces
    @Singleton // records cannot be proxied
    public QuotaSettings quotaSettings() {
        return QuotaSettings.fromConfig(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    public WaitSettings waitSettings() {
        return WaitSettings.fromConfig(ConfigProvider.getConfig());
    }
}
