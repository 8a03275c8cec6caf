package org.muwclass.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.pipeline.TrainingOverlap;
import org.muwclass.core.sampling.XrayNoiseModel;
import org.muwclass.core.training.NoXrayPolicy;

/** The one parser of the classification options shared by CLI options and UWS parameters. */
class ClassificationOptionsTest {

    private static final OptionLimits SERVICE = new OptionLimits(100, 1000, 1000);

    private static ClassificationOptions parse(Map<String, String> values, OptionLimits limits)
            throws OptionException {
        return ClassificationOptions.parse(name -> Optional.ofNullable(values.get(name)), limits);
    }

    private static OptionException refused(Map<String, String> values) {
        return assertThrows(OptionException.class, () -> parse(values, SERVICE));
    }

    @Test
    void defaultsAreThePapersProtocol() throws Exception {
        ClassificationOptions o = parse(Map.of(), SERVICE);
        assertEquals(new ClassificationOptions("fastrf", 100, 100, 1, 0.0, 1L, EbvSource.TABLE_ELSE_DUST_MAP,
                XrayNoiseModel.SHARED, 2.0, NoXrayPolicy.REFUSE, TrainingOverlap.LOO), o);
        RunParameters p = o.runParameters(3);
        assertEquals(EbvPolicy.TABLE_ELSE_DUST_MAP, p.ebvPolicy());
        assertEquals(1, p.drawsPerUnit(), "one forest per work unit, for the CLI too");
        assertEquals(3, p.threads());
        assertEquals(100, parse(Map.of(), OptionLimits.CLI).draws());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        ClassificationOptions o = parse(Map.ofEntries(Map.entry("ALGORITHM", " RF "), Map.entry("TREES", "7"),
                Map.entry("DRAWS", "12"), Map.entry("TARGETS_PER_FOREST", "4"), Map.entry("EBV_GRID", "0.1"),
                Map.entry("SEED", "-5"), Map.entry("EBV", "NH-Column"), Map.entry("XRAY_NOISE", "Independent"),
                Map.entry("CT_THRESHOLD", "1.5"), Map.entry("NO_XRAY", " Flag"), Map.entry("TRAINING_OVERLAP",
                        "KEEP")), SERVICE);
        assertEquals(new ClassificationOptions("rf", 7, 12, 4, 0.1, -5L, EbvSource.NH_COLUMN,
                XrayNoiseModel.INDEPENDENT, 1.5, NoXrayPolicy.FLAG, TrainingOverlap.KEEP), o);
        assertEquals(EbvPolicy.TABLE, o.runParameters(1).ebvPolicy(), "N_H filled in, then used as table values");
        // 3 equivalent draws at M = 4: 4 ceil(3 (1 + 3 x 0.37) / 4) = 8
        assertEquals(8, parse(Map.of("EQUIVALENT_DRAWS", "3", "TARGETS_PER_FOREST", "4"), SERVICE).draws());
    }

    @Test
    void refusalsNameOptionValueAndWhatIsAllowed() {
        assertEquals("DRAWS: '5000' is not allowed; expected an integer from 1 to 1000",
                refused(Map.of("DRAWS", "5000")).getMessage());
        assertEquals("DRAWS: '20001' is not allowed; expected an integer from 1 to 20000",
                refused(Map.of("DRAWS", "20001", "TARGETS_PER_FOREST", "20")).getMessage());
        assertEquals("EQUIVALENT_DRAWS: '100' is not allowed; expected not together with DRAWS: give one",
                refused(Map.of("EQUIVALENT_DRAWS", "100", "DRAWS", "10")).getMessage());
        assertEquals("EBV_GRID: '2' is not allowed; expected 0 (the paper's 0.025 mag E(B-V) bins) or a relative"
                + " grid step from 0.01 to 1.0", refused(Map.of("EBV_GRID", "2")).getMessage());
        assertEquals("SEED: '1.5' is not allowed; expected a whole number (64-bit)",
                refused(Map.of("SEED", "1.5")).getMessage());
        assertEquals("TREES: '0' is not allowed; expected an integer from 1 to 1000",
                refused(Map.of("TREES", "0")).getMessage());
        assertEquals("EBV: 'nh' is not allowed; expected one of table-else-dust-map, table, dust-map, dust-map-av,"
                + " table-else-dust-map-av, hi-map, table-else-hi-map, nh-column, nh-map, none",
                refused(Map.of("EBV", "nh")).getMessage());
        assertEquals("XRAY_NOISE: 'both' is not allowed; expected one of shared, independent",
                refused(Map.of("XRAY_NOISE", "both")).getMessage());
        assertEquals("CT_THRESHOLD: '-1' is not allowed; expected a number from 0 to 1000",
                refused(Map.of("CT_THRESHOLD", "-1")).getMessage());
        assertEquals("NO_XRAY: 'drop' is not allowed; expected one of refuse, flag",
                refused(Map.of("NO_XRAY", "drop")).getMessage());
        assertEquals("TRAINING_OVERLAP: 'exclude' is not allowed; expected one of loo, keep",
                refused(Map.of("TRAINING_OVERLAP", "exclude")).getMessage());
        OptionException algorithm = refused(Map.of("ALGORITHM", "deepnet"));
        assertEquals("ALGORITHM", algorithm.option());
        assertEquals("deepnet", algorithm.value());
        assertEquals("ebv-grid", OptionException.cliName("EBV_GRID"), "the CLI spelling of the same option");
    }

    @Test
    void cliLimitsAreWider() throws Exception {
        assertEquals(100_000, parse(Map.of("DRAWS", "100000"), OptionLimits.CLI).draws());
        assertEquals(10_000, parse(Map.of("TREES", "10000"), OptionLimits.CLI).trees());
    }
}
