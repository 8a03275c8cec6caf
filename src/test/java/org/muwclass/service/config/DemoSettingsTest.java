package org.muwclass.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** muwclass.demo.* as the service reads them: paper precision by default, a few plain draws when CI asks. */
class DemoSettingsTest {

    private static DemoSettings read(String... nameValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.put(nameValues[i], nameValues[i + 1]);
        }
        return DemoSettings.fromProperties(name -> Optional.ofNullable(p.get(name)));
    }

    private static String refused(String... nameValues) {
        return assertThrows(IllegalArgumentException.class, () -> read(nameValues)).getMessage();
    }

    @Test
    void defaultIsTheDocumentedFastSettingsForPaperPrecision() {
        DemoSettings d = read();
        assertEquals(DemoSettings.DEFAULT, d);
        assertEquals("{EQUIVALENT_DRAWS=1000, TARGETS_PER_FOREST=20, EBV_GRID=0.1, SEED=1, ALGORITHM=fastrf,"
                + " TREES=100}", d.jobParameters().toString(), "in this order");
        assertEquals("EQUIVALENT_DRAWS=1000 TARGETS_PER_FOREST=20 EBV_GRID=0.1 SEED=1 ALGORITHM=fastrf TREES=100",
                d.describe());
    }

    @Test
    void explicitDrawsReplaceTheDefaultEquivalentDraws() {
        // what CI sets through MUWCLASS_DEMO_DRAWS=2 MUWCLASS_DEMO_TREES=5
        DemoSettings d = read("muwclass.demo.draws", "2", "muwclass.demo.trees", "5");
        assertEquals(new DemoSettings(true, 2, 0, 20, 0.1, 1L, "fastrf", 5), d);
        assertEquals("DRAWS=2 TARGETS_PER_FOREST=20 EBV_GRID=0.1 SEED=1 ALGORITHM=fastrf TREES=5", d.describe());
        // the pre-issue-15 demo, written out in full
        DemoSettings old = read("muwclass.demo.draws", "20", "muwclass.demo.targets-per-forest", "1",
                "muwclass.demo.ebv-grid", "0");
        assertEquals(DemoSettings.plainDraws(20, 1L, "fastrf", 100), old);
        assertEquals("DRAWS=20 TARGETS_PER_FOREST=1 EBV_GRID=0 SEED=1 ALGORITHM=fastrf TREES=100", old.describe());
    }

    @Test
    void everySettingIsRead() {
        DemoSettings d = read("muwclass.demo.publish", "FALSE", "muwclass.demo.equivalent-draws", " 300 ",
                "muwclass.demo.targets-per-forest", "10", "muwclass.demo.ebv-grid", "0.2", "muwclass.demo.seed",
                "-7", "muwclass.demo.algorithm", " rf ", "muwclass.demo.trees", "50");
        assertEquals(new DemoSettings(false, 0, 300, 10, 0.2, -7L, "rf", 50), d);
        assertEquals("EQUIVALENT_DRAWS=300 TARGETS_PER_FOREST=10 EBV_GRID=0.2 SEED=-7 ALGORITHM=rf TREES=50",
                d.describe());
    }

    @Test
    void badValuesAreRefusedNamingPropertyValueAndWhatIsAllowed() {
        assertEquals("muwclass.demo.draws ('20') and muwclass.demo.equivalent-draws ('1000') are both set; set one",
                refused("muwclass.demo.draws", "20", "muwclass.demo.equivalent-draws", "1000"));
        assertEquals("muwclass.demo.draws: '0' is not allowed; expected a positive integer",
                refused("muwclass.demo.draws", "0"));
        assertEquals("muwclass.demo.equivalent-draws: 'lots' is not allowed; expected a positive integer",
                refused("muwclass.demo.equivalent-draws", "lots"));
        assertEquals("muwclass.demo.targets-per-forest: '-1' is not allowed; expected a positive integer",
                refused("muwclass.demo.targets-per-forest", "-1"));
        assertEquals("muwclass.demo.ebv-grid: 'NaN' is not allowed; expected 0 (the paper's 0.025 mag bins) or a"
                + " relative step such as 0.1", refused("muwclass.demo.ebv-grid", "NaN"));
        assertEquals("muwclass.demo.trees: '1001' is not allowed; expected an integer from 1 to 1000",
                refused("muwclass.demo.trees", "1001"));
        assertEquals("muwclass.demo.seed: '1.5' is not allowed; expected a 64-bit integer",
                refused("muwclass.demo.seed", "1.5"));
        assertEquals("muwclass.demo.publish: 'yes' is not allowed; expected true or false",
                refused("muwclass.demo.publish", "yes"));
        assertEquals("muwclass.demo.algorithm must not be empty", refused("muwclass.demo.algorithm", " "));
    }

    /** The service refuses to start with demo settings the job parser would refuse, naming the property. */
    @Test
    void settingsTheJobWouldRefuseStopTheStart() {
        assertEquals("muwclass.demo.ebv-grid (job parameter EBV_GRID: '5' is not allowed; expected 0 (the paper's"
                        + " 0.025 mag E(B-V) bins) or a relative grid step from 0.01 to 1.0;"
                        + " muwclass.classify.draws.limit is 1000)",
                configWith(read("muwclass.demo.ebv-grid", "5"), 1000));
        // 1,000 equivalent draws at 20 targets per forest need 402 forests per E(B-V) task
        assertEquals("muwclass.demo.equivalent-draws (job parameter EQUIVALENT_DRAWS: '1000' is not allowed;"
                        + " expected at most what 400 forests per E(B-V) task give with TARGETS_PER_FOREST=20 (996);"
                        + " muwclass.classify.draws.limit is 400)", configWith(read(), 400));
        assertEquals(DemoSettings.DEFAULT, config(read(), 402).demo());
        DemoSettings off = read("muwclass.demo.publish", "false", "muwclass.demo.ebv-grid", "5");
        assertEquals(off, config(off, 1000).demo(), "not checked when the demo is off");
        String algorithm = configWith(read("muwclass.demo.algorithm", "nonsense"), 1000);
        assertTrue(algorithm.startsWith("muwclass.demo.algorithm (job parameter ALGORITHM: 'nonsense' is not"
                + " allowed; expected one of fastrf, rf,"), algorithm);
    }

    private static ServiceConfig config(DemoSettings demo, int drawsLimit) {
        return new ServiceConfig(Path.of("data"), "jdbc:h2:mem:x", "sa", "", Optional.empty(), 10, 10, 1024, 2, 10,
                100, drawsLimit, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofSeconds(60),
                Duration.ofSeconds(5), demo);
    }

    private static String configWith(DemoSettings demo, int drawsLimit) {
        return assertThrows(IllegalArgumentException.class, () -> config(demo, drawsLimit)).getMessage();
    }
}
