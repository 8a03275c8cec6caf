package org.muwclass.classification;

import java.util.List;
import java.util.Objects;
import org.muwclass.core.pipeline.TrainingOverlap;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingMatches;
import org.muwclass.tables.ClassificationTable;
import org.muwclass.tables.ClassifiedSource;
import org.muwclass.tables.ResultFlags;
import org.muwclass.tables.RunProvenance;
import uk.ac.starlink.table.StarTable;

/**
 * The result of one classification: a row per classified source, what the input reader set aside, which sources
 * are training sources, and what it was all made from. {@link #table()} is the one result table every front door
 * writes.
 *
 * @param sources     the classified sources in input order (rows without X-ray flux left out)
 * @param provenance  seed, draws, algorithm, checksums, E(B-V) source and maps, noise model, CT threshold, input
 *                    warnings, ...
 * @param matches     which of {@code sources} (by index) are training sources
 * @param overlap     how those were classified
 * @param withoutXray input rows without any X-ray flux, not classified (NO_XRAY=flag), with their input row
 */
public record ClassificationOutput(List<ClassifiedSource> sources, RunProvenance provenance, TrainingMatches matches,
                                   TrainingOverlap overlap, List<TargetTable.Unclassified> withoutXray) {

    public ClassificationOutput {
        sources = List.copyOf(sources);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(overlap, "overlap");
        withoutXray = List.copyOf(withoutXray);
    }

    /** Classified rows only: no training sources among them, nothing set aside. */
    public ClassificationOutput(List<ClassifiedSource> sources, RunProvenance provenance) {
        this(sources, provenance, TrainingMatches.none(), TrainingOverlap.LOO, List.of());
    }

    /**
     * The result table: {@link ClassificationTable#of} the classified rows plus the columns training_name,
     * training_class and input_flag, with the unclassified rows at their input position ({@link ResultFlags}).
     */
    public StarTable table() {
        return ResultFlags.apply(ClassificationTable.of(sources), matches, overlap == TrainingOverlap.LOO,
                withoutXray);
    }
}
