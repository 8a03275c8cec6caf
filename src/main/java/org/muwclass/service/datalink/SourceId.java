package org.muwclass.service.datalink;

import java.util.Optional;

/**
 * The DataLink identifiers of this service's sources: {@code training/<name>} for a training source and
 * {@code classified/<run_id>/<name>} for a classified one (names may contain spaces and '/'; run ids, being UWS job
 * ids, do not). The service descriptors of result tables send the bare source name instead (the value of the {@code
 * name} column), with the run as a separate {@code RUN_ID} parameter for classified sources.
 *
 * @param runId null for a training source
 */
public record SourceId(String runId, String name) {

    private static final String TRAINING = "training/";
    private static final String CLASSIFIED = "classified/";

    /** {@link #parse(String, String)} without a run: a bare name is a training source. */
    public static Optional<SourceId> parse(String id) {
        return parse(id, null);
    }

    /**
     * @param runId the RUN_ID sent with a bare name (the source is then a classified one of that run), or null
     */
    public static Optional<SourceId> parse(String id, String runId) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        if (id.startsWith(TRAINING)) {
            return id.length() > TRAINING.length() ? Optional.of(new SourceId(null, id.substring(TRAINING.length())))
                    : Optional.empty();
        }
        if (id.startsWith(CLASSIFIED)) {
            String rest = id.substring(CLASSIFIED.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && slash < rest.length() - 1) {
                return Optional.of(new SourceId(rest.substring(0, slash), rest.substring(slash + 1)));
            }
            return Optional.empty();
        }
        return Optional.of(new SourceId(runId == null || runId.isBlank() ? null : runId, id));
    }

    public boolean training() {
        return runId == null;
    }

    @Override
    public String toString() {
        return training() ? TRAINING + name : CLASSIFIED + runId + "/" + name;
    }
}
