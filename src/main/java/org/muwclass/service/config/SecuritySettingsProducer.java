package org.muwclass.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the one {@link SecuritySettings} from MicroProfile Config. */
@ApplicationScoped
public class SecuritySettingsProducer {

    private volatile SecuritySettings settings;

    @Produces
    @Singleton // a record cannot be proxied, so not @ApplicationScoped
    public SecuritySettings securitySettings() {
        SecuritySettings s = settings;
        if (s == null) {
            s = SecuritySettings.fromConfig(ConfigProvider.getConfig());
            settings = s;
        }
        return s;
    }
}
