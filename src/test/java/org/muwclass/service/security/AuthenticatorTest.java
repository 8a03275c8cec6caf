package org.muwclass.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muwclass.service.config.SecuritySettings;

class AuthenticatorTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    static SecuritySettings settings(String ownerHeader) {
        return new SecuritySettings(Optional.of(Path.of("users.txt")), Optional.of(JwtVerifierTest.ISS),
                Optional.of(Path.of("secret")), Optional.empty(), "operator", ownerHeader, 20, Duration.ofMinutes(5),
                Duration.ofMinutes(1), URI.create("http://127.0.0.1:8080"), Set.of(), false);
    }

    Authenticator authenticator(String ownerHeader) {
        UserStore users = UserStore.parse(List.of(UserStoreTest.PYTHON_LINE), "users.txt");
        JwtVerifier jwt = new JwtVerifier(JwtVerifierTest.ISS, JwtVerifierTest.SECRET, null, Duration.ofMinutes(1),
                clock);
        return new Authenticator(settings(ownerHeader), users, jwt, clock);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noCredentialsIsAnonymous() {
        Authenticator.Outcome o = authenticator("none").authenticate(null, "alice");
        assertNull(o.user());
        assertFalse(o.failed());
    }

    @Test
    void basicLoginsAndTheirFailures() {
        Authenticator a = authenticator("none");
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null).user().name());
        assertEquals("wrong user name or password", a.authenticate(basic("alice", "nope"), null).failure());
        assertEquals("wrong user name or password", a.authenticate(basic("mallory", "secret-pw"), null).failure());
        assertEquals("the Basic credentials are not base64", a.authenticate("Basic %%%", null).failure());
        assertEquals("the Authorization scheme 'digest' is not supported; use Basic or Bearer",
                a.authenticate("Digest username=x", null).failure());
    }

    @Test
    void rememberedLoginsExpire() {
        Authenticator a = authenticator("none");
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null).user().name());
        clock.advance(Authenticator.CACHE_TIME.plusSeconds(1));
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null).user().name(), "verified again");
        assertTrue(a.authenticate(basic("alice", "secret-pw "), null).failed(), "a different password is not cached");
    }

    @Test
    void bearerTokens() throws Exception {
        long now = clock.instant().getEpochSecond();
        Authenticator a = authenticator("none");
        AuthenticatedUser u = a.authenticate("Bearer " + Tokens.hs256(JwtVerifierTest.SECRET,
                Tokens.claims(JwtVerifierTest.ISS, "gina", now + 60, "\"groups\":[\"operator\"]")), null).user();
        assertEquals("gina", u.name());
        assertEquals(Set.of("operator"), u.roles());
        assertEquals("bearer token refused: the token expired (exp)", a.authenticate("bearer " + Tokens.hs256(
                JwtVerifierTest.SECRET, Tokens.claims(JwtVerifierTest.ISS, "gina", now - 600, "")), null).failure());
    }

    @Test
    void theOwnerHeaderIsIgnoredUnlessConfiguredAndNeverNamesTheService() {
        assertNull(authenticator("none").authenticate(null, "bob").user(), "header off by default");
        Authenticator proxied = authenticator("X-Remote-User");
        AuthenticatedUser bob = proxied.authenticate(null, "bob").user();
        assertEquals("bob", bob.name());
        assertEquals(Set.of(), bob.roles(), "a proxy header carries no roles");
        assertEquals("X-Remote-User: user name 'muwclass-service' is reserved for the service's own jobs",
                proxied.authenticate(null, "muwclass-service").failure());
        assertEquals("alice", proxied.authenticate(basic("alice", "secret-pw"), "bob").user().name(),
                "credentials win over the header");
    }

    @Test
    void challengesNameTheConfiguredSchemes() {
        assertEquals(List.of("Basic realm=\"MUWCLASS-VO\", charset=\"UTF-8\"",
                "Bearer realm=\"MUWCLASS-VO\", error=\"invalid_token\""), authenticator("none").challenges());
    }
}
