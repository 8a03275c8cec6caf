package org.muwclass.service.uws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.muwclass.service.dali.DaliParameters;
import org.muwclass.service.dali.UploadedFile;

/**
 * What a client sent for a job: its parameters (without the UWS control parameters PHASE, RUNID,
 * EXECUTIONDURATION, DESTRUCTION) and its uploaded files by part name.
 */
public record JobInput(DaliParameters parameters, Map<String, UploadedFile> uploads) {

    public JobInput {
        Objects.requireNonNull(parameters, "parameters");
        uploads = Map.copyOf(uploads);
    }

    /** The uploaded part called {@code partName}, matched case-insensitively. */
    public Optional<UploadedFile> upload(String partName) {
        UploadedFile exact = uploads.get(partName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return uploads.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(partName))
                .map(Map.Entry::getValue).findFirst();
    }
}
