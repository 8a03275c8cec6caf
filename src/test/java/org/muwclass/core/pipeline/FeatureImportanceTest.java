package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.muwclass.core.training.TrainingSetReader;

class FeatureImportanceTest {

    @Test
    void thePapersTopFeaturesBeatTheRandomFeature() {
        FeatureImportance.Result r = FeatureImportance.compute(TrainingSetReader.readDefault(), 2, 10, 4L);
        assertEquals(30, r.names().size());
        assertEquals("Random", r.names().get(29));
        assertEquals(1.0, Arrays.stream(r.mean()).sum(), 1e-9);
        double random = r.mean()[29];
        // feature_importance.csv: HR_ms 7.63%, Fs 5.96%, Fb 5.20% are the top three, Random 0.40%
        for (String f : new String[] {"HR_ms", "Fs", "Fb"}) {
            assertTrue(r.mean()[r.names().indexOf(f)] > random, f);
        }
    }
}
