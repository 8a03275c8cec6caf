package org.muwclass.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    private static ServiceConfig with(int maxrecDefault, int maxrecLimit, int draws) {
        return new ServiceConfig(Path.of("data"), "jdbc:h2:mem:x", "sa", "", Optional.empty(), maxrecDefault,
                maxrecLimit, 1024, 2, 10, draws, 1000, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
    }

    @Test
    void rejectsInconsistentLimitsNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(20, 10, 100));
        assertEquals("muwclass.tap.maxrec.default (20) must not exceed muwclass.tap.maxrec.limit (10)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> with(10, 10, 0));
        assertEquals("muwclass.classify.draws.default must be positive, got 0", e.getMessage());
    }

    @Test
    void embeddedDatabaseIsRecognised() {
        assertEquals(true, with(10, 10, 100).embeddedDatabase());
    }
}
