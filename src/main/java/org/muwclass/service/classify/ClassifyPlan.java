package org.muwclass.service.classify;

import java.util.List;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.training.TrainingSet;

/**
 * A validated classification job.
 *
 * @param targets      the sources to classify, read from the input
 * @param shape        "sources" (source-level table) or "detections" (CSC per-observation + counterparts)
 * @param run          draws, seed, algorithm, E(B-V) policy and CT threshold
 * @param trees        trees per forest (ensemble size)
 * @param training     the training set (the shipped one unless uploaded)
 * @param ebvBins      number of E(B-V) bins the targets fall in (each is a separate training per draw)
 * @param inputSha256  checksum of the uploaded input files, for provenance
 * @param inputName    the client's file name of the input, for provenance
 * @param publish      whether to publish the rows through the {@link ClassificationPublisher}
 */
record ClassifyPlan(List<SourceMeasurements> targets, String shape, RunParameters run, int trees,
                    TrainingSet training, int ebvBins, String inputSha256, String inputName, boolean publish) {
}
