package org.muwclass.service.uws.http;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.app.UwsService;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.dali.BadRequestException;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.RequestBody;
import org.muwclass.service.dali.StagingDirectory;
import org.muwclass.service.dali.UploadTooLargeException;
import org.muwclass.service.security.AuthenticationFilter;
import org.muwclass.service.uws.ExecutionPhase;
import org.muwclass.service.uws.JobFilter;
import org.muwclass.service.uws.JobManager;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobRequestException;
import org.muwclass.service.uws.ParameterException;
import org.muwclass.service.uws.ResultInfo;
import org.muwclass.service.uws.xml.UwsDocuments;

/**
 * The UWS 1.1 HTTP binding of one job list, for any {@link org.muwclass.service.uws.JobKind}. A subclass names
 * the kind and where the list lives: {@code /classify} is a root resource extending this class; {@code /tap/async}
 * can return an instance from a sub-resource locator. All logic is in {@link JobManager}; this class only maps
 * HTTP to it. Who the caller is comes from {@link AuthenticationFilter}: anonymous callers see an empty job list and
 * reach a job only through its URL; authenticated ones list only their own jobs. Every URL written (Location,
 * xlink:href) is built from muwclass.http.base.url. Errors are text/plain with 400 (bad parameter), 403 (another
 * owner's job, or a parameter the caller's roles do not allow), 404, 409 (wrong phase),
 * 413 (upload too large, or the client's byte quota), 429 (the client's job quota, with Retry-After) or 503
 * (queue or service full, with Retry-After).
 *
 * <p>Why over 400 lines: UWS 1.1 defines 18 endpoints per job list and each is a method here; the request reading is
 * shared ({@link UwsRequestContext}, {@code withBody}, {@code setFromBody}) and the job logic is in
 * {@link JobManager}, so what remains is one short mapping per endpoint plus the WAIT grouping.
 */
public abstract class UwsJobsResource {

    static final String XML = "text/xml;charset=UTF-8";
    static final String TEXT = "text/plain;charset=UTF-8";
    private static final Logger LOG = Logger.getLogger(UwsJobsResource.class.getName());
    /** Identical WAIT requests in a burst share one read of the job and one document (all job lists). */
    private static final WaitGroups WAITS = new WaitGroups();
    private static volatile UwsService uwsService;
    private static volatile SecuritySettings securitySettings;

    /** The {@link org.muwclass.service.uws.JobKind#name()} served. */
    protected abstract String kind();

    /** Path of the job list below the application root, e.g. "classify" or "tap/async". */
    protected abstract String listPath();

    /** The UWS service; looked up through CDI so sub-resource instances created with {@code new} work too. */
    protected UwsService uws() {
        UwsService u = uwsService;
        if (u == null) { // the application-scoped client proxy: looked up once (CDI.current() is not cheap)
            u = CDI.current().select(UwsService.class).get();
            uwsService = u;
        }
        return u;
    }

    // ------------------------------------------------------------ job list

