package org.muwclass.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.muwclass.core.eval.Evaluation;
import org.muwclass.core.eval.LabelledPrediction;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationResult;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.CrossValidation;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.pipeline.FeatureImportance;
import org.muwclass.core.pipeline.PipelineSetup;
import org.muwclass.core.pipeline.ProgressListener;
import org.muwclass.core.pipeline.Provenance;
import org.muwclass.core.pipeline.SourceResult;
import org.muwclass.core.pipeline.UnitExecutor;
import org.muwclass.core.training.TrainingSet;

/**
 * Cross-validation of the classifier on a training set (docs/algorithm.md §10.1), the one implementation behind
 * {@code muwclass evaluate} and the UWS job kind "evaluate": the same training-set checks as classification, the
 * same runs for the same settings and seed, the same provenance. Plain Java; thread-safe.
 */
public final class EvaluationService {

    private final String softwareVersion;
    private final Supplier<TrainingSet> shippedTraining;

    /**
     * @param softwareVersion recorded in provenance
     * @param shippedTraining the training set when the request has none
     */
    public EvaluationService(String softwareVersion, Supplier<TrainingSet> shippedTraining) {
        this.softwareVersion = softwareVersion;
        this.shippedTraining = shippedTraining;
    }

    /**
     * The shipped training set, or the uploaded one checked as /classify checks it (columns, units, ranges, at least
     * 2 classes of {@value ClassificationService#MIN_PER_CLASS} sources).
     *
     * @throws OptionException naming TRAINING and what is wrong
     */
    public TrainingSet training(Optional<InputTable> file, TableReader reader) throws OptionException {
        return file.isEmpty() ? shippedTraining.get() : ClassificationService.checkedTraining(file.get(), reader);
    }

    /**
     * Refuses leave-one-out on a training set larger than {@code maxSources} (it trains sources x draws forests).
     *
     * @throws OptionException naming LEAVE_ONE_OUT
     */
    public static void checkLeaveOneOut(EvaluationOptions o, TrainingSet training, int maxSources)
            throws OptionException {
        if (o.leaveOneOut() && training.size() > maxSources) {
            throw new OptionException("LEAVE_ONE_OUT", "yes", "no for a training set of " + training.size()
                    + " sources; leave-one-out is allowed up to " + maxSources + " sources (use FOLDS)");
        }
    }

    /** Forests the cross-validation trains (tasks x draws), computed without training any. */
    public long forests(TrainingSet training, EvaluationOptions o) {
        CrossValidation cv = crossValidation(training, o);
        return o.leaveOneOut() ? cv.leaveOneOutForests(o.runParameters(1))
                : cv.kFoldForests(o.folds(), o.reddening(), o.runParameters(1));
    }

    /**
     * Cost of the whole evaluation on one thread, s: the forests of the cross-validation at the fold's training size,
     * every source predicted once per draw, and (when {@code withImportance}) the feature-importance forests.
     */
    public double estimateSeconds(TrainingSet training, EvaluationOptions o, CostModel cost, boolean withImportance) {
        int n = training.size();
        int trainRows = o.leaveOneOut() ? n - 1 : n - n / o.folds();
        double seconds = forests(training, o) * cost.secondsPerForest(trainRows)
                + (double) n * o.draws() * cost.secondsPerPrediction();
        if (withImportance) {
            seconds += o.draws() * CostModel.reference("rf", o.trees()).secondsPerForest(n);
        }
        return seconds;
    }

    /**
     * Runs the cross-validation and evaluates it.
     *
     * @param threads  worker threads (results do not depend on them)
     * @param progress fraction of the work units done
     * @param units    where the work units run (a local pool, the service's shared pool); results do not depend on it
     */
    public EvaluationOutput crossValidate(TrainingSet training, EvaluationOptions o, int threads,
                                         ProgressListener progress, UnitExecutor units) {
        CrossValidation cv = crossValidation(training, o);
        ClassificationResult result = o.leaveOneOut() ? cv.leaveOneOutOn(o.runParameters(threads), progress, units)
                : cv.kFoldOn(o.folds(), o.reddening(), o.runParameters(threads), progress, units);
        List<LabelledPrediction> predictions = new ArrayList<>(result.sources().size());
        for (SourceResult r : result.sources()) {
            predictions.add(new LabelledPrediction(r.name(), r.trueClass(), r.decision().predicted(),
                    r.probabilities().mean(), r.probabilities().std(), r.decision().ct()));
        }
        return new EvaluationOutput(predictions, Evaluation.of(predictions, o.ctThreshold(), o.sweepMax(),
                o.sweepStep()), provenance(result.provenance(), o));
    }

    /** Mean-decrease-in-impurity importances with a noise feature, DRAWS draws of TREES trees, seeded by SEED. */
    public FeatureImportance.Result featureImportance(TrainingSet training, EvaluationOptions o) {
        return FeatureImportance.compute(training, o.draws(), o.trees(), o.seed());
    }

    private Map<String, String> provenance(Provenance prov, EvaluationOptions o) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("software_version", softwareVersion);
        facts.put("algorithm", prov.algorithm() + " (" + o.trees() + " trees)");
        facts.put("protocol", prov.ebvPolicy());
        facts.put("folds", o.leaveOneOut() ? "leave-one-out" : Integer.toString(o.folds()));
        facts.put("seed", Long.toString(prov.masterSeed()));
        facts.put("mc_draws", Integer.toString(prov.draws()));
        facts.put("draws_per_unit", Integer.toString(prov.drawsPerUnit()));
        facts.put("targets_per_forest", Integer.toString(o.targetsPerForest()));
        facts.put("xray_noise", prov.xrayNoise());
        facts.put("ebv", o.ebv().optionName());
        facts.put("reddening", o.reddeningName());
        facts.put("ct_threshold", number(o.ctThreshold()));
        facts.put("sweep_max", number(o.sweepMax()));
        facts.put("sweep_step", number(o.sweepStep()));
        facts.put("training_set_origin", prov.trainingOrigin());
        facts.put("training_set_size", Integer.toString(prov.trainingSize()));
        facts.put("training_set_sha256", prov.trainingSha256());
        facts.put("feature_schema", prov.featureSchemaId());
        return facts;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static CrossValidation crossValidation(TrainingSet training, EvaluationOptions o) {
        return new CrossValidation(new PipelineSetup(training, LearnerCatalogue.standard(o.trees()),
                XrayAbsorption.loadDefault(), EbvResolver.standard()));
    }
}
