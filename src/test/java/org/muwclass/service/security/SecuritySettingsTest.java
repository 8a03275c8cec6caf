package org.muwclass.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.muwclass.service.config.SecuritySettings;

class SecuritySettingsTest {

    static SecuritySettings with(String base, Set<String> origins) {
        return new SecuritySettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "operator", null, 20, Duration.ofMinutes(5), Duration.ofMinutes(1), URI.create(base), origins, false);
    }

    @Test
    void urlsComeFromTheBaseUrl() {
        SecuritySettings s = with("https://vo.example.org/muwclass/", Set.of());
        assertEquals("https://vo.example.org/muwclass/tap", s.url("tap"));
        assertEquals("https://vo.example.org/muwclass/classify/abc", s.url("/classify/abc"));
        assertEquals("", s.ownerHeader(), "the owner header is off unless named");
        assertEquals(Set.of("https://vo.example.org"), s.allowedOrigins(), "the base URL's origin, default port out");
    }

    @Test
    void originsAreNormalisedAndChecked() {
        SecuritySettings s = with("http://127.0.0.1:8080", Set.of("HTTP://LocalHost:8080/", "https://a.example:443"));
        assertEquals(Set.of("http://127.0.0.1:8080", "http://localhost:8080", "https://a.example"),
                s.allowedOrigins());
        assertTrue(BrowserHygieneFilter.allowed(s.allowedOrigins(), "http://localhost:8080"));
        assertFalse(BrowserHygieneFilter.allowed(s.allowedOrigins(), "http://localhost:8081"));
        assertFalse(BrowserHygieneFilter.allowed(s.allowedOrigins(), "null"), "sandboxed frames and files");
        assertFalse(BrowserHygieneFilter.allowed(s.allowedOrigins(), "https://127.0.0.1:8080.evil.example"));
        assertEquals("muwclass.http.allowed.origins: 'https://a.example/path' is not an origin such as"
                + " https://example.org or http://localhost:8080", assertThrows(IllegalArgumentException.class,
                () -> with("http://127.0.0.1:8080", Set.of("https://a.example/path"))).getMessage());
    }

    @Test
    void badBaseUrlsAreRefused() {
        assertEquals("muwclass.http.base.url must be an absolute http(s) URL without query, such as"
                + " https://example.org/muwclass; got '/relative'", assertThrows(IllegalArgumentException.class,
                () -> with("/relative", Set.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> with("ftp://example.org", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> with("http://example.org/?x=1", Set.of()));
    }

    @Test
    void aJwtKeyNeedsAnIssuer() {
        assertEquals("muwclass.auth.jwt.issuer is required when a JWT secret or key file is set",
                assertThrows(IllegalArgumentException.class, () -> new SecuritySettings(Optional.empty(),
                        Optional.empty(), Optional.of(java.nio.file.Path.of("s")), Optional.empty(), "operator",
                        "none", 20, Duration.ofMinutes(5), Duration.ofMinutes(1), URI.create("http://h"), Set.of(),
                        false)).getMessage());
    }
}
