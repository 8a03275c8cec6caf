package org.muwclass.service.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.muwclass.service.config.SecuritySettings;

/**
 * First filter of every request (WEB-INF/web.xml): adds the browser hardening headers to every response, and
 * refuses (403) a state-changing request (POST, PUT, DELETE, PATCH) whose {@code Origin} is not allowed, so another
 * site's page cannot make a visitor's browser create, change or delete jobs or run queries (CSRF). Requests
 * without an Origin (pyvo, TOPCAT, curl, same-origin GET) pass.
 */
public class BrowserHygieneFilter extends HttpFilter {

    /**
     * The pages load scripts, styles and images from the service itself; style attributes set by scripts need
     * 'unsafe-inline' for styles; the SAMP web profile hub listens on localhost:21012.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; connect-src 'self' http://localhost:21012 http://127.0.0.1:21012;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Inject
    SecuritySettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addHeaders(response);
        String origin = request.getHeader("Origin");
        if (origin != null && STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
                && !allowed(settings.allowedOrigins(), origin)) {
            Refusals.send(request, response, HttpServletResponse.SC_FORBIDDEN, "Origin '" + clip(origin)
                    + "' may not " + request.getMethod() + " to this service; allowed origins: "
                    + String.join(", ", settings.allowedOrigins()) + " (muwclass.http.allowed.origins and the"
                    + " origin of muwclass.http.base.url). Clients without a browser send no Origin and are not"
                    + " affected.");
            return;
        }
        chain.doFilter(request, response);
    }

    static void addHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Whether a browser's Origin header names an allowed origin ("null" and malformed ones never are). */
    static boolean allowed(Set<String> allowedOrigins, String origin) {
        try {
            return allowedOrigins.contains(SecuritySettings.normalizeOrigin(origin));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
