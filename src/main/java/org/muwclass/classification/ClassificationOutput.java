package org.muwclass.classification;

import java.util.List;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.RunProvenance;

/**
 * The result of one classification: a row per source ({@link org.muwclass.tables.ClassificationTable#of} makes
 * the result table of them) and what it was made from.
 *
 * @param sources    the classified sources in input order
 * @param provenance seed, draws, algorithm, checksums, E(B-V) source and maps, noise model, CT threshold, ...
 */
public record ClassificationOutput(List<ClassifiedSource> sources, RunProvenance provenance) {

    public ClassificationOutput {
        sources = List.copyOf(sources);
    }
}
