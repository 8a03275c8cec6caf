package org.muwclass.service.tap.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.muwclass.service.tap.TapJobKind;
import org.muwclass.service.tap.query.ResultWriter;
import org.muwclass.service.uws.http.UwsJobsResource;
import org.muwclass.tables.MediaTypes;

/**
 * /tap/async: the UWS 1.1 job list of TAP queries, returned by {@link TapResource}'s sub-resource locator. A failed
 * query's /error is a DALI error VOTable, as TAP 1.1 requires.
 */
public class TapAsyncResource extends UwsJobsResource {

    @Override
    protected String kind() {
        return TapJobKind.NAME;
    }

    @Override
    protected String listPath() {
        return "tap/async";
    }

    @Override
    public Response error(String id, HttpHeaders headers, SecurityContext security) {
        Response r = super.error(id, headers, security);
        if (r.getStatus() == Response.Status.OK.getStatusCode() && r.getEntity() instanceof String message) {
            return Response.ok(ResultWriter.errorDocument(message), MediaTypes.VOTABLE).build();
        }
        return r;
    }
}
