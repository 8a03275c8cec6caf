package org.muwclass.classification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.RunParameters;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingMatches;
import org.muwclass.core.training.TrainingSet;

/**
 * A classification whose inputs have been read and feature-extracted once: the targets, the training set and the
 * core plan, ready to run (or to quote). The plan is built on first use and then kept, so a job's estimate and its
 * execution share one.
 */
public final class PreparedClassification {

    /** The two input layouts. */
    public enum InputShape {
        /** A source-level table with the training-set columns. */
        SOURCES,
        /** CSC per-observation detections with nearest-counterpart tables, feature-extracted first. */
        DETECTIONS;

        /** "sources" or "detections", as recorded in the provenance. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ClassificationRequest request;
    private final List<SourceMeasurements> targets;
    private final List<TargetTable.Unclassified> withoutXray;
    private final Map<String, String> warnings;
    private final TrainingMatches matches;
    private final InputShape shape;
    private final TrainingSet training;
    private final RunParameters run;
    private final Map<String, String> fileSha256;
    private final List<String> ebvOrigins;
    private final ClassificationRun pipeline;
    private ClassificationPlan plan;

    PreparedClassification(ClassificationRequest request, List<SourceMeasurements> targets,
                           List<TargetTable.Unclassified> withoutXray, Map<String, String> warnings,
                           TrainingMatches matches,
                           InputShape shape, TrainingSet training, RunParameters run, Map<String, String> fileSha256,
                           List<String> ebvOrigins, ClassificationRun pipeline) {
        this.request = request;
        this.targets = List.copyOf(targets);
        this.withoutXray = List.copyOf(withoutXray);
        this.warnings = Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
        this.matches = matches;
        this.shape = shape;
        this.training = training;
        this.run = run;
        this.fileSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(fileSha256));
        this.ebvOrigins = List.copyOf(ebvOrigins);
        this.pipeline = pipeline;
    }

    public ClassificationRequest request() {
        return request;
    }

    /** The sources to classify, in input order (E(B-V) filled in for nh-column and nh-map). */
    public List<SourceMeasurements> targets() {
        return targets;
    }

    /** Input rows without any X-ray flux, returned unclassified (NO_XRAY=flag), in input order. */
    public List<TargetTable.Unclassified> withoutXray() {
        return withoutXray;
    }

    /**
     * What the input reader repaired, converted or left out, as provenance entries {@code warnings.<kind>=<count>}
     * ({@link org.muwclass.core.training.InputWarnings} for source-level input; sources that feature extraction
     * drops for per-observation input).
     */
    public Map<String, String> warnings() {
        return warnings;
    }

    /** The targets that are training sources (by index into {@link #targets}). */
    public TrainingMatches matches() {
        return matches;
    }

    public InputShape shape() {
        return shape;
    }

    public TrainingSet training() {
        return training;
    }

    /** The core run parameters. */
    public RunParameters run() {
        return run;
    }

    /** SHA-256 of the INPUT table's bytes (as received by a job, as read by the CLI), hex. */
    public String inputSha256() {
        return fileSha256.get(request.input().checksumName());
    }

    /**
     * SHA-256 of every file read, hex, under its provenance name ({@link InputTable#checksumName}): INPUT, then the
     * counterpart tables in catalogue order, then an uploaded TRAINING set.
     */
    public Map<String, String> fileSha256() {
        return fileSha256;
    }

    /** Per source: where its E(B-V) came from ("table", "dust-map", "hi-map", "nh-column", "none", ...). */
    public List<String> ebvOrigins() {
        return ebvOrigins;
    }

    /** The core work plan (E(B-V) tasks x forests as work units); built once, then shared. */
    public synchronized ClassificationPlan plan() {
        if (plan == null) {
            plan = pipeline.plan(targets, run, request.options().trainingOverlap(), matches); // matched once
        }
        return plan;
    }
}
