package org.muwclass.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises compressed data by its magic bytes, whatever its declared type, so that uploads are refused instead of
 * inflated (a small gzip can expand a thousandfold; STIL would inflate it on its own).
 */
public final class Compression {

    /** Bytes needed to recognise every format below. */
    public static final int MAGIC_BYTES = 6;

    private Compression() {
    }

    /** The compression format whose magic number starts {@code head}, if any. */
    public static Optional<String> of(byte[] head, int length) {
        if (starts(head, length, 0x1f, 0x8b)) {
            return Optional.of("gzip");
        }
        if (starts(head, length, 'B', 'Z', 'h')) {
            return Optional.of("bzip2");
        }
        if (starts(head, length, 'P', 'K', 3, 4) || starts(head, length, 'P', 'K', 5, 6)
                || starts(head, length, 'P', 'K', 7, 8)) {
            return Optional.of("zip");
        }
        if (starts(head, length, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return Optional.of("xz");
        }
        if (starts(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return Optional.of("zstd");
        }
        if (starts(head, length, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return Optional.of("7z");
        }
        if (starts(head, length, 0x1f, 0x9d)) {
            return Optional.of("compress (.Z)");
        }
        return Optional.empty();
    }

    /** @throws UploadRefusedException when the file starts like compressed data */
    public static void refuse(Path file, String what) throws IOException {
        byte[] head = new byte[MAGIC_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        refuse(head, n, what);
    }

    /** @throws UploadRefusedException when {@code head} starts like compressed data */
    public static void refuse(byte[] head, int length, String what) throws UploadRefusedException {
        Optional<String> c = of(head, length);
        if (c.isPresent()) {
            throw new UploadRefusedException(what + " is " + c.get() + "-compressed; compressed uploads are not"
                    + " accepted: send the table uncompressed");
        }
    }

    private static boolean starts(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
