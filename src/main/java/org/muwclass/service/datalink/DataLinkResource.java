package org.muwclass.service.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.tap.TapService;

/** DataLink 1.1 {links} endpoint: {@code GET /datalink/links?ID=training/<name>&ID=classified/<run>/<name>}. */
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

    @Context
    UriInfo uri;

    @GET
    @Path("links")
    public Response links() {
        if (!tap.runtime().ready()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                    .entity("The service is not ready").build();
        }
        List<String> ids = uri.getQueryParameters().getOrDefault("ID", List.of());
        if (ids.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity("Give ID=training/<name> or ID=classified/<run_id>/<name> (repeatable)").build();
        }
        if (ids.size() > MAX_IDS) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity("ID is given " + ids.size() + " times; at most " + MAX_IDS + " IDs per request").build();
        }
        SourceLinks links = new SourceLinks(security.url("tap"), security.url("classify"));
        try (Connection c = tap.runtime().database().connection()) {
            return Response.ok(LinksVoTable.render(links.links(c, ids)), LinksVoTable.MIME).build();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "DataLink lookup failed", e);
            return Response.serverError().type(MediaType.TEXT_PLAIN).entity("The lookup failed: " + e.getMessage())
                    .build();
        }
    }
}
