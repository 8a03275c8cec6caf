package org.muwclass.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.muwclass.core.pipeline.CvReddening;
import org.muwclass.core.pipeline.EbvPolicy;

/** Parsing of the cross-validation settings shared by the CLI and /evaluate. */
class EvaluationOptionsTest {

    private static final EvaluationOptions.Limits LIMITS = new EvaluationOptions.Limits(50, 100, 1000, 1000);

    private static EvaluationOptions parse(Map<String, String> values) throws OptionException {
        return EvaluationOptions.parse(n -> Optional.ofNullable(values.get(n)), LIMITS);
    }

    private static String refused(Map<String, String> values) {
        return assertThrows(OptionException.class, () -> parse(values)).getMessage();
    }

    @Test
    void defaultsAreTheCliDefaults() throws Exception {
        EvaluationOptions o = parse(Map.of());
        assertEquals(10, o.folds());
        assertEquals(100, o.draws());
        assertEquals(1L, o.seed());
        assertEquals(100, o.trees());
        assertEquals("fastrf", o.algorithm());
        assertEquals(EbvPolicy.TABLE_ELSE_DUST_MAP, o.ebv());
        assertEquals(CvReddening.OCTAVE_GROUPS, o.reddening());
        assertEquals("octaves", o.reddeningName());
        assertEquals(2.0, o.ctThreshold());
        assertEquals("10-fold", o.protocol());
    }

    @Test
    void leaveOneOutExcludesFoldsAndReddening() throws Exception {
        EvaluationOptions o = parse(Map.of("LEAVE_ONE_OUT", "yes"));
        assertEquals("leave-one-out", o.protocol());
        assertEquals("test-source bin", o.reddeningName());
        assertEquals("REDDENING: 'none' is not allowed; expected not together with LEAVE_ONE_OUT=yes (leave-one-out"
                + " reddens each source's training set to its own E(B-V) bin)",
                refused(Map.of("LEAVE_ONE_OUT", "yes", "REDDENING", "none")));
    }

    @Test
    void aSweepOfTooManyThresholdsIsRefused() {
        assertEquals("SWEEP_STEP: '0.01' is not allowed; expected a step that gives at most 10000 thresholds up to"
                + " SWEEP_MAX=1000", refused(Map.of("SWEEP_MAX", "1000", "SWEEP_STEP", "0.01")));
        assertEquals("EBV: 'sky' is not allowed; expected one of " + String.join(", ",
                java.util.Arrays.stream(EbvPolicy.values()).map(EbvPolicy::optionName).toList()),
                refused(Map.of("EBV", "sky")));
    }
}
