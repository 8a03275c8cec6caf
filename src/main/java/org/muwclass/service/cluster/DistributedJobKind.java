package org.muwclass.service.cluster;

import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.service.uws.JobInput;

/** A job kind whose work units can run on any cluster member: it rebuilds a job's plan from the stored input. */
public interface DistributedJobKind {

    /**
     * The plan of a job, built from its stored parameters and uploads exactly as the member running the job built
     * it (deterministic).
     */
    ClassificationPlan plan(JobInput input) throws Exception;
}
