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

    @Test
    void demoSettingsDefaultAndAreChecked() {
        assertEquals(new DemoSettings(true, 0, 1000, 20, 0.1, 1L, "fastrf", 100), with(10, 10, 100).demo());
        assertEquals("give one of muwclass.demo.draws and muwclass.demo.equivalent-draws, a positive integer; got"
                        + " draws 0, equivalent draws 0",
                assertThrows(IllegalArgumentException.class, () -> DemoSettings.plainDraws(0, 1L, "rf", 100))
                        .getMessage());
        assertEquals("muwclass.demo.trees must be from 1 to 1000, got 0",
                assertThrows(IllegalArgumentException.class, () -> DemoSettings.plainDraws(2, 1L, "rf", 0))
                        .getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ServiceConfig(
                Path.of("data"), "jdbc:h2:mem:x", "sa", "", Optional.empty(), 10, 10, 1024, 2, 10, 10, 50,
                Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofSeconds(300),
                Duration.ofSeconds(5), DemoSettings.plainDraws(60, 1L, "rf", 100)));
        assertEquals("muwclass.demo.draws (job parameter DRAWS: '60' is not allowed; expected an integer from 1 to 50;"
                + " muwclass.classify.draws.limit is 50)", e.getMessage());
    }
}
