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
import org.muwclass.service.uws.ResultNames;
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

    @Inject
    org.muwclass.service.config.SecuritySettings security;

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
                config().uploadLimitBytes(), runtime.metadata().service().version(), security.url("datalink/links"));
    }

    /**
     * Reads UPLOAD URLs that are results of this service's own jobs from the job directory. Nothing is fetched over
     * the network: any other URL is refused.
     */
    public TapQueryRunner.LocalResults localResults() {
        return url -> {
            ResultRef ref = ResultRef.parse(url).orElseThrow(() -> TapException.user("UPLOAD from " + url
                    + " is not accepted: the service does not fetch URLs; send the table inline (param:partname) or "
                    + "give a result URL of this service's own jobs (.../tap/async/{job}/results/{name})"));
            if (!ResultNames.isValid(ref.result())) {
                throw TapException.user("UPLOAD from " + url + ": '" + ref.result() + "' is not a result name (up to"
                        + " 100 letters, digits, '.', '_' or '-', starting with a letter or digit, no '..')");
            }
            try {
                JobManager jobs = uws.get().manager();
                JobRecord job = jobs.get(ref.kind(), ref.jobId(), null);
                Path file = jobs.resultFile(job, ref.result());
                if (job.result(ref.result()).isEmpty() || !Files.isRegularFile(file)) {
                    throw TapException.user("UPLOAD from " + url + ": job " + ref.jobId() + " has no result '"
                            + ref.result() + "'");
                }
                return Files.newInputStream(file);
            } catch (JobRequestException e) {
                throw TapException.user("UPLOAD from " + url + ": " + e.getMessage());
            }
        };
    }

    /**
     * A result of one of this service's jobs named by URL.
     *
     * @param kind   job kind ("tap" or "classify")
     * @param jobId  job id
     * @param result result name
     */
    public record ResultRef(String kind, String jobId, String result) {

        /** The job result a URL names, if it has the form of one; the host is not consulted. */
        public static java.util.Optional<ResultRef> parse(String url) {
            Matcher m = RESULT_URL.matcher(url);
            if (!m.matches()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ResultRef(m.group(1).equals("classify") ? "classify" : TapJobKind.NAME,
                    m.group(2), m.group(3)));
        }
    }

    /** Validated request parameters with the configured MAXREC default and limit. */
    public TapRequest request(Map<String, List<String>> params) throws TapException {
        return TapRequest.from(params, config().maxrecDefault(), config().maxrecLimit());
    }
}
