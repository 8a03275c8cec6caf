package org.muwclass.core.pipeline;

import java.util.List;

/**
 * Per-source results in input order, with provenance.
 *
 * @param sources    one result per input source
 * @param provenance how they were made
 */
public record ClassificationResult(List<SourceResult> sources, Provenance provenance) {

    public ClassificationResult {
        sources = List.copyOf(sources);
    }
}
