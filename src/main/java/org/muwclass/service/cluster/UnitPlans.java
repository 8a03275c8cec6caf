package org.muwclass.service.cluster;

import org.muwclass.core.pipeline.ClassificationPlan;

/** Builds the plan of a job from its stored input, on whichever member runs one of its units. */
@FunctionalInterface
public interface UnitPlans {

    /**
     * @param jobId a job of the shared database
     * @param kind  its job kind
     * @throws Exception when the job is gone or its input cannot be read
     */
    ClassificationPlan plan(String jobId, String kind) throws Exception;
}
