package org.muwclass.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerifierTest {

    static final String ISS = "https://issuer.test";
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    final long now = clock.instant().getEpochSecond();

    JwtVerifier hs() {
        return new JwtVerifier(ISS, SECRET, null, Duration.ofSeconds(60), clock);
    }

    String refusal(JwtVerifier v, String token) {
        return assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token)).getMessage();
    }

    @Test
    void validHs256TokenGivesUpnAndGroups() throws Exception {
        AuthenticatedUser u = hs().verify(Tokens.hs256(SECRET, Tokens.claims(ISS, "s-123", now + 600,
                "\"upn\":\"carol\",\"groups\":[\"operator\",\"astro\"]")));
        assertEquals("carol", u.name());
        assertEquals(Set.of("operator", "astro"), u.roles());
        assertEquals(AuthenticatedUser.BEARER, u.scheme());
        assertEquals("s-123", hs().verify(Tokens.hs256(SECRET, Tokens.claims(ISS, "s-123", now + 600, ""))).name(),
                "sub without upn");
    }

    @Test
    void algNoneWrongSecretWrongIssuerAreRefused() throws Exception {
        String claims = Tokens.claims(ISS, "dave", now + 600, "");
        String none = Tokens.b64("{\"alg\":\"none\"}") + "." + Tokens.b64(claims) + ".";
        assertEquals("alg 'none' is not accepted; this service takes HS256", refusal(hs(), none));
        assertEquals("the signature does not verify", refusal(hs(),
                Tokens.hs256("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), claims)));
        assertEquals("the issuer (iss) is not the one this service trusts",
                refusal(hs(), Tokens.hs256(SECRET, Tokens.claims("https://evil.test", "dave", now + 600, ""))));
        assertEquals("not a signed JWT (three base64url parts separated by '.')", refusal(hs(), "abc.def"));
        assertEquals("the token has critical header extensions (crit), which are not supported", refusal(hs(),
                Tokens.hmac(SECRET, "{\"alg\":\"HS256\",\"crit\":[\"x\"]}", claims)));
    }

    @Test
    void expiryAndNotBeforeAllowTheSkewOnly() throws Exception {
        assertEquals("dave", hs().verify(Tokens.hs256(SECRET, Tokens.claims(ISS, "dave", now - 30, ""))).name(),
                "expired 30 s ago, within the 60 s skew");
        assertEquals("the token expired (exp)",
                refusal(hs(), Tokens.hs256(SECRET, Tokens.claims(ISS, "dave", now - 61, ""))));
        assertEquals("the token is not valid yet (nbf)", refusal(hs(), Tokens.hs256(SECRET,
                Tokens.claims(ISS, "dave", now + 600, "\"nbf\":" + (now + 120)))));
        assertEquals("the token has no numeric exp", refusal(hs(), Tokens.hs256(SECRET,
                "{\"iss\":\"" + ISS + "\",\"sub\":\"dave\"}")));
    }

    @Test
    void uriSubjectsAreNamesButControlCharactersAreNot() throws Exception {
        assertEquals("urn:uuid:5f0c", hs().verify(Tokens.hs256(SECRET, Tokens.claims(ISS, "urn:uuid:5f0c", now + 60,
                ""))).name());
        assertEquals("the token's name is not accepted: user name 'a?b' must have 1 to 200 characters and no control"
                + " characters", refusal(hs(), Tokens.hs256(SECRET, Tokens.claims(ISS, "a\\u0001b", now + 60, ""))));
    }

    @Test
    void theServiceOwnerCannotBeClaimed() throws Exception {
        assertEquals("the token's name is not accepted: user name 'muwclass-service' is reserved for the service's"
                + " own jobs", refusal(hs(), Tokens.hs256(SECRET, Tokens.claims(ISS, "muwclass-service", now + 60,
                ""))));
    }

    @Test
    void rs256VerifiesAndHmacWithThePublicKeyIsRefused(@TempDir Path dir) throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        JwtVerifier v = new JwtVerifier(ISS, null, JwtVerifier.readPublicKey(pem), Duration.ofSeconds(60), clock);
        String claims = Tokens.claims(ISS, "erin", now + 600, "");
        assertEquals("erin", v.verify(Tokens.signed("RS256", "SHA256withRSA", rsa.getPrivate(), claims)).name());
        // alg confusion: an HS256 token "signed" with the public key's bytes as the HMAC secret
        assertEquals("alg HS256 is not accepted by this service",
                refusal(v, Tokens.hs256(Files.readAllBytes(pem), claims)));
        assertEquals("alg HS256 is not accepted by this service",
                refusal(v, Tokens.hs256(rsa.getPublic().getEncoded(), claims)));
    }

    @Test
    void es256Verifies() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = g.generateKeyPair();
        JwtVerifier v = new JwtVerifier(ISS, null, ec.getPublic(), Duration.ofSeconds(60), clock);
        String claims = Tokens.claims(ISS, "frank", now + 600, "\"groups\":[]");
        assertEquals("frank", v.verify(Tokens.signed("ES256", "SHA256withECDSAinP1363Format", ec.getPrivate(),
                claims)).name());
        assertEquals("an ES256 signature has 64 bytes",
                refusal(v, Tokens.signed("ES256", "SHA256withECDSA", ec.getPrivate(), claims)), "DER form");
        assertEquals("alg RS256 is not accepted by this service", refusal(v, Tokens.signed("RS256", "SHA256withRSA",
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(), claims)));
        assertEquals("alg 'HS512' is not accepted; this service takes ES256",
                refusal(v, Tokens.hmac(new byte[32], "{\"alg\":\"HS512\"}", claims)));
    }

    @Test
    void shortSecretsAreRefused() {
        assertEquals("the HS256 secret must have 32 bytes or more (256 bits), got 5", assertThrows(
                IllegalArgumentException.class, () -> new JwtVerifier(ISS, "short".getBytes(StandardCharsets.UTF_8),
                        null, Duration.ZERO, clock)).getMessage());
    }
}
