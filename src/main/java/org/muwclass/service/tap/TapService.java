package org.muwclass.service.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobRequestException;
import org.muwclass.service.uws.http.UwsService;
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

    /** A job result URL of this service: .../tap/async/{id}/results/{name} or .../classify/{id}/results/{name}. */
    private static final Pattern RESULT_URL = Pattern.compile(
            "https?://[^/]+(?:/.*)?/(tap/async|classify)/([A-Za-z0-9_-]+)/results/([A-Za-z0-9._-]+)");

    @Inject
    ServiceRuntime runtime;

    @Inject
    Instance<UwsService> uws;

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

    /**
     * Reads UPLOAD URLs that are results of this service's own jobs from the job directory. Nothing is fetched over
     * the network: any other URL is refused.
     */
    public TapQueryRunner.LocalResults localResults() {
        return url -> {
            Matcher m = RESULT_URL.matcher(url);
            if (!m.matches()) {
                throw TapException.user("UPLOAD from " + url + " is not accepted: the service does not fetch URLs; "
                        + "send the table inline (param:partname) or give a result URL of this service's own jobs "
                        + "(.../tap/async/{job}/results/{name})");
            }
            String kind = m.group(1).equals("classify") ? "classify" : TapJobKind.NAME;
            try {
                JobManager jobs = uws.get().manager();
                JobRecord job = jobs.get(kind, m.group(2), null);
                Path file = jobs.resultFile(job, m.group(3));
                if (job.result(m.group(3)).isEmpty() || !Files.isRegularFile(file)) {
                    throw TapException.user("UPLOAD from " + url + ": job " + m.group(2) + " has no result '"
                            + m.group(3) + "'");
                }
                return Files.newInputStream(file);
            } catch (JobRequestException e) {
                throw TapException.user("UPLOAD from " + url + ": " + e.getMessage());
            }
        };
    }

    /** Validated request parameters with the configured MAXREC default and limit. */
    public TapRequest request(Map<String, List<String>> params) throws TapException {
        return TapRequest.from(params, config().maxrecDefault(), config().maxrecLimit());
    }
}
