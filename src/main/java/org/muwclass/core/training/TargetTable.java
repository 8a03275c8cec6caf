package org.muwclass.core.training;

import java.util.List;
import org.muwclass.core.model.SourceMeasurements;

/**
 * The target sources read from an input table.
 *
 * @param sources     sources to classify, in table order
 * @param withoutXray rows without any X-ray flux, in table order, returned unclassified ({@link NoXrayPolicy#FLAG})
 * @param warnings    what the reader repaired or converted
 */
public record TargetTable(List<SourceMeasurements> sources, List<Unclassified> withoutXray, InputWarnings warnings) {

    /**
     * A row left unclassified.
     *
     * @param row    0-based data row of the input table
     * @param source its measurements (fluxes NaN)
     */
    public record Unclassified(int row, SourceMeasurements source) {
    }

    public TargetTable {
        sources = List.copyOf(sources);
        withoutXray = List.copyOf(withoutXray);
    }

    /**
     * The 0-based input row of source {@code index} of {@link #sources} (they differ once rows without X-ray flux are
     * set aside), e.g. to read another column of the same row.
     */
    public int inputRow(int index) {
        if (index < 0 || index >= sources.size()) {
            throw new IndexOutOfBoundsException("source " + index + " of " + sources.size());
        }
        int row = index;
        for (Unclassified u : withoutXray) {
            if (u.row() <= row) {
                row++;
            }
        }
        return row;
    }
}
