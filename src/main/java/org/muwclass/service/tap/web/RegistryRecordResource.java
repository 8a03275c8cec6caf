package org.muwclass.service.tap.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.muwclass.service.config.SecuritySettings;
import org.muwclass.service.tap.TapService;

/** {@code GET /tap/resource}: the VOResource record a registry harvests ({@link RegistryRecord}). */
@Path("tap/resource")
@RequestScoped
public class RegistryRecordResource {

    @Inject
    TapService tap;

    @Inject
    SecuritySettings security;

    @GET
    @Produces("text/xml")
    public Response record() {
        if (!tap.runtime().ready()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                    .entity("The service is not ready").build();
        }
        String tapUrl = security.url("tap");
        List<String> methods = new ArrayList<>();
        if (security.basicEnabled()) {
            methods.add(CapabilitiesDocument.BASIC_AA);
        }
        if (security.bearerEnabled()) {
            methods.add(CapabilitiesDocument.TOKEN);
        }
        String capabilities = CapabilitiesDocument.render(tapUrl, tap.config(), methods);
        String tableset = TablesDocument.tableset(tap.metadata(), true);
        try {
            return Response.ok(RegistryRecord.render(tap.metadata().service(), capabilities, tableset,
                    tap.runtime().upSince())).build();
        } catch (IllegalArgumentException e) { // incomplete vo-config: the operator's to fix
            return Response.serverError().type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }
}
