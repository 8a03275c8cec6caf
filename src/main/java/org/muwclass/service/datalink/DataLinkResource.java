package org.muwclass.service.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.muwclass.core.report.ProbabilityPlot;
import org.muwclass.core.report.ProbabilityProfile;
import org.muwclass.service.app.UwsService;
import org.muwclass.service.classify.ClassifyJobKind;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.security.Callers;
import org.muwclass.service.tap.TapService;
import org.muwclass.service.uws.JobRecord;
import org.muwclass.service.uws.JobRequestException;
import org.muwclass.tables.MediaTypes;

/**
 * DataLink 1.1 {links} endpoint: {@code GET or POST /datalink/links?ID=...} with IDs as in {@link SourceId}; a bare
 * name with {@code RUN_ID} (once, or once per ID) is a classified source of that run, without it a training source.
 */
@Path("datalink")
@RequestScoped
public class DataLinkResource {

    private static final Logger LOG = Logger.getLogger(DataLinkResource.class.getName());

    /** Most IDs in one request: each costs a database lookup. */
    static final int MAX_IDS = 100;

    @Inject
    TapService tap;

    @Inject
    SecuritySettings security;

    @Inject
    UwsService uws;

    @Context
    UriInfo uri;

    /** Who asks (AuthenticationFilter's principal): decides whether job links are offered. */
    @Context
    SecurityContext caller;

    @GET
    @Path("links")
    public Response links() {
        return links(uri.getQueryParameters());
    }

    /** DataLink 1.1 §3.1: the same with the parameters in a form body (pyvo's {@code iter_datalinks} posts). */
    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response linksPosted(MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> all = new MultivaluedHashMap<>(uri.getQueryParameters());
        form.forEach((k, v) -> all.addAll(k, v));
        return links(all);
    }

    private Response links(MultivaluedMap<String, String> params) {
        if (!tap.runtime().ready()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                    .entity("The service is not ready").build();
        }
        List<String> ids = values(params, "ID");
        List<String> runIds = values(params, "RUN_ID");
        if (ids.isEmpty()) {
            return bad("Give ID=<name> (a training source), ID=<name>&RUN_ID=<run_id> (a classified source), "
                    + "ID=training/<name> or ID=classified/<run_id>/<name> (repeatable)");
        }
        if (ids.size() > MAX_IDS) {
            return bad("ID is given " + ids.size() + " times; at most " + MAX_IDS + " IDs per request");
        }
        SourceLinks links = new SourceLinks(security.url("tap"), security.url("classify"),
                security.url("datalink/plot"), memo(this::jobOpenToCaller));
        try (Connection c = tap.runtime().database().connection()) {
            return Response.ok(LinksVoTable.render(links.links(c, ids, runIds)), LinksVoTable.MIME).build();
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "DataLink lookup failed", e);
            return Response.serverError().type(MediaType.TEXT_PLAIN).entity("The lookup failed: " + e.getMessage())
                    .build();
        }
    }

    /**
     * The class probabilities of one published classified source as a PNG ({@link ProbabilityPlot}, 880x500 pixels):
     * {@code GET /datalink/plot?ID=<name>&RUN_ID=<run_id>} or {@code ?ID=classified/<run_id>/<name>}.
     */
    @GET
    @Path("plot")
    public Response plot() {
        if (!tap.runtime().ready()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                    .entity("The service is not ready").build();
        }
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        List<String> ids = values(params, "ID");
        List<String> runs = values(params, "RUN_ID");
        if (ids.size() != 1 || runs.size() > 1) {
            return bad("Give ID=<name> with RUN_ID=<run_id>, or ID=classified/<run_id>/<name>, once each (got "
                    + ids.size() + " ID and " + runs.size() + " RUN_ID)");
        }
        SourceId s = SourceId.parse(ids.get(0), runs.isEmpty() ? null : runs.get(0)).orElse(null);
        if (s == null || s.training()) {
            return bad("ID=" + ids.get(0) + ": plots are of classified sources; give RUN_ID=<run_id> or "
                    + "ID=classified/<run_id>/<name>");
        }
        try (Connection c = tap.runtime().database().connection()) {
            Optional<ProbabilityProfile> profile = ProbabilityPlots.profile(c, s);
            if (profile.isEmpty()) {
                return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                        .entity("No source '" + s.name() + "' classified by run " + s.runId()).build();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(ProbabilityPlot.render(List.of(profile.get())), "png", png);
            return Response.ok(png.toByteArray(), MediaTypes.PNG).build();
        } catch (SQLException | IOException e) {
            LOG.log(Level.WARNING, "Probability plot failed", e);
            return Response.serverError().type(MediaType.TEXT_PLAIN).entity("The plot failed: " + e.getMessage())
                    .build();
        }
    }

    /** Whether the caller may open the classification job of a run (as GET /classify/{id} would allow). */
    private boolean jobOpenToCaller(String runId) {
        String owner = Callers.of(caller == null ? null : caller.getUserPrincipal(), null).owner();
        try {
            return jobsOpenTo(uws.manager()::lookup, owner).test(runId);
        } catch (JobRequestException.Unavailable e) {
            return false; // no job service: no job to link to
        }
    }

    /** One job lookup per run id and request: the IDs of one request are usually of one run. */
    private static Predicate<String> memo(Predicate<String> p) {
        java.util.Map<String, Boolean> seen = new java.util.HashMap<>();
        return runId -> seen.computeIfAbsent(runId, p::test);
    }

    /**
     * Run ids whose classification job {@code owner} may open: a job of another owner, of another kind or not
     * (or no longer) there is not.
     *
     * @param owner the caller's identity; null: anonymous
     */
    static Predicate<String> jobsOpenTo(Function<String, Optional<JobRecord>> lookup, String owner) {
        return runId -> lookup.apply(runId)
                .filter(j -> j.kind().equals(ClassifyJobKind.NAME) && j.accessibleTo(owner)).isPresent();
    }

    private static Response bad(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity(message).build();
    }

    /** Values of a parameter whose name matches case-insensitively (DALI §3.1), in order. */
    static List<String> values(MultivaluedMap<String, String> params, String name) {
        List<String> out = new ArrayList<>();
        params.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }
}
