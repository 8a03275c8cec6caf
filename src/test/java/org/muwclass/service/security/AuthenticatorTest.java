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
        return settings(ownerHeader, 20);
    }

    static SecuritySettings settings(String ownerHeader, int failureLimit) {
        return new SecuritySettings(Optional.of(Path.of("users.txt")), Optional.of(JwtVerifierTest.ISS),
                Optional.of(Path.of("secret")), Optional.empty(), "operator", ownerHeader, failureLimit,
                Duration.ofMinutes(5),
                Duration.ofMinutes(1), URI.create("http://127.0.0.1:8080"), Set.of(), false);
    }

    Authenticator authenticator(String ownerHeader) {
        return authenticator(settings(ownerHeader));
    }

    Authenticator authenticator(SecuritySettings settings) {
        UserStore users = UserStore.parse(List.of(UserStoreTest.PYTHON_LINE), "users.txt");
        JwtVerifier jwt = new JwtVerifier(JwtVerifierTest.ISS, JwtVerifierTest.SECRET, null, Duration.ofMinutes(1),
                clock);
        return new Authenticator(settings, users, jwt, clock);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noCredentialsIsAnonymous() {
        Authenticator.Outcome o = authenticator("none").authenticate(null, "alice", "10.0.0.1");
        assertNull(o.user());
        assertFalse(o.failed());
    }

    @Test
    void basicLoginsAndTheirFailures() {
        Authenticator a = authenticator("none");
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null, "10.0.0.1").user().name());
        assertEquals("wrong user name or password", a.authenticate(basic("alice", "nope"), null, "10.0.0.1").failure());
        assertEquals("wrong user name or password", a.authenticate(basic("mallory", "secret-pw"), null, "10.0.0.1").failure());
        assertEquals("the Basic credentials are not base64", a.authenticate("Basic %%%", null, "10.0.0.1").failure());
        assertEquals("the Authorization scheme 'digest' is not supported; use Basic or Bearer",
                a.authenticate("Digest username=x", null, "10.0.0.1").failure());
    }

    @Test
    void rememberedLoginsExpire() {
        Authenticator a = authenticator("none");
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null, "10.0.0.1").user().name());
        clock.advance(Authenticator.CACHE_TIME.plusSeconds(1));
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null, "10.0.0.1").user().name(), "verified again");
        assertTrue(a.authenticate(basic("alice", "secret-pw "), null, "10.0.0.1").failed(), "a different password is not cached");
    }

    @Test
    void bearerTokens() throws Exception {
        long now = clock.instant().getEpochSecond();
        Authenticator a = authenticator("none");
        AuthenticatedUser u = a.authenticate("Bearer " + Tokens.hs256(JwtVerifierTest.SECRET,
                Tokens.claims(JwtVerifierTest.ISS, "gina", now + 60, "\"groups\":[\"operator\"]")), null, "10.0.0.1").user();
        assertEquals("gina", u.name());
        assertEquals(Set.of("operator"), u.roles());
        assertEquals("bearer token refused: the token expired (exp)", a.authenticate("bearer " + Tokens.hs256(
                JwtVerifierTest.SECRET, Tokens.claims(JwtVerifierTest.ISS, "gina", now - 600, "")), null, "10.0.0.1")
                .failure());
    }

    @Test
    void theOwnerHeaderIsIgnoredUnlessConfiguredAndNeverNamesTheService() {
        assertNull(authenticator("none").authenticate(null, "bob", "10.0.0.1").user(), "header off by default");
        Authenticator proxied = authenticator("X-Remote-User");
        AuthenticatedUser bob = proxied.authenticate(null, "bob", "10.0.0.1").user();
        assertEquals("bob", bob.name());
        assertEquals(Set.of(), bob.roles(), "a proxy header carries no roles");
        assertEquals("X-Remote-User: user name 'muwclass-service' is reserved for the service's own jobs",
                proxied.authenticate(null, "muwclass-service", "10.0.0.1").failure());
        assertEquals("alice", proxied.authenticate(basic("alice", "secret-pw"), "bob", "10.0.0.1").user().name(),
                "credentials win over the header");
    }

    @Test
    void passwordChecksAreCappedPerAddressButRememberedLoginsAndTokensStillWork() throws Exception {
        Authenticator a = authenticator(settings("none", 2));
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null, "10.0.0.1").user().name());
        assertEquals(0, a.authenticate(basic("alice", "guess1"), null, "10.0.0.9").retryAfter());
        assertEquals(0, a.authenticate(basic("alice", "guess2"), null, "10.0.0.9").retryAfter());
        Authenticator.Outcome blocked = a.authenticate(basic("alice", "secret-pw-new"), null, "10.0.0.9");
        assertEquals(300, blocked.retryAfter());
        assertEquals("too many failed logins from 10.0.0.9 (2 in 300 s, muwclass.auth.failures.limit); try again in"
                + " 300 s", blocked.failure());
        assertEquals("alice", a.authenticate(basic("alice", "secret-pw"), null, "10.0.0.9").user().name(),
                "a remembered login costs no password check");
        assertEquals("gina", a.authenticate("Bearer " + Tokens.hs256(JwtVerifierTest.SECRET, Tokens.claims(
                JwtVerifierTest.ISS, "gina", clock.instant().getEpochSecond() + 60, "")), null, "10.0.0.9").user()
                .name(), "tokens are not capped");
        assertFalse(a.authenticate(basic("alice", "guess3"), null, "10.0.0.2").retryAfter() > 0, "other address");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, a.authenticate(basic("alice", "guess4"), null, "10.0.0.9").retryAfter(), "window over");
    }

    @Test
    void challengesNameTheConfiguredSchemes() {
        assertEquals(List.of("Basic realm=\"MUWCLASS-VO\", charset=\"UTF-8\"",
                "Bearer realm=\"MUWCLASS-VO\", error=\"invalid_token\""), authenticator("none").challenges());
    }
}
