package org.muwclass.cli;

/**
 * Placeholder {@link PipelineBridge} for builds where the pipeline is not connected yet: every call fails with a
 * message saying so. Replaced by the real bridge once core-ml's ClassificationRun and cross-validation driver and
 * core-xray's FieldFeatureExtractor are merged.
 */
class UnwiredPipeline implements PipelineBridge {

    @Override
    public CrossValidationResult crossValidate(EvaluateCommand.CrossValidation settings, Console console) throws Exception {
        throw new UnsupportedOperationException("cross-validation is not available in this build yet; "
                + "'muwclass evaluate --predictions FILE' scores an existing labelled classification table");
    }

    @Override
    public ClassificationResult classify(ClassifyCommand.Settings settings, Console console) throws Exception {
        throw new UnsupportedOperationException("classification is not available in this build yet");
    }

    @Override
    public FeatureResult features(FeaturesCommand.Settings settings, Console console) throws Exception {
        throw new UnsupportedOperationException("feature extraction is not available in this build yet");
    }
}
