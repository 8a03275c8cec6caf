package org.muwclass.service.tap.query;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the database tables holding TAP_UPLOAD tables ({@code tap_upload.u<created>_<random>_<n>}): the creation
 * time (epoch seconds, base 36) is part of the name, so the start-up sweep can tell leftovers of a crash from tables
 * that another cluster member is using now.
 */
public final class UploadTableName {

    /** The schema of upload tables. */
    public static final String SCHEMA = "tap_upload";

    private static final Pattern NAME = Pattern.compile("u([0-9a-z]{1,12})_[0-9a-f]{12}_[0-9]{1,4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadTableName() {
    }

    /** A fresh table name (without schema) for the {@code index}-th upload of a query. */
    public static String next(Instant now, int index) {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return "u" + Long.toString(now.getEpochSecond(), 36) + "_" + HexFormat.of().formatHex(r) + "_" + index;
    }

    /** When a table of this naming was created; empty for other names (e.g. older versions' tables). */
    public static Optional<Instant> createdAt(String table) {
        Matcher m = NAME.matcher(table);
        return m.matches() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1), 36))) : Optional.empty();
    }
}
