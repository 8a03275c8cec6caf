package org.muwclass.service.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Identities, access and browser hygiene (docs/security.md, sections "Identities and access" and "Browser and
 * network hygiene").
 *
 * @param usersFile       Basic user store, lines {@code name:role1,role2:pbkdf2-sha256$ITER$SALT$HASH}
 *                        (muwclass.auth.users.file; empty: no Basic logins)
 * @param jwtIssuer       required {@code iss} of bearer tokens (muwclass.auth.jwt.issuer)
 * @param jwtSecretFile   HS256 shared secret, the file's bytes trimmed (muwclass.auth.jwt.secret.file)
 * @param jwtKeyFile      PEM public key for RS256 or ES256 tokens (muwclass.auth.jwt.key.file)
 * @param operatorRole    role allowed to publish (PUBLISH=yes) (muwclass.auth.operator.role, default operator)
 * @param ownerHeader     header a trusted proxy sets to name the owner; empty when off (muwclass.jobs.owner.header,
 *                        default none)
 * @param failureLimit    failed logins per client address within {@code failureWindow} before further attempts
 *                        get 429 (muwclass.auth.failures.limit, default 20)
 * @param failureWindow   window of that count (muwclass.auth.failures.window.s, seconds, default 300)
 * @param jwtSkew         allowed clock difference for exp and nbf (muwclass.auth.jwt.skew.s, seconds, default 60)
 * @param baseUrl         absolute base of every URL the service writes, without a trailing slash
 *                        (muwclass.http.base.url, default http://127.0.0.1:8080)
 * @param allowedOrigins  origins (scheme://host[:port], lower case) allowed to POST, PUT or DELETE; the base URL's
 *                        origin is always among them (muwclass.http.allowed.origins, comma list)
 * @param metricsPublic   whether /metrics and /openapi are served (muwclass.http.metrics.public, default false;
 *                        read by scripts/run.sh, which writes the Payara Micro preboot commands)
 */
public record SecuritySettings(Optional<Path> usersFile, Optional<String> jwtIssuer, Optional<Path> jwtSecretFile,
                               Optional<Path> jwtKeyFile, String operatorRole, String ownerHeader, int failureLimit,
                               Duration failureWindow, Duration jwtSkew, URI baseUrl, Set<String> allowedOrigins,
                               boolean metricsPublic) {

    /** Owner id of the service's own jobs (the demo fields): no client may ever claim it. */
    public static final String SERVICE_OWNER = "muwclass-service";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";

    public SecuritySettings {
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(jwtIssuer, "jwtIssuer");
        Objects.requireNonNull(jwtSecretFile, "jwtSecretFile");
        Objects.requireNonNull(jwtKeyFile, "jwtKeyFile");
        if (operatorRole == null || operatorRole.isBlank()) {
            throw new IllegalArgumentException("muwclass.auth.operator.role must not be empty");
        }
        operatorRole = operatorRole.trim();
        ownerHeader = ownerHeader == null || ownerHeader.isBlank() || ownerHeader.trim().equalsIgnoreCase("none")
                ? "" : ownerHeader.trim();
        if (ownerHeader.equalsIgnoreCase("Authorization")) {
            throw new IllegalArgumentException("muwclass.jobs.owner.header must not be Authorization");
        }
        if (failureLimit < 1) {
            throw new IllegalArgumentException("muwclass.auth.failures.limit must be 1 or more, got " + failureLimit);
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("muwclass.auth.failures.window.s must be positive, got "
                    + failureWindow.toSeconds());
        }
        if (jwtSkew.isNegative() || jwtSkew.toSeconds() > 600) {
            throw new IllegalArgumentException("muwclass.auth.jwt.skew.s must be from 0 to 600, got "
                    + jwtSkew.toSeconds());
        }
        if ((jwtSecretFile.isPresent() || jwtKeyFile.isPresent()) && jwtIssuer.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("muwclass.auth.jwt.issuer is required when a JWT secret or key file"
                    + " is set");
        }
        baseUrl = checkBaseUrl(baseUrl);
        Set<String> origins = new LinkedHashSet<>();
        origins.add(originOf(baseUrl));
        for (String o : allowedOrigins) {
            origins.add(normalizeOrigin(o));
        }
        allowedOrigins = Set.copyOf(origins);
    }

    /** Reads every property with its documented default. */
    public static SecuritySettings fromConfig(Config cfg) {
        return new SecuritySettings(
                path(cfg, "muwclass.auth.users.file"),
                cfg.getOptionalValue("muwclass.auth.jwt.issuer", String.class).map(String::trim)
                        .filter(s -> !s.isEmpty()),
                path(cfg, "muwclass.auth.jwt.secret.file"),
                path(cfg, "muwclass.auth.jwt.key.file"),
                cfg.getOptionalValue("muwclass.auth.operator.role", String.class).orElse("operator"),
                cfg.getOptionalValue("muwclass.jobs.owner.header", String.class).orElse("none"),
                cfg.getOptionalValue("muwclass.auth.failures.limit", Integer.class).orElse(20),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.auth.failures.window.s", Long.class).orElse(300L)),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.auth.jwt.skew.s", Long.class).orElse(60L)),
                URI.create(cfg.getOptionalValue("muwclass.http.base.url", String.class).orElse(DEFAULT_BASE_URL)
                        .trim()),
                Set.of(cfg.getOptionalValue("muwclass.http.allowed.origins", String.class).orElse("").split(","))
                        .stream().map(String::trim).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors
                                .toSet()),
                cfg.getOptionalValue("muwclass.http.metrics.public", Boolean.class).orElse(false));
    }

    /** Settings for tests and tools: no logins, defaults elsewhere, the given base URL. */
    public static SecuritySettings defaults(String baseUrl) {
        return new SecuritySettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "operator", "none", 20, Duration.ofMinutes(5), Duration.ofMinutes(1), URI.create(baseUrl), Set.of(),
                false);
    }

    /** Whether Basic logins are configured. */
    public boolean basicEnabled() {
        return usersFile.isPresent();
    }

    /** Whether bearer tokens are configured. */
    public boolean bearerEnabled() {
        return jwtSecretFile.isPresent() || jwtKeyFile.isPresent();
    }

    /** The absolute URL of {@code path} below the base URL ({@code path} without a leading slash). */
    public String url(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? baseUrl.toString() : baseUrl + "/" + p;
    }

    /** {@code scheme://host[:port]} of an absolute URL, lower case, the default port left out (as browsers send). */
    public static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** An origin as configured, checked and normalised like a browser's Origin header. */
    public static String normalizeOrigin(String origin) {
        URI u;
        try {
            u = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("muwclass.http.allowed.origins: '" + origin + "' is not a URL");
        }
        if (u.getScheme() == null || u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty()
                && !u.getPath().equals("/")) || u.getQuery() != null || u.getFragment() != null
                || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("muwclass.http.allowed.origins: '" + origin
                    + "' is not an origin such as https://example.org or http://localhost:8080");
        }
        return originOf(u);
    }

    private static URI checkBaseUrl(URI u) {
        Objects.requireNonNull(u, "muwclass.http.base.url");
        if (u.getScheme() == null || u.getHost() == null || u.getQuery() != null || u.getFragment() != null
                || u.getUserInfo() != null
                || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("muwclass.http.base.url must be an absolute http(s) URL without query,"
                    + " such as https://example.org/muwclass; got '" + u + "'");
        }
        String s = u.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    private static Optional<Path> path(Config cfg, String name) {
        return cfg.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty()
                && !s.equalsIgnoreCase("none")).map(Path::of);
    }
}
