package org.muwclass.service.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.muwclass.service.config.SecuritySettings;

/**
 * Turns a request's {@code Authorization} header (and, when configured, the trusted proxy's owner header) into an
 * identity. No credentials: anonymous. Credentials that do not verify: a failure, whose message the client may
 * see. Successful Basic logins are remembered for {@link #CACHE_TIME} under an HMAC of the credentials, so that
 * clients sending Basic with every request (pyvo, TOPCAT) do not pay the PBKDF2 cost each time.
 */
public final class Authenticator {

    /** How long a verified Basic login is remembered. */
    public static final java.time.Duration CACHE_TIME = java.time.Duration.ofMinutes(5);
    private static final int CACHE_LIMIT = 10_000;

    /**
     * What a request's credentials amount to.
     *
     * @param user       the identity, or null (anonymous or failed)
     * @param failure    why the credentials were refused, or null
     * @param retryAfter seconds the client's address must wait before its next password check (0: none; the
     *                   refusal is then "too many failures", HTTP 429)
     */
    public record Outcome(AuthenticatedUser user, String failure, long retryAfter) {
        static final Outcome ANONYMOUS = new Outcome(null, null, 0);

        Outcome(AuthenticatedUser user, String failure) {
            this(user, failure, 0);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    private record Remembered(AuthenticatedUser user, Instant until) {
    }

    private final SecuritySettings settings;
    private final UserStore users;
    private final JwtVerifier jwt;
    private final Clock clock;
    private final FailureCounter failures;
    private final byte[] cacheKey = new byte[32];
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    public Authenticator(SecuritySettings settings, UserStore users, JwtVerifier jwt, Clock clock) {
        this.settings = settings;
        this.failures = new FailureCounter(settings.failureLimit(), settings.failureWindow(), clock);
        this.users = users;
        this.jwt = jwt;
        this.clock = clock;
        new SecureRandom().nextBytes(cacheKey);
    }

    /** Reads the user file and the JWT key material the settings name. */
    public static Authenticator fromSettings(SecuritySettings s, Clock clock) throws IOException {
        UserStore users = s.usersFile().isPresent() ? UserStore.read(s.usersFile().get()) : null;
        JwtVerifier jwt = null;
        if (s.bearerEnabled()) {
            jwt = new JwtVerifier(s.jwtIssuer().orElseThrow(),
                    s.jwtSecretFile().isPresent() ? JwtVerifier.readSecret(s.jwtSecretFile().get()) : null,
                    s.jwtKeyFile().isPresent() ? JwtVerifier.readPublicKey(s.jwtKeyFile().get()) : null,
                    s.jwtSkew(), clock);
        }
        return new Authenticator(s, users, jwt, clock);
    }

    /**
     * @param authorization the Authorization header, or null
     * @param ownerHeader   the value of the configured owner header, or null (ignored unless configured)
     * @param address       the client's address: failed password checks are counted per address
     */
    public Outcome authenticate(String authorization, String ownerHeader, String address) {
        if (authorization != null && !authorization.isBlank()) {
            return credentials(authorization.strip(), address == null ? "unknown" : address);
        }
        if (!settings.ownerHeader().isEmpty() && ownerHeader != null && !ownerHeader.isBlank()) {
            String name = ownerHeader.strip();
            try {
                UserStore.checkOwner(name);
            } catch (IllegalArgumentException e) {
                return new Outcome(null, settings.ownerHeader() + ": " + e.getMessage());
            }
            return new Outcome(new AuthenticatedUser(name, java.util.Set.of(), AuthenticatedUser.PROXY), null);
        }
        return Outcome.ANONYMOUS;
    }

    private Outcome credentials(String authorization, String address) {
        int space = authorization.indexOf(' ');
        String scheme = (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        return switch (scheme) {
            case "basic" -> basic(value, address);
            case "bearer" -> bearer(value);
            default -> new Outcome(null, "the Authorization scheme '" + scheme + "' is not supported; use "
                    + schemes());
        };
    }

    /**
     * A remembered login costs nothing and is always answered; a password check (PBKDF2) is refused while the
     * address has too many recent failures, so guessing is capped per address (bearer tokens are cheap to check
     * and are not capped).
     */
    private Outcome basic(String value, String address) {
        if (users == null) {
            return new Outcome(null, "this service has no Basic logins (muwclass.auth.users.file is not set)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Outcome(null, "the Basic credentials are not name:password");
        }
        String key = cacheKey(decoded);
        Remembered r = verified.get(key);
        Instant now = clock.instant();
        if (r != null && now.isBefore(r.until())) {
            return new Outcome(r.user(), null);
        }
        long wait = failures.blockedForSeconds(address);
        if (wait > 0) {
            return new Outcome(null, "too many failed logins from " + address + " (" + failures.limit() + " in "
                    + failures.window().toSeconds() + " s, muwclass.auth.failures.limit); try again in " + wait
                    + " s", wait);
        }
        String name = decoded.substring(0, colon);
        AuthenticatedUser user = users.authenticate(name, decoded.substring(colon + 1).toCharArray()).orElse(null);
        if (user == null) {
            failures.failed(address);
            return new Outcome(null, "wrong user name or password");
        }
        if (verified.size() >= CACHE_LIMIT) {
            verified.values().removeIf(x -> !now.isBefore(x.until()));
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
        }
        verified.put(key, new Remembered(user, now.plus(CACHE_TIME)));
        return new Outcome(user, null);
    }

    private Outcome bearer(String token) {
        if (jwt == null) {
            return new Outcome(null, "this service takes no bearer tokens (muwclass.auth.jwt.* is not set)");
        }
        try {
            return new Outcome(jwt.verify(token), null);
        } catch (JwtVerifier.InvalidToken e) {
            return new Outcome(null, "bearer token refused: " + e.getMessage());
        }
    }

    private String schemes() {
        return settings.basicEnabled() && settings.bearerEnabled() ? "Basic or Bearer"
                : settings.basicEnabled() ? "Basic" : settings.bearerEnabled() ? "Bearer" : "no credentials";
    }

    /** The WWW-Authenticate challenges of a 401 (RFC 7235), one per configured scheme. */
    public java.util.List<String> challenges() {
        java.util.List<String> c = new java.util.ArrayList<>();
        if (settings.basicEnabled() || !settings.bearerEnabled()) {
            c.add("Basic realm=\"MUWCLASS-VO\", charset=\"UTF-8\"");
        }
        if (settings.bearerEnabled()) {
            c.add("Bearer realm=\"MUWCLASS-VO\", error=\"invalid_token\"");
        }
        return c;
    }

    private String cacheKey(String credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
