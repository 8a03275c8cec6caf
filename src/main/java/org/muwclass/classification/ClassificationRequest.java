package org.muwclass.classification;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.muwclass.core.crossmatch.MwCatalog;

/**
 * Everything one classification needs from its caller.
 *
 * @param input        the sources: a source-level table (training-set columns) or CSC per-observation detections
 *                     (recognised by their obsid and flux_aper90_* columns)
 * @param counterparts nearest-counterpart tables for per-observation input (GAIA, 2MASS, ...); ignored otherwise
 * @param training     a training set with a Class column, or empty for the shipped Yang et al. (2022) set
 * @param options      the scalar options
 */
public record ClassificationRequest(InputTable input, Map<MwCatalog, InputTable> counterparts,
                                    Optional<InputTable> training, ClassificationOptions options) {

    public ClassificationRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(options, "options");
        Map<MwCatalog, InputTable> c = new EnumMap<>(MwCatalog.class);
        c.putAll(counterparts);
        counterparts = Collections.unmodifiableMap(c);
    }

    /** A source-level input with the shipped training set. */
    public static ClassificationRequest of(InputTable input, ClassificationOptions options) {
        return new ClassificationRequest(input, Map.of(), Optional.empty(), options);
    }
}
