package org.muwclass.service.uws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.muwclass.service.dali.PartNames;
import org.muwclass.service.dali.StagingDirectory;

/**
 * The job directories: {@code <root>/<jobId>/uploads/<part>}, {@code results/<name>} and {@code work/}, plus
 * {@code <root>/.staging/} for request bodies being received before their job exists.
 */
public final class JobFiles {

    private final Path root;

    public JobFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path jobDirectory(String jobId) {
        if (!JobIds.isWellFormed(jobId)) {
            throw new IllegalArgumentException("Not a job id: " + jobId);
        }
        return root.resolve(jobId);
    }

    public Path upload(String jobId, String partName) {
        return jobDirectory(jobId).resolve("uploads").resolve(ResultNames.requireValid(partName));
    }

    public Path result(String jobId, String name) {
        return jobDirectory(jobId).resolve("results").resolve(ResultNames.requireValid(name));
    }

    public Path work(String jobId) {
        return jobDirectory(jobId).resolve("work");
    }

    /** A new empty directory for receiving a request's files; the caller deletes it with {@link #deleteTree}. */
    public Path newStagingDirectory() throws IOException {
        Path staging = root.resolve(".staging");
        Files.createDirectories(staging);
        return Files.createTempDirectory(staging, "req");
    }

    /** Whether a part name can be stored (letters, digits, '.', '_', '-'; up to 100 characters). */
    public static boolean isStorableName(String name) {
        return PartNames.isValid(name);
    }

    /** Deletes a directory tree; missing files are fine. */
    public static void deleteTree(Path dir) {
        StagingDirectory.deleteTree(dir);
    }
}
