package org.muwclass.service.uws.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** UWS 1.1 classification jobs at /classify (job kind "classify"). */
@Path("classify")
@RequestScoped
public class ClassifyResource extends UwsJobsResource {

    @Override
    protected String kind() {
        return "classify";
    }

    @Override
    protected String listPath() {
        return "classify";
    }
}
