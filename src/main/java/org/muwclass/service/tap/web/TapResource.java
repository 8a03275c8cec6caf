package org.muwclass.service.tap.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.config.QuerySettings;
import org.muwclass.service.tap.TapService;
import org.muwclass.service.tap.query.QueryCancel;
import org.muwclass.service.tap.query.ResultWriter;
import org.muwclass.service.tap.query.TapException;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;
import org.muwclass.service.uws.JobFiles;
import org.muwclass.service.uws.JobParameters;
import org.muwclass.service.uws.UploadedFile;
import org.muwclass.service.uws.http.BadRequestException;
import org.muwclass.service.uws.http.RequestBody;
import org.muwclass.service.uws.http.UploadTooLargeException;
import org.muwclass.service.vosi.Availability;
import org.muwclass.service.vosi.AvailabilityResource;
import org.muwclass.tables.MediaTypes;

/**
 * The TAP 1.1 service at /tap: sync queries, the async job list, and the VOSI/DALI documents. Thin: request
 * parsing is {@link RequestBody}/{@link TapRequest}, querying is {@link TapQueryRunner}.
 */
@Path("tap")
@RequestScoped
public class TapResource {

    private static final Logger LOG = Logger.getLogger(TapResource.class.getName());
    private static final String VOTABLE = MediaTypes.VOTABLE;

    @Inject
    TapService tap;

    @Inject
    SecuritySettings security;

    @Inject
    SyncQueries syncQueries;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response root() {
        String base = tapUrl();
        return Response.ok("<!DOCTYPE html><html><head><title>MUWCLASS-VO TAP</title></head><body>"
                + "<h1>MUWCLASS-VO TAP 1.1 service</h1><p>Point a TAP client (TOPCAT, pyvo) at <code>"
                + org.muwclass.tables.XmlText.escape(base)
                + "</code>.</p><ul><li><a href=\"tap/capabilities\">capabilities</a></li>"
                + "<li><a href=\"tap/tables\">tables</a></li><li><a href=\"tap/examples\">examples</a></li>"
                + "<li><a href=\"tap/availability\">availability</a></li><li><a href=\"tap/async\">async jobs</a></li>"
                + "</ul></body></html>").build();
    }

    @GET
    @Path("sync")
    public Response syncGet() {
        Map<String, List<String>> params = new LinkedHashMap<>(uri.getQueryParameters());
        return sync(params, TapQueryRunner.UploadSource.NONE);
    }

