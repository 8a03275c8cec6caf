package org.muwclass.cli;

/**
 * Test {@link PipelineBridge} that refuses every call, for command-line tests that must not reach the pipeline;
 * tests override the one method they need.
 */
class UnwiredPipeline implements PipelineBridge {

    @Override
    public CrossValidationResult crossValidate(EvaluateCommand.CrossValidation settings, Console console) throws Exception {
        throw new UnsupportedOperationException("cross-validation is not available in this build yet; "
                + "'muwclass evaluate --predictions FILE' scores an existing labelled classification table");
    }

    @Override
    public org.muwclass.classification.ClassificationOutput classify(ClassifyCommand.Settings settings, Console console) throws Exception {
        throw new UnsupportedOperationException("classification is not available in this build yet");
    }

    @Override
    public FeatureResult features(FeaturesCommand.Settings settings, Console console) throws Exception {
        throw new UnsupportedOperationException("feature extraction is not available in this build yet");
    }
}
