package org.muwclass.service.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.muwclass.service.config.ServiceConfig;
import org.muwclass.service.db.ServiceRuntime;
import org.muwclass.service.meta.VoMetadata;
import org.muwclass.service.tap.adql.AdqlTables;
import org.muwclass.service.tap.query.TapException;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;

/** The TAP service's shared parts for the sync endpoint and async jobs: limits, metadata and the query runner. */
@ApplicationScoped
public class TapService {

    @Inject
    ServiceRuntime runtime;

    public ServiceRuntime runtime() {
        return runtime;
    }

    public ServiceConfig config() {
        return runtime.config();
    }

    /** The tables clients see (vo-config and TAP_SCHEMA). */
    public VoMetadata metadata() {
        return runtime.publishedMetadata();
    }

    public TapQueryRunner runner() {
        return new TapQueryRunner(runtime.database(), () -> AdqlTables.of(runtime.publishedMetadata().tables()),
                config().uploadLimitBytes(), runtime.metadata().service().version());
    }

    /** Validated request parameters with the configured MAXREC default and limit. */
    public TapRequest request(Map<String, List<String>> params) throws TapException {
        return TapRequest.from(params, config().maxrecDefault(), config().maxrecLimit());
    }
}
