package org.muwclass.core.training;

import java.util.List;
import org.muwclass.core.model.SourceMeasurements;

/**
 * The target sources read from an input table.
 *
 * @param sources     sources to classify, in table order
 * @param withoutXray rows without any X-ray flux, in table order, returned unclassified ({@link NoXrayPolicy#FLAG});
 *                    their fluxes are NaN
 * @param warnings    what the reader repaired or converted
 */
public record TargetTable(List<SourceMeasurements> sources, List<SourceMeasurements> withoutXray,
                          InputWarnings warnings) {

    public TargetTable {
        sources = List.copyOf(sources);
        withoutXray = List.copyOf(withoutXray);
    }
}
