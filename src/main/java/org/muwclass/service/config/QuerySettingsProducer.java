package org.muwclass.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the one {@link QuerySettings} from MicroProfile Config (same pattern as {@link ServiceConfigProducer}). */
@ApplicationScoped
public class QuerySettingsProducer {

    private volatile QuerySettings settings;

    @Produces
    @Singleton // a record cannot be proxied
    public QuerySettings querySettings() {
        QuerySettings s = settings;
        if (s == null) {
            s = QuerySettings.fromConfig(ConfigProvider.getConfig());
            settings = s;
        }
        return s;
    }
}