    @POST
    @Path("sync")
    @Consumes(MediaType.WILDCARD)
    public Response syncPost(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        if (!tap.runtime().ready()) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "The service is not ready: "
                    + AvailabilityResource.current(tap.runtime()).getNotes());
        }
        String tooLarge = RequestBody.refuseLength(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH),
                tap.config().uploadLimitBytes());
        if (tooLarge != null) { // refused before a byte of the body is read
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge);
        }
        if (syncQueries.full()) { // refused at once: no staging directory, no body read, no request thread held
            return syncFull();
        }
        java.nio.file.Path staging;
        try {
            staging = Files.createDirectories(tap.config().dataDir().resolve("tmp"))
                    .resolve("sync-" + java.util.UUID.randomUUID());
            Files.createDirectories(staging);
        } catch (IOException e) {
            return fault(e);
        }
        try {
            RequestBody req = RequestBody.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body,
                    queryParameters(), staging, tap.config().uploadLimitBytes());
            Map<String, List<String>> params = asMap(req.parameters());
            if (params.isEmpty() && request != null && !request.getParameterMap().isEmpty()) {
                // the servlet container already consumed a form body
                request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
                RequestBody.checkParameters(asList(params)); // the same count and value checks as a parsed body
            }
            TapQueryRunner.UploadSource uploads = part -> {
                for (UploadedFile f : req.files()) {
                    if (f.partName().equals(part)) {
                        return Files.newInputStream(f.path());
                    }
                }
                return null;
            };
            return sync(params, uploads, () -> JobFiles.deleteTree(staging));
        } catch (BadRequestException e) {
            JobFiles.deleteTree(staging);
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (UploadTooLargeException e) {
            JobFiles.deleteTree(staging);
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            JobFiles.deleteTree(staging);
            return fault(e);
        }
    }

    /** 503 with Retry-After: every synchronous query slot is taken. */
    private Response syncFull() {
        int limit = syncQueries.settings().syncConcurrency();
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", QuerySettings.SYNC_RETRY_AFTER_S).type(VOTABLE)
                .entity(ResultWriter.errorDocument("The service is running its limit of " + limit
                        + " synchronous queries (muwclass.tap.sync.concurrency); try again in "
                        + QuerySettings.SYNC_RETRY_AFTER_S + " s, or submit the query as a job at " + tapUrl()
                        + "/async")).build();
    }

    private Response sync(Map<String, List<String>> params, TapQueryRunner.UploadSource uploads) {
        return sync(params, uploads, () -> { });
    }

    /**
     * Runs the query now; rows stream from the cursor after the status line is sent. At most
     * muwclass.tap.sync.concurrency run at once (more: 503 with Retry-After), each for at most
     * muwclass.tap.sync.timeout.s, rows written included (then: 400 saying to use /tap/async, or a cut-off stream when
     * rows were being written).
     */
    private Response sync(Map<String, List<String>> params, TapQueryRunner.UploadSource uploads, Runnable cleanup) {
        if (!tap.runtime().ready()) {
            cleanup.run();
            return error(Response.Status.SERVICE_UNAVAILABLE, "The service is not ready");
        }
        SyncQueries.Slot slot = syncQueries.tryEnter();
        if (slot == null) {
            cleanup.run();
            return syncFull();
        }
        Runnable release = () -> {
            slot.close();
            cleanup.run();
        };
        long limitS = syncQueries.settings().syncTimeout().toSeconds();
        String tooLong = "The synchronous query ran past its limit of " + limitS + " s (muwclass.tap.sync.timeout.s) "
                + "and was stopped; submit it as a job at " + tapUrl() + "/async, where it may run longer";
        QueryCancel cancel = new QueryCancel();
        TapQueryRunner.Result result;
        try {
            TapRequest request = tap.request(params);
            slot.watch(cancel, tooLong);
            result = tap.runner().run(request, uploads, tap.localResults(), (int) limitS, cancel);
        } catch (TapException e) {
            release.run();
            if (!e.userError()) {
                LOG.log(Level.WARNING, "TAP query failed", e);
            }
            return error(e.userError() ? Response.Status.BAD_REQUEST : Response.Status.INTERNAL_SERVER_ERROR,
                    e.stopped() ? tooLong : e.getMessage());
        } catch (RuntimeException e) {
            release.run();
            return fault(e);
        }
        slot.expireAfterLimit(result::close);
        StreamingOutput rows = out -> {
            try (result) {
                result.writeTo(out);
            } finally {
                release.run();
            }
        };
        return Response.ok(rows, result.contentType()).build();
    }

    @Path("async")
    public TapAsyncResource async() {
        return new TapAsyncResource();
    }

    @GET
    @Path("capabilities")
    @Produces("text/xml")
    public String capabilities() {
        List<String> methods = new ArrayList<>();
        if (security.basicEnabled()) {
            methods.add(CapabilitiesDocument.BASIC_AA);
        }
        if (security.bearerEnabled()) {
            methods.add(CapabilitiesDocument.TOKEN);
        }
        return CapabilitiesDocument.render(tapUrl(), tap.config(), methods);
    }

    @GET
    @Path("availability")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    public Availability availability() {
        return AvailabilityResource.current(tap.runtime());
    }

    @GET
    @Path("tables")
    @Produces("text/xml")
    public Response tables(@QueryParam("detail") String detail) {
        if (!tap.runtime().ready()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                    .entity("The service is not ready").build();
        }
        boolean withColumns;
        try {
            withColumns = TablesDocument.withColumns(detail);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity(e.getMessage())
                    .build();
        }
        return Response.ok(TablesDocument.tableset(tap.metadata(), withColumns)).build();
    }

    @GET
    @Path("tables/{name}")
    @Produces("text/xml")
    public Response table(@PathParam("name") String name) {
        if (!tap.runtime().ready()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                    .entity("The service is not ready").build();
        }
        TableDescriptor t = tap.metadata().table(name).orElse(null);
        if (t == null) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("No table '" + name + "'; see " + tapUrl() + "/tables").build();
        }
        return Response.ok(TablesDocument.table(t)).build();
    }

    @GET
    @Path("examples")
    @Produces("application/xhtml+xml")
    public String examples() {
        return TapExamples.render("MUWCLASS-VO");
    }

    /** The TAP base URL, from muwclass.http.base.url: never from the request's Host header. */
    private String tapUrl() {
        return security.url("tap");
    }

    private JobParameters queryParameters() {
        List<JobParameters.Parameter> list = new ArrayList<>();
        uri.getQueryParameters().forEach((n, values) -> values.forEach(v -> list.add(new JobParameters.Parameter(n, v))));
        return JobParameters.of(list);
    }

    private static List<JobParameters.Parameter> asList(Map<String, List<String>> params) {
        List<JobParameters.Parameter> list = new ArrayList<>();
        params.forEach((k, values) -> values.forEach(v -> list.add(new JobParameters.Parameter(k, v))));
        return list;
    }

    private static Map<String, List<String>> asMap(JobParameters params) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (JobParameters.Parameter p : params.asList()) {
            map.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value());
        }
        return map;
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(VOTABLE).entity(ResultWriter.errorDocument(message)).build();
    }

    private static Response fault(Exception e) {
        LOG.log(Level.SEVERE, "TAP request failed", e);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "Internal error: " + e.getMessage());
    }
}
