package org.muwclass.tables;

import java.time.Duration;
import java.util.Objects;

/**
 * Caps on reading one table, checked while it is read.
 *
 * @param maxRows      most data rows
 * @param maxTime      longest reading time (wall clock)
 * @param rowsProperty the configuration property that sets {@code maxRows}, named in refusals
 */
public record ReadLimits(long maxRows, Duration maxTime, String rowsProperty) {

    /** No practical cap: files the operator gives on the command line. */
    public static final ReadLimits NONE = new ReadLimits(Long.MAX_VALUE, Duration.ofDays(365), "none");

    /** Longest string value accepted in an uploaded cell, characters (H2's VARCHAR limit). */
    public static final int MAX_STRING_CHARS = 1_000_000;

    public ReadLimits {
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(rowsProperty, "rowsProperty");
        if (maxRows <= 0 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("read limits must be positive: " + maxRows + " rows, " + maxTime);
        }
    }

    /** A clock started now for these limits. */
    public Deadline start() {
        return new Deadline(System.nanoTime() + Math.min(maxTime.toNanos(), Long.MAX_VALUE / 4));
    }

    /** The end of the allowed reading time. */
    public final class Deadline {
        private final long endNanos;

        private Deadline(long endNanos) {
            this.endNanos = endNanos;
        }

        /** @throws UploadRefusedException once the time is up */
        public void check(String what) throws UploadRefusedException {
            if (System.nanoTime() - endNanos > 0) {
                throw new UploadRefusedException(what + " took longer to read than the limit of "
                        + maxTime.toSeconds() + " s (muwclass.upload.limit.s)");
            }
        }

        /** @throws UploadRefusedException when {@code rows} is over the row cap */
        public void checkRows(String what, long rows) throws UploadRefusedException {
            if (rows > maxRows) {
                throw new UploadRefusedException(what + " has more than the limit of " + maxRows + " rows ("
                        + rowsProperty + ")");
            }
        }
    }
}
