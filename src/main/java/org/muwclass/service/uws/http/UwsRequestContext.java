package org.muwclass.service.uws.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Supplier;
import org.muwclass.service.dali.BadRequestException;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.RequestBody;
import org.muwclass.service.dali.UploadTooLargeException;
import org.muwclass.service.security.AuthenticationFilter;
import org.muwclass.service.security.Callers;
import org.muwclass.service.uws.Caller;

/**
 * What a UWS endpoint needs to know about its request, injected as one {@code @BeanParam}: who sends it (as
 * {@link AuthenticationFilter} established), the query string and the body's headers. JAX-RS fills a new instance
 * per request, also for sub-resources created with {@code new} ({@code /tap/async}).
 */
public class UwsRequestContext {

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servlet;

    /** For tests and callers outside JAX-RS; any argument may be null. */
    static UwsRequestContext of(SecurityContext security, HttpHeaders headers, UriInfo uri,
                                HttpServletRequest servlet) {
        UwsRequestContext c = new UwsRequestContext();
        c.security = security;
        c.headers = headers;
        c.uri = uri;
        c.servlet = servlet;
        return c;
    }

    /** The security context (principal and roles), or null. */
    public SecurityContext security() {
        return security;
    }

    /**
     * Who sends the request: identity and roles from the principal {@link AuthenticationFilter} set, the address
     * from the servlet request (null: unknown).
     */
    public Caller caller() {
        return Callers.of(security == null ? null : security.getUserPrincipal(),
                servlet == null ? null : servlet.getRemoteAddr());
    }

    /** The owner id of the request; null: anonymous. */
    public String owner() {
        return caller().owner();
    }

    /** The query-string parameters, in the order sent. */
    public DaliParameters query() throws BadRequestException, UploadTooLargeException {
        return uri == null ? DaliParameters.EMPTY : RequestBody.queryParameters(uri.getRequestUri().getRawQuery());
    }

    /** A request header, or null. */
    public String header(String name) {
        return headers == null ? null : headers.getHeaderString(name);
    }

    /**
     * The form the servlet container parsed before the body reached the resource (usually empty), asked only when
     * called: asking makes the container read a form body itself.
     */
    public Supplier<Map<String, String[]>> containerForm() {
        return servlet == null ? null : servlet::getParameterMap;
    }
}
