package org.muwclass.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class UploadSettingsTest {

    /** A Config holding {@code values} (only getOptionalValue is used by fromConfig). */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String v = values.get((String) args[0]);
                    if (v == null) {
                        return Optional.empty();
                    }
                    return Optional.of(args[1] == Long.class ? (Object) Long.valueOf(v) : Integer.valueOf(v));
                });
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        UploadSettings s = UploadSettings.fromConfig(config(Map.of()));
        assertEquals(UploadSettings.DEFAULT, s);
        assertEquals(1_000_000L, s.tapRows());
        assertEquals(200_000L, s.classifyRows());
        assertEquals(Duration.ofSeconds(60), s.readTime());
        assertEquals(1024 * 1024, s.formBytes());
        assertEquals(100, s.parameters());
        assertEquals("muwclass.upload.limit.rows", s.tapLimits().rowsProperty());
        assertEquals("muwclass.upload.classify.limit.rows", s.classifyLimits().rowsProperty());
    }

    @Test
    void propertiesOverrideAndAreChecked() {
        UploadSettings s = UploadSettings.fromConfig(config(Map.of("muwclass.upload.limit.rows", "5",
                "muwclass.upload.limit.s", "7", "muwclass.http.parameters.limit", "9")));
        assertEquals(5, s.tapLimits().maxRows());
        assertEquals(Duration.ofSeconds(7), s.tapLimits().maxTime());
        assertEquals(9, s.parameters());
        assertEquals("muwclass.http.form.limit.bytes must be positive, got 0", assertThrows(
                IllegalArgumentException.class, () -> UploadSettings.fromConfig(config(Map.of(
                        "muwclass.http.form.limit.bytes", "0")))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> UploadSettings.fromConfig(config(Map.of(
                "muwclass.upload.limit.s", "0"))));
    }
}
