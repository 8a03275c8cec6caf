package org.muwclass.core.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;

/**
 * A labelled training set with its provenance.
 *
 * @param sources labelled sources, in table order (every {@code trueClass} is non-null)
 * @param sha256  hex SHA-256 of the parsed content ({@link TrainingSetChecksum})
 * @param origin  where it came from, e.g. {@code "classpath:/muwclass/TD.csv"}
 */
public record TrainingSet(List<SourceMeasurements> sources, String sha256, String origin) {

    public TrainingSet {
        sources = List.copyOf(sources);
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(origin, "origin");
        for (SourceMeasurements s : sources) {
            if (s.trueClass() == null) {
                throw new IllegalArgumentException("Training source " + s.name() + " has no class label");
            }
        }
    }

    /** Builds a training set from labelled sources, computing the checksum. */
    public static TrainingSet of(List<SourceMeasurements> sources, String origin) {
        return new TrainingSet(sources, TrainingSetChecksum.sha256(sources), origin);
    }

    /** Number of training sources. */
    public int size() {
        return sources.size();
    }

    /** Number of sources per class, in class order (classes without sources map to 0). */
    public Map<SourceClass, Integer> classCounts() {
        Map<SourceClass, Integer> m = new EnumMap<>(SourceClass.class);
        for (SourceClass c : SourceClass.values()) {
            m.put(c, 0);
        }
        for (SourceMeasurements s : sources) {
            m.merge(s.trueClass(), 1, Integer::sum);
        }
        return m;
    }
}
