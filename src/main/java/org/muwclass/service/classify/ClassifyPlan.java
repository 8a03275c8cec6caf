package org.muwclass.service.classify;

import org.muwclass.classification.PreparedClassification;

/**
 * A classification job with its inputs read: what {@link ClassifyJobKind#parse} returns once per execution.
 *
 * @param prepared the inputs read and feature-extracted, with the core plan built on first use
 * @param publish  whether to publish the rows through the {@link ClassificationPublisher}
 * @param key      the cache key of {@code prepared}: checksums of the uploads and the options
 */
record ClassifyPlan(PreparedClassification prepared, boolean publish, String key) {
}
