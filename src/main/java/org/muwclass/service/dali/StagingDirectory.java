package org.muwclass.service.dali;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory that receives one request's file parts ({@link RequestBody}); closing it deletes it with whatever
 * is left inside, so a request leaves no files behind however it ends.
 */
public final class StagingDirectory implements AutoCloseable {

    private final Path path;

    private StagingDirectory(Path path) {
        this.path = path;
    }

    /** A new empty directory below {@code parent} (created if missing), named {@code prefix} plus random digits. */
    public static StagingDirectory createIn(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        return new StagingDirectory(Files.createTempDirectory(parent, prefix));
    }

    /** Takes over an existing directory: closing deletes it. */
    public static StagingDirectory of(Path existing) {
        return new StagingDirectory(existing);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        deleteTree(path);
    }

    /** Deletes a directory tree; missing files are fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // deleted concurrently: fine
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
