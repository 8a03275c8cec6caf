package org.muwclass.service.uws.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** UWS 1.1 cross-validation jobs at /evaluate (job kind "evaluate"). */
@Path("evaluate")
@RequestScoped
public class EvaluateResource extends UwsJobsResource {

    @Override
    protected String kind() {
        return "evaluate";
    }

    @Override
    protected String listPath() {
        return "evaluate";
    }
}
