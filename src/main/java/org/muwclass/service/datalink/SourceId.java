package org.muwclass.service.datalink;

import java.util.Optional;

/**
 * The DataLink identifiers of this service's sources: {@code training/<name>} for a training source and
 * {@code classified/<run_id>/<name>} for a classified one (names may contain spaces and '/'; run ids, being UWS job
 * ids, do not).
 *
 * @param runId null for a training source
 */
public record SourceId(String runId, String name) {

    private static final String TRAINING = "training/";
    private static final String CLASSIFIED = "classified/";

    public static Optional<SourceId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (id.startsWith(TRAINING) && id.length() > TRAINING.length()) {
            return Optional.of(new SourceId(null, id.substring(TRAINING.length())));
        }
        if (id.startsWith(CLASSIFIED)) {
            String rest = id.substring(CLASSIFIED.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && slash < rest.length() - 1) {
                return Optional.of(new SourceId(rest.substring(0, slash), rest.substring(slash + 1)));
            }
        }
        return Optional.empty();
    }

    public boolean training() {
        return runId == null;
    }

    @Override
    public String toString() {
        return training() ? TRAINING + name : CLASSIFIED + runId + "/" + name;
    }
}
