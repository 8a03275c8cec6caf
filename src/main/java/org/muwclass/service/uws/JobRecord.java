package org.muwclass.service.uws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/**
 * A snapshot of one job as stored.
 *
 * @param id                unguessable identifier
 * @param kind              {@link JobKind#name()}
 * @param runId             client-supplied RUNID, or null
 * @param ownerId           owner, or null for an anonymous job
 * @param phase             execution phase
 * @param creationTime      when the job was created
 * @param startTime         when it started executing, or null
 * @param endTime           when it reached a final phase, or null
 * @param executionDuration run-time limit (zero: unlimited)
 * @param destruction       when the job and its files are removed
 * @param estimate          estimated execution time (from {@link JobKind#estimate}), or null when unknown
 * @param error             error summary, or null
 * @param progress          work done so far
 * @param parameters        parameters as stored (uploads excluded)
 * @param uploads           uploaded files
 * @param results           results in the order written
 */
public record JobRecord(String id, String kind, String runId, String ownerId, ExecutionPhase phase,
                        Instant creationTime, Instant startTime, Instant endTime, Duration executionDuration,
                        Instant destruction, Duration estimate, ErrorSummary error, Progress progress,
                        DaliParameters parameters, List<UploadedFile> uploads, List<ResultInfo> results) {

    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(executionDuration, "executionDuration");
        Objects.requireNonNull(destruction, "destruction");
        progress = progress == null ? Progress.NONE : progress;
        parameters = parameters == null ? DaliParameters.EMPTY : parameters;
        uploads = List.copyOf(uploads);
        results = List.copyOf(results);
    }

    public Optional<ResultInfo> result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The stored input: parameters and uploads by part name. */
    public JobInput input() {
        java.util.Map<String, UploadedFile> byPart = new java.util.LinkedHashMap<>();
        uploads.forEach(u -> byPart.put(u.partName(), u));
        return new JobInput(parameters, byPart);
    }

    /**
     * Whether {@code caller} may see and change this job. An owned job: only its owner. An anonymous job: whoever
     * holds its URL, whose 128-bit random id is the capability (anonymous jobs are never listed, see JobStore.list).
     */
    public boolean accessibleTo(String caller) {
        return ownerId == null || ownerId.equals(caller);
    }
}
