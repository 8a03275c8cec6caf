package org.muwclass.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class QuerySettingsTest {

    /** A Config answering getOptionalValue from a map (all this record reads). */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String v = values.get((String) args[0]);
                    Class<?> type = (Class<?>) args[1];
                    if (v == null) {
                        return Optional.empty();
                    }
                    return Optional.of(type == Integer.class ? Integer.valueOf(v) : type == Long.class ? Long.valueOf(v)
                            : v);
                });
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        QuerySettings s = QuerySettings.fromConfig(config(Map.of()));
        assertEquals(QuerySettings.DEFAULT, s);
        assertEquals(Optional.empty(), s.queryUser());
        assertEquals(16, s.storePoolSize());
        assertEquals(16, s.queryPoolSize());
        assertEquals(Duration.ofSeconds(120), s.syncTimeout());
        assertEquals(12, s.syncConcurrency());
        assertEquals(Duration.ofDays(1), s.statementTimeout());
        assertEquals(Duration.ZERO, s.uploadSweepMinAge());
    }

    @Test
    void propertiesAreRead() {
        QuerySettings s = QuerySettings.fromConfig(config(Map.of("muwclass.db.query.user", " tap_reader ",
                "muwclass.db.query.password", "pw", "muwclass.db.pool.query.size", "8", "muwclass.tap.sync.timeout.s",
                "10", "muwclass.db.pool.store.size", "4", "muwclass.db.query.statement.timeout.s", "600",
                "muwclass.tap.upload.sweep.min.age.s", "3600")));
        assertEquals(new QuerySettings(Optional.of("tap_reader"), "pw", 4, 8, Duration.ofSeconds(10), 4,
                Duration.ofSeconds(600), Duration.ofHours(1)), s);
        assertEquals(Optional.empty(), QuerySettings.fromConfig(config(Map.of("muwclass.db.query.user", " ")))
                .queryUser());
    }

    @Test
    void badValuesNameTheProperty() {
        assertEquals("muwclass.tap.sync.concurrency must be from 1 to the query pool size 16 "
                        + "(muwclass.db.pool.query.size), got 17",
                assertThrows(IllegalArgumentException.class, () -> QuerySettings.fromConfig(config(Map.of(
                        "muwclass.tap.sync.concurrency", "17")))).getMessage());
        assertEquals("muwclass.tap.sync.timeout.s must be from 1 to 86400 s, got 0",
                assertThrows(IllegalArgumentException.class, () -> QuerySettings.fromConfig(config(Map.of(
                        "muwclass.tap.sync.timeout.s", "0")))).getMessage());
        assertEquals("muwclass.db.pool.query.size must be from 2 to 1000, got 1",
                assertThrows(IllegalArgumentException.class, () -> QuerySettings.fromConfig(config(Map.of(
                        "muwclass.db.pool.query.size", "1")))).getMessage());
    }
}
