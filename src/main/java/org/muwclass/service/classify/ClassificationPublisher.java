package org.muwclass.service.classify;

import java.util.List;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.tables.ClassifiedSource;

/**
 * Publishes the rows of a finished classification job into a table queryable by ADQL (e.g.
 * {@code muwclass.classified_sources}, one run per job id). Optional: an {@code @ApplicationScoped} bean implementing
 * it enables the job parameter PUBLISH=yes; without one, PUBLISH=yes is refused at job creation.
 */
public interface ClassificationPublisher {

    /**
     * @param runId  the job id, stored with every row so a run can be withdrawn
     * @param rows   classified sources, in input order
     * @param inputs the measurements they were classified from (same order)
     * @return the qualified name of the table the rows went into
     */
    String publish(String runId, List<ClassifiedSource> rows, List<SourceMeasurements> inputs) throws Exception;

    /** Removes the rows of a run (its job was destroyed); a run never published is fine. */
    void withdraw(String runId) throws Exception;
}
