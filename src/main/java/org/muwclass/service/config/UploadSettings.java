package org.muwclass.service.config;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.muwclass.tables.ReadLimits;

/**
 * Limits on uploaded tables and request bodies (docs/security.md, "Uploads and request bodies"). The byte cap of an
 * upload stays {@code muwclass.upload.limit.bytes} in {@link ServiceConfig}.
 *
 * @param tapRows           most rows of one TAP_UPLOAD table (muwclass.upload.limit.rows)
 * @param classifyRows      most rows of one table uploaded to /classify (muwclass.upload.classify.limit.rows)
 * @param readTime          longest time reading one uploaded table may take (muwclass.upload.limit.s)
 * @param formBytes         largest application/x-www-form-urlencoded body, bytes (muwclass.http.form.limit.bytes)
 * @param parameters        most parameters in one request, query string and body together
 *                          (muwclass.http.parameters.limit)
 * @param multipartParts    most parts of one multipart body (muwclass.http.multipart.parts.limit)
 * @param partHeaders       most header lines of one multipart part (muwclass.http.multipart.headers.limit)
 * @param partHeaderBytes   largest header block of one multipart part, bytes
 *                          (muwclass.http.multipart.header.limit.bytes)
 * @param preambleBytes     largest multipart preamble before the first boundary, bytes
 *                          (muwclass.http.multipart.preamble.limit.bytes)
 */
public record UploadSettings(long tapRows, long classifyRows, Duration readTime, long formBytes, int parameters,
                             int multipartParts, int partHeaders, int partHeaderBytes, int preambleBytes) {

    /** The documented defaults. */
    public static final UploadSettings DEFAULT = new UploadSettings(1_000_000L, 200_000L, Duration.ofSeconds(60),
            1024L * 1024, 100, 100, 16, 16 * 1024, 16 * 1024);

    public UploadSettings {
        positive("muwclass.upload.limit.rows", tapRows);
        positive("muwclass.upload.classify.limit.rows", classifyRows);
        if (readTime == null || readTime.isNegative() || readTime.isZero()) {
            throw new IllegalArgumentException("muwclass.upload.limit.s must be a positive number of seconds, got "
                    + readTime);
        }
        positive("muwclass.http.form.limit.bytes", formBytes);
        positive("muwclass.http.parameters.limit", parameters);
        positive("muwclass.http.multipart.parts.limit", multipartParts);
        positive("muwclass.http.multipart.headers.limit", partHeaders);
        positive("muwclass.http.multipart.header.limit.bytes", partHeaderBytes);
        positive("muwclass.http.multipart.preamble.limit.bytes", preambleBytes);
    }

    /** Reads every property with its documented default. */
    public static UploadSettings fromConfig(Config cfg) {
        return new UploadSettings(
                cfg.getOptionalValue("muwclass.upload.limit.rows", Long.class).orElse(DEFAULT.tapRows),
                cfg.getOptionalValue("muwclass.upload.classify.limit.rows", Long.class).orElse(DEFAULT.classifyRows),
                Duration.ofSeconds(cfg.getOptionalValue("muwclass.upload.limit.s", Long.class)
                        .orElse(DEFAULT.readTime.toSeconds())),
                cfg.getOptionalValue("muwclass.http.form.limit.bytes", Long.class).orElse(DEFAULT.formBytes),
                cfg.getOptionalValue("muwclass.http.parameters.limit", Integer.class).orElse(DEFAULT.parameters),
                cfg.getOptionalValue("muwclass.http.multipart.parts.limit", Integer.class)
                        .orElse(DEFAULT.multipartParts),
                cfg.getOptionalValue("muwclass.http.multipart.headers.limit", Integer.class)
                        .orElse(DEFAULT.partHeaders),
                cfg.getOptionalValue("muwclass.http.multipart.header.limit.bytes", Integer.class)
                        .orElse(DEFAULT.partHeaderBytes),
                cfg.getOptionalValue("muwclass.http.multipart.preamble.limit.bytes", Integer.class)
                        .orElse(DEFAULT.preambleBytes));
    }

    /** Read limits of one TAP_UPLOAD table. */
    public ReadLimits tapLimits() {
        return new ReadLimits(tapRows, readTime, "muwclass.upload.limit.rows");
    }

    /** Read limits of one table uploaded to /classify. */
    public ReadLimits classifyLimits() {
        return new ReadLimits(classifyRows, readTime, "muwclass.upload.classify.limit.rows");
    }

    /**
     * The settings of the running service, for the static parsers that are not CDI beans (and may run on threads
     * without a CDI context); the defaults until the service has installed its own (unit tests, the command line).
     */
    public static UploadSettings current() {
        UploadSettings s = installed;
        return s != null ? s : DEFAULT;
    }

    /** Makes {@code settings} what {@link #current()} returns (the producer does this at start-up). */
    public static void install(UploadSettings settings) {
        installed = settings;
    }

    private static volatile UploadSettings installed;

    private static void positive(String property, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive, got " + value);
        }
    }
}
