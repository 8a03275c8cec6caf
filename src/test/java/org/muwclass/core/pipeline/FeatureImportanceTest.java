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
        // and the two leaders are among the top five here; Random is in the lower half
        assertTrue(rank(r, "HR_ms") < 5 && rank(r, "Fs") < 5, "HR_ms " + rank(r, "HR_ms") + ", Fs " + rank(r, "Fs"));
        assertTrue(rank(r, "Random") >= 15, "Random ranks " + rank(r, "Random"));
    }

    private static int rank(FeatureImportance.Result r, String name) {
        double v = r.mean()[r.names().indexOf(name)];
        return (int) Arrays.stream(r.mean()).filter(x -> x > v).count();
    }
}
