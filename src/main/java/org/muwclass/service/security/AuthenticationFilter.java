package org.muwclass.service.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.logging.Logger;
import org.muwclass.service.config.SecuritySettings;

/**
 * Establishes who sends each request before JAX-RS sees it (WEB-INF/web.xml): Basic (user file) or Bearer (JWT)
 * credentials, else the trusted proxy's owner header when one is configured, else anonymous. The request is passed
 * on wrapped, so {@code SecurityContext.getUserPrincipal()} and {@code isUserInRole} work in the resources; the
 * principal is an {@link AuthenticatedUser}. Credentials that do not verify get 401 with a WWW-Authenticate
 * challenge; an address with too many failed password checks gets 429 until its window ends.
 */
public class AuthenticationFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());

    @Inject
    SecuritySettings settings;

    private Authenticator authenticator;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        try {
            authenticator = Authenticator.fromSettings(settings, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            // a broken user file or key must stop the deployment, not silently open the service
            throw new ServletException("Cannot read the authentication settings: " + e.getMessage(), e);
        }
        LOG.info(() -> "Authentication: Basic " + (settings.basicEnabled() ? "from " + settings.usersFile().get()
                : "off") + ", Bearer " + (settings.bearerEnabled() ? "for issuer " + settings.jwtIssuer().get()
                : "off") + ", owner header " + (settings.ownerHeader().isEmpty() ? "off" : settings.ownerHeader()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        Authenticator.Outcome outcome = authenticator.authenticate(authorization,
                settings.ownerHeader().isEmpty() ? null : request.getHeader(settings.ownerHeader()),
                request.getRemoteAddr());
        if (outcome.retryAfter() > 0) {
            response.setHeader("Retry-After", Long.toString(outcome.retryAfter()));
            Refusals.send(request, response, 429, "Authentication refused: " + outcome.failure());
            return;
        }
        if (outcome.failed()) {
            authenticator.challenges().forEach(c -> response.addHeader("WWW-Authenticate", c));
            Refusals.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication failed: "
                    + outcome.failure() + ". Send no Authorization header to work anonymously.");
            return;
        }
        chain.doFilter(outcome.user() == null ? request : new Authenticated(request, outcome.user()), response);
    }

    /** The request as the authenticated user. */
    private static final class Authenticated extends HttpServletRequestWrapper {
        private final AuthenticatedUser user;

        Authenticated(HttpServletRequest request, AuthenticatedUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return user.name();
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.roles().contains(role);
        }

        @Override
        public String getAuthType() {
            return user.scheme().equals(AuthenticatedUser.BASIC) ? HttpServletRequest.BASIC_AUTH : user.scheme();
        }
    }
}
