package org.muwclass.service.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies compact JWS bearer tokens (RFC 7519) with the JDK: HS256 with a shared secret, RS256 or ES256 with a PEM
 * public key. The accepted algorithm follows from the configured key, never from the token alone: "none", an
 * HMAC token when only a public key is set (alg confusion) and any other alg are refused. Then iss must match,
 * exp must lie ahead and nbf (if present) behind, each with {@code skew}. The name is {@code upn}, else
 * {@code sub}; roles come from {@code groups} (MicroProfile JWT's claims).
 */
public final class JwtVerifier {

    /** Longest token accepted, in characters. */
    public static final int MAX_TOKEN = 8192;

    private final String issuer;
    private final byte[] secret;
    private final PublicKey publicKey;
    private final Duration skew;
    private final Clock clock;

    /**
     * @param issuer    required iss
     * @param secret    HS256 secret (at least 32 bytes), or null
     * @param publicKey RSA (RS256) or EC P-256 (ES256) key, or null
     */
    public JwtVerifier(String issuer, byte[] secret, PublicKey publicKey, Duration skew, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        if (secret == null && publicKey == null) {
            throw new IllegalArgumentException("a JWT secret or public key is needed");
        }
        if (secret != null && secret.length < 32) {
            throw new IllegalArgumentException("the HS256 secret must have 32 bytes or more (256 bits), got "
                    + secret.length);
        }
        if (publicKey != null && !(publicKey instanceof RSAPublicKey) && !(publicKey instanceof ECPublicKey)) {
            throw new IllegalArgumentException("the JWT public key must be RSA or EC, got " + publicKey.getAlgorithm());
        }
        this.secret = secret == null ? null : secret.clone();
        this.publicKey = publicKey;
        this.skew = skew;
        this.clock = clock;
    }

    /** The secret file's bytes with surrounding white space removed. */
    public static byte[] readSecret(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
    }

    /** An X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}) with an RSA or EC key. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + ": expected a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 26, end));
        for (String alg : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next
            }
        }
        throw new IOException(file + ": the PEM key is neither RSA nor EC");
    }

    /** The token's identity, or an exception whose message says what is wrong (safe to show the client). */
    public AuthenticatedUser verify(String token) throws InvalidToken {
        if (token.length() > MAX_TOKEN) {
            throw new InvalidToken("the token is longer than " + MAX_TOKEN + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidToken("not a signed JWT (three base64url parts separated by '.')");
        }
        JsonObject header = json(parts[0], "header");
        JsonObject claims = json(parts[1], "payload");
        String alg = header.containsKey("alg") && header.get("alg") instanceof JsonString s ? s.getString() : "";
        if (header.containsKey("crit")) {
            throw new InvalidToken("the token has critical header extensions (crit), which are not supported");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = decode(parts[2], "signature");
        if (!signatureValid(alg, signed, signature)) {
            throw new InvalidToken("the signature does not verify");
        }
        if (!(claims.get("iss") instanceof JsonString iss) || !iss.getString().equals(issuer)) {
            throw new InvalidToken("the issuer (iss) is not the one this service trusts");
        }
        long now = clock.instant().getEpochSecond();
        long exp = seconds(claims, "exp", true);
        if (now >= exp + skew.toSeconds()) {
            throw new InvalidToken("the token expired (exp)");
        }
        if (claims.containsKey("nbf") && now < seconds(claims, "nbf", true) - skew.toSeconds()) {
            throw new InvalidToken("the token is not valid yet (nbf)");
        }
        String name = string(claims, "upn");
        if (name == null) {
            name = string(claims, "sub");
        }
        if (name == null) {
            throw new InvalidToken("the token names nobody (no upn or sub)");
        }
        try {
            UserStore.checkOwner(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("the token's name is not accepted: " + e.getMessage());
        }
        return new AuthenticatedUser(name, groups(claims), AuthenticatedUser.BEARER);
    }

    private boolean signatureValid(String alg, byte[] signed, byte[] signature) throws InvalidToken {
        try {
            switch (alg) {
                case "HS256" -> {
                    if (secret == null) {
                        throw new InvalidToken("alg HS256 is not accepted by this service");
                    }
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                    return MessageDigest.isEqual(mac.doFinal(signed), signature);
                }
                case "RS256" -> {
                    if (!(publicKey instanceof RSAPublicKey)) {
                        throw new InvalidToken("alg RS256 is not accepted by this service");
                    }
                    return verify("SHA256withRSA", signed, signature);
                }
                case "ES256" -> {
                    if (!(publicKey instanceof ECPublicKey) || signature.length != 64) {
                        throw new InvalidToken(publicKey instanceof ECPublicKey
                                ? "an ES256 signature has 64 bytes" : "alg ES256 is not accepted by this service");
                    }
                    return verify("SHA256withECDSAinP1363Format", signed, signature);
                }
                default -> throw new InvalidToken("alg '" + alg + "' is not accepted; this service takes "
                        + accepted());
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private String accepted() {
        Set<String> algs = new LinkedHashSet<>();
        if (secret != null) {
            algs.add("HS256");
        }
        if (publicKey instanceof RSAPublicKey) {
            algs.add("RS256");
        }
        if (publicKey instanceof ECPublicKey) {
            algs.add("ES256");
        }
        return String.join(", ", algs);
    }

    private boolean verify(String algorithm, byte[] signed, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(publicKey);
        s.update(signed);
        return s.verify(signature);
    }

    private static JsonObject json(String part, String what) throws InvalidToken {
        String text = new String(decode(part, what), StandardCharsets.UTF_8);
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidToken("the token's " + what + " is not a JSON object");
        }
    }

    private static byte[] decode(String part, String what) throws InvalidToken {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("the token's " + what + " is not base64url");
        }
    }

    private static long seconds(JsonObject claims, String name, boolean required) throws InvalidToken {
        JsonValue v = claims.get(name);
        if (v instanceof JsonNumber n) {
            return n.longValue();
        }
        if (v == null && !required) {
            return Long.MIN_VALUE;
        }
        throw new InvalidToken("the token has no numeric " + name);
    }

    private static String string(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static Set<String> groups(JsonObject claims) throws InvalidToken {
        JsonValue v = claims.get("groups");
        if (v == null || v == JsonValue.NULL) {
            return Set.of();
        }
        if (!(v instanceof JsonArray a) || a.size() > 100) {
            throw new InvalidToken("groups must be an array of at most 100 strings");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonValue g : a) {
            if (!(g instanceof JsonString s)) {
                throw new InvalidToken("groups must be an array of strings");
            }
            roles.add(s.getString());
        }
        return roles;
    }

    /** A token that is refused; the message says why. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message);
        }
    }
}
