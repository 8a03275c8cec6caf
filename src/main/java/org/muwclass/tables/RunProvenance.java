package org.muwclass.tables;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a result was made from and how, written into every output (VOTable INFO elements, report header).
 *
 * @param serviceVersion      software version, e.g. {@code "0.1.0-SNAPSHOT"}
 * @param algorithm           classifier description, e.g. {@code "RandomForest(trees=100, K=5) + SMOTE(k=4)"}
 * @param seed                master random seed
 * @param draws               Monte-Carlo draws per source
 * @param trainingSetSha256   hex SHA-256 of the training set content ({@code ""} if not applicable)
 * @param inputSha256         hex SHA-256 of the input file bytes ({@code ""} if not applicable)
 * @param started             UTC start time
 * @param finished            UTC end time
 * @param extra               further key/value facts in order (e.g. folds, CT threshold, E(B−V) source)
 */
public record RunProvenance(String serviceVersion, String algorithm, long seed, int draws, String trainingSetSha256,
        String inputSha256, Instant started, Instant finished, Map<String, String> extra) {

    public RunProvenance {
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(trainingSetSha256, "trainingSetSha256");
        Objects.requireNonNull(inputSha256, "inputSha256");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Every fact as INFO name → value, in a fixed order (standard facts first, then {@link #extra}). */
    public Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("service_version", serviceVersion);
        m.put("algorithm", algorithm);
        m.put("seed", Long.toString(seed));
        m.put("mc_draws", Integer.toString(draws));
        m.put("training_set_sha256", trainingSetSha256);
        m.put("input_sha256", inputSha256);
        m.put("started_utc", started.toString());
        m.put("finished_utc", finished.toString());
        m.putAll(extra);
        return m;
    }
}