    @GET
    public Response list(@BeanParam UwsRequestContext rc) {
        return handle(() -> {
            DaliParameters q = rc.query();
            Set<ExecutionPhase> phases = EnumSet.noneOf(ExecutionPhase.class);
            for (String p : q.all("PHASE")) {
                phases.add(ExecutionPhase.parse("PHASE", p));
            }
            Instant after = null;
            if (q.get("AFTER").isPresent()) {
                after = parseAfter(q.get("AFTER").get());
            }
            Integer last = null;
            if (q.get("LAST").isPresent()) {
                last = parseInt("LAST", q.get("LAST").get(), 0, Integer.MAX_VALUE, "a whole number, 0 or more");
            }
            List<JobRecord> jobs = manager().list(new JobFilter(kind(), rc.owner(), phases, after, last));
            return xml(UwsDocuments.jobs(jobs, listUrl()));
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(InputStream body, @BeanParam UwsRequestContext rc) {
        return withBody(body, rc, null, (m, req) -> {
            authorize(req.parameters(), rc.security());
            JobRecord job = m.create(kind(), rc.caller(), req.parameters(), req.files());
            return seeOther(jobUrl(job.id()));
        });
    }

    // ------------------------------------------------------------ one job

    /**
     * The job document. With WAIT the request is suspended, not blocked: it is resumed when the job changes phase
     * or the wait (capped at muwclass.jobs.wait.limit.s) runs out, so waiting clients hold no request thread.
     */
    @GET
    @Path("{id}")
    public void job(@PathParam("id") String id, @BeanParam UwsRequestContext rc,
                    @Suspended AsyncResponse response) {
        String url = jobUrl(id);
        Response now = handle(() -> {
            DaliParameters q = rc.query();
            JobManager m = manager();
            String owner = rc.owner();
            if (q.get("WAIT").isEmpty()) {
                return jobDocument(m, m.get(kind(), id, owner), url);
            }
            int wait = parseInt("WAIT", q.get("WAIT").get(), -1, Integer.MAX_VALUE,
                    "a number of seconds, or -1 for the longest wait (" + m.waitSettings().maxWait().toSeconds()
                            + " s, muwclass.jobs.wait.limit.s)");
            ExecutionPhase phase = q.get("PHASE").isPresent() ? ExecutionPhase.parse("PHASE", q.get("PHASE").get())
                    : null;
            // a burst of identical WAITs reads the job once, not once per request (WaitGroups)
            WaitGroups.Entry entry = WAITS.enter(new WaitGroups.Key(kind(), id, owner, phase, wait),
                    m.waitSettings().maxWaiters(), m::waitersHeld);
            CompletableFuture<JobRecord> done;
            if (entry == null) {
                done = m.awaitAsync(kind(), id, owner, Duration.ofSeconds(wait), phase);
            } else {
                if (entry.leader()) {
                    try {
                        WaitGroups.lead(entry.group(), m.awaitAsync(kind(), id, owner, Duration.ofSeconds(wait),
                                phase));
                    } catch (Exception | Error e) {
                        entry.group().future.completeExceptionally(e);
                        throw e;
                    }
                }
                done = entry.group().future;
            }
            WaitGroups.Group group = entry == null ? null : entry.group();
            if (done.isDone()) {
                return waited(m, id, done, group, url);
            }
            // a safety net only: the manager's own timer answers at the capped wait
            response.setTimeout(m.waitSettings().maxWait().toSeconds() + 30, TimeUnit.SECONDS);
            done.whenComplete((job, error) -> response.resume(handle(() -> waited(m, id, done, group, url))));
            return null;
        });
        if (now != null) {
            response.resume(now);
        }
    }

    /** The answer to a WAIT whose future is done; a group's document is written once for all its waiters. */
    private static Response waited(JobManager m, String id, CompletableFuture<JobRecord> done,
                                   WaitGroups.Group group, String url) throws Exception {
        JobRecord job;
        try {
            job = done.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof Exception x ? x : new IllegalStateException(cause);
        }
        if (job == null) {
            throw new JobRequestException.NotFound(id);
        }
        if (group == null) {
            return jobDocument(m, job, url);
        }
        byte[] doc = (byte[]) group.rendered(() -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(2048);
            try {
                UwsDocuments.write(UwsDocuments.job(job, url, m.quote(job).orElse(null)), out);
            } catch (jakarta.xml.bind.JAXBException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        });
        return Response.ok(doc, XML).build();
    }

    private static Response jobDocument(JobManager m, JobRecord job, String url) {
        return xml(UwsDocuments.job(job, url, m.quote(job).orElse(null)));
    }

    /** POST to the job: ACTION=DELETE, PHASE=RUN|ABORT, EXECUTIONDURATION, DESTRUCTION or new parameters. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response postJob(@PathParam("id") String id, InputStream body, @BeanParam UwsRequestContext rc) {
        String owner = rc.owner();
        return withBody(body, rc, id, (m, req) -> {
            DaliParameters p = req.parameters();
            Optional<String> action = p.get("ACTION");
            if (action.isPresent()) {
                if (!action.get().trim().equalsIgnoreCase("DELETE")) {
                    throw new ParameterException("ACTION", action.get(), "DELETE");
                }
                m.delete(kind(), id, owner);
                return seeOther(listUrl());
            }
            DaliParameters kindParams = p.without(JobManager.CONTROL_PARAMETERS);
            authorize(kindParams, rc.security());
            if (!kindParams.isEmpty() || !req.files().isEmpty()) {
                m.updateParameters(kind(), id, owner, kindParams, req.files());
            }
            if (p.get("EXECUTIONDURATION").isPresent()) {
                m.setExecutionDuration(kind(), id, owner, p.get("EXECUTIONDURATION").get());
            }
            if (p.get("DESTRUCTION").isPresent()) {
                m.setDestruction(kind(), id, owner, p.get("DESTRUCTION").get());
            }
            if (p.get("PHASE").isPresent()) {
                changePhase(m, id, owner, p.get("PHASE").get());
            }
            return seeOther(jobUrl(id));
        });
    }

    @DELETE
    @Path("{id}")
    public Response deleteJob(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> {
            manager().delete(kind(), id, rc.owner());
            return seeOther(listUrl());
        });
    }

    // ------------------------------------------------------------ job sub-resources

    @GET
    @Path("{id}/phase")
    public Response phase(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> text(job(id, rc).phase().name()));
    }

    @POST
    @Path("{id}/phase")
    @Consumes(MediaType.WILDCARD)
    public Response postPhase(@PathParam("id") String id, InputStream body, @BeanParam UwsRequestContext rc) {
        return setFromBody(id, body, rc, "PHASE", "RUN or ABORT", (m, owner, v) -> changePhase(m, id, owner, v));
    }

    @GET
    @Path("{id}/executionduration")
    public Response executionDuration(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> text(Long.toString(job(id, rc).executionDuration().toSeconds())));
    }

    @POST
    @Path("{id}/executionduration")
    @Consumes(MediaType.WILDCARD)
    public Response postExecutionDuration(@PathParam("id") String id, InputStream body,
                                          @BeanParam UwsRequestContext rc) {
        return setFromBody(id, body, rc, "EXECUTIONDURATION", "a whole number of seconds",
                (m, owner, v) -> m.setExecutionDuration(kind(), id, owner, v));
    }

    @GET
    @Path("{id}/destruction")
    public Response destruction(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> text(UwsDocuments.format(job(id, rc).destruction())));
    }

    @POST
    @Path("{id}/destruction")
    @Consumes(MediaType.WILDCARD)
    public Response postDestruction(@PathParam("id") String id, InputStream body,
                                    @BeanParam UwsRequestContext rc) {
        return setFromBody(id, body, rc, "DESTRUCTION", "an ISO-8601 time",
                (m, owner, v) -> m.setDestruction(kind(), id, owner, v));
    }

    @GET
    @Path("{id}/error")
    public Response error(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> {
            JobRecord job = job(id, rc);
            if (job.error() == null) {
                return plain(Response.Status.NOT_FOUND, "Job " + id + " has no error (phase " + job.phase() + ")");
            }
            return text(job.error().message());
        });
    }

    @GET
    @Path("{id}/quote")
    public Response quote(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> {
            JobRecord job = job(id, rc);
            return text(manager().quote(job).map(UwsDocuments::format).orElse(""));
        });
    }

    @GET
    @Path("{id}/owner")
    public Response owner(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> {
            String owner = job(id, rc).ownerId();
            return text(owner == null ? "" : owner);
        });
    }

    @GET
    @Path("{id}/parameters")
    public Response parameters(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> xml(UwsDocuments.parameters(job(id, rc))));
    }

    @POST
    @Path("{id}/parameters")
    @Consumes(MediaType.WILDCARD)
    public Response postParameters(@PathParam("id") String id, InputStream body, @BeanParam UwsRequestContext rc) {
        return withBody(body, rc, id, (m, req) -> {
            authorize(req.parameters(), rc.security());
            m.updateParameters(kind(), id, rc.owner(), req.parameters(), req.files());
            return seeOther(jobUrl(id));
        });
    }

    @GET
    @Path("{id}/results")
    public Response results(@PathParam("id") String id, @BeanParam UwsRequestContext rc) {
        return handle(() -> xml(UwsDocuments.results(job(id, rc), jobUrl(id))));
    }

    @GET
    @Path("{id}/results/{name}")
    public Response result(@PathParam("id") String id, @PathParam("name") String name,
                           @BeanParam UwsRequestContext rc) {
        return handle(() -> {
            JobRecord job = job(id, rc);
            Optional<ResultInfo> r = job.result(name);
            if (r.isEmpty()) {
                return plain(Response.Status.NOT_FOUND, "Job " + id + " has no result '" + name + "'");
            }
            java.nio.file.Path file = manager().resultFile(job, name);
            if (!Files.isRegularFile(file)) {
                return plain(Response.Status.NOT_FOUND, "The file of result '" + name + "' is gone");
            }
            StreamingOutput out = o -> Files.copy(file, o);
            return Response.ok(out, r.get().mimeType()).header("Content-Length", Files.size(file)).build();
        });
    }

    // ------------------------------------------------------------ helpers

    private void changePhase(JobManager m, String id, String owner, String phase)
            throws JobRequestException, ParameterException {
        switch (phase.trim().toUpperCase(Locale.ROOT)) {
            case "RUN" -> m.run(kind(), id, owner);
            case "ABORT" -> m.abort(kind(), id, owner);
            default -> throw new ParameterException("PHASE", phase, "RUN or ABORT");
        }
    }

    private JobManager manager() throws JobRequestException.Unavailable {
        return uws().manager();
    }

    private JobRecord job(String id, UwsRequestContext rc) throws JobRequestException {
        return manager().get(kind(), id, rc.owner());
    }

    /**
     * Refuses job parameters the caller's roles do not allow, before anything is stored. The default allows all;
     * {@link ClassifyResource} requires the operator role for PUBLISH=yes.
     */
    protected void authorize(DaliParameters parameters, SecurityContext security) throws NotPermittedException {
    }

    /** The security settings (base URL, operator role). */
    protected static SecuritySettings security() {
        SecuritySettings s = securitySettings;
        if (s == null) {
            s = CDI.current().select(SecuritySettings.class).get();
            securitySettings = s;
        }
        return s;
    }

    /** A change of one job made from the request body (then answered with 303 to the job). */
    @FunctionalInterface
    private interface BodyAction {
        Response apply(JobManager manager, RequestBody request) throws Exception;
    }

    /** A change of one job property from one body parameter. */
    @FunctionalInterface
    private interface PropertyChange {
        void apply(JobManager manager, String owner, String value) throws Exception;
    }

    /**
     * Reads the body into a staging directory deleted afterwards and runs {@code action} on it. With a job id the
     * job is looked up first, so an unknown or another owner's job is refused before the body is read.
     */
    private Response withBody(InputStream body, UwsRequestContext rc, String jobId, BodyAction action) {
        return handle(() -> {
            JobManager m = manager();
            if (jobId != null) {
                m.get(kind(), jobId, rc.owner());
            }
            try (StagingDirectory staging = StagingDirectory.of(m.files().newStagingDirectory())) {
                return action.apply(m, readBody(body, rc, staging.path()));
            }
        });
    }

    /** POST of one property (PHASE, EXECUTIONDURATION, DESTRUCTION): the parameter is required; 303 to the job. */
    private Response setFromBody(String id, InputStream body, UwsRequestContext rc, String name, String allowed,
                                 PropertyChange change) {
        return withBody(body, rc, null, (m, req) -> {
            String value = req.parameters().get(name).orElseThrow(() -> new ParameterException(name, null, allowed));
            change.apply(m, rc.owner(), value);
            return seeOther(jobUrl(id));
        });
    }

    private RequestBody readBody(InputStream body, UwsRequestContext rc, java.nio.file.Path staging)
            throws Exception {
        long limit = uws().config().uploadLimitBytes();
        String length = rc.header(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit + RequestBody.MAX_FIELD_BYTES) {
                    throw new UploadTooLargeException(limit);
                }
            } catch (NumberFormatException e) {
                // let the body parser count
            }
        }
        return RequestBody.read(rc.header(HttpHeaders.CONTENT_TYPE), body, rc.query(), rc.containerForm(), staging,
                limit);
    }

    /** The job list's URL, from muwclass.http.base.url: never from the request's Host header. */
    private String listUrl() {
        return security().url(listPath());
    }

    /** A job's URL, from muwclass.http.base.url: never from the request's Host header. */
    private String jobUrl(String id) {
        return security().url(listPath() + "/" + id);
    }

    private static int parseInt(String name, String value, int min, int max, String allowed)
            throws ParameterException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, value, allowed);
    }

    private static Instant parseAfter(String value) throws ParameterException {
        try {
            return Instant.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value.trim()).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e2) {
                throw new ParameterException("AFTER", value, "an ISO-8601 time such as 2026-11-25T12:00:00Z");
            }
        }
    }

    private static Response seeOther(String url) {
        return Response.seeOther(URI.create(url)).build();
    }

    private static Response xml(Object document) {
        StreamingOutput out = o -> {
            try {
                UwsDocuments.write(document, o);
            } catch (jakarta.xml.bind.JAXBException e) {
                throw new IOException(e);
            }
        };
        return Response.ok(out, XML).build();
    }

    private static Response text(String s) {
        return Response.ok(s, TEXT).build();
    }

    private static Response plain(Response.Status status, String message) {
        return Response.status(status).entity(message).type(TEXT).build();
    }

    /** A request handler that may throw the checked exceptions mapped below. */
    @FunctionalInterface
    protected interface Handler {
        Response run() throws Exception;
    }

    /** Runs {@code h}, mapping refusals to status codes with their message as text/plain. */
    protected static Response handle(Handler h) {
        try {
            return h.run();
        } catch (ParameterException | BadRequestException e) {
            return plain(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (JobRequestException.NotFound e) {
            return plain(Response.Status.NOT_FOUND, e.getMessage());
        } catch (JobRequestException.Forbidden | NotPermittedException e) {
            return plain(Response.Status.FORBIDDEN, e.getMessage());
        } catch (JobRequestException.WrongPhase e) {
            return plain(Response.Status.CONFLICT, e.getMessage());
        } catch (JobRequestException.QuotaExceeded e) {
            return Response.status(429).header("Retry-After", Integer.toString(e.retryAfterSeconds()))
                    .entity(e.getMessage()).type(TEXT).build();
        } catch (JobRequestException.StorageQuotaExceeded e) {
            return plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } catch (JobRequestException.QueueFull | JobRequestException.ServiceFull e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(e.retryAfterSeconds())).entity(e.getMessage()).type(TEXT)
                    .build();
        } catch (JobRequestException e) {
            return plain(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (UploadTooLargeException e) {
            return plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "UWS request failed", e);
            return plain(Response.Status.INTERNAL_SERVER_ERROR, "Internal error of the job service ("
                    + e.getClass().getSimpleName() + "); the service log has details");
        }
    }
}
