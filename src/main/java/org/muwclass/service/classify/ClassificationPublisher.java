package org.muwclass.service.classify;

import java.util.List;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.classification.ClassificationOutput;

/**
 * Publishes the rows of a finished classification job into a table queryable by ADQL (e.g.
 * {@code muwclass.classified_sources}, one run per job id). Optional: an {@code @ApplicationScoped} bean implementing
 * it enables the job parameter PUBLISH=yes; without one, PUBLISH=yes is refused at job creation.
 */
public interface ClassificationPublisher {

    /**
     * @param runId  the job id, stored with every row so a run can be withdrawn
     * @param output the job's result: its classified sources (in input order) with their training-source flags;
     *               rows without X-ray flux are not classified and not published
     * @param inputs the measurements the classified sources were classified from (same order)
     * @return the qualified name of the table the rows went into
     */
    String publish(String runId, ClassificationOutput output, List<SourceMeasurements> inputs) throws Exception;

    /** Removes the rows of a run (its job was destroyed); a run never published is fine. */
    void withdraw(String runId) throws Exception;
}
