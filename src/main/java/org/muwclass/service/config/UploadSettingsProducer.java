package org.muwclass.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the one {@link UploadSettings} from MicroProfile Config. */
@ApplicationScoped
public class UploadSettingsProducer {

    private volatile UploadSettings settings;

    @Produces
    @Singleton // a record cannot be proxied, so not @ApplicationScoped
    public UploadSettings uploadSettings() {
        UploadSettings s = settings;
        if (s == null) {
            s = UploadSettings.fromConfig(ConfigProvider.getConfig());
            settings = s;
            UploadSettings.install(s);
        }
        return s;
    }

    /** Reads and checks the settings when the application starts: a bad value stops the deployment. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        uploadSettings();
    }
}
