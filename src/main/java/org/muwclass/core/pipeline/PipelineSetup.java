package org.muwclass.core.pipeline;

import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.training.TrainingSet;

/**
 * What a classification run and a cross-validation both work from: the labelled sources, the learners, the tbabs
 * cross-sections and where E(B-V) comes from. Shared read-only by every work unit.
 *
 * @param training    labelled training set
 * @param catalogue   learners selectable by {@link RunParameters#algorithm()}
 * @param absorption  tbabs cross-sections for the AGN reddening
 * @param ebvResolver E(B-V) source for the sources classified (field targets, or training sources as test sources)
 */
public record PipelineSetup(TrainingSet training, LearnerCatalogue catalogue, XrayAbsorption absorption,
                            EbvResolver ebvResolver) {
}
