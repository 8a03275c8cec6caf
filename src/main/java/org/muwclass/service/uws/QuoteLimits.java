package org.muwclass.service.uws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a job whose quote (its estimated execution time) exceeds its execution duration gets (issue 15 item 5): by
 * default it is refused before any work is done, with the quote, the duration and settings that would fit; where the
 * operator allows it ({@code muwclass.jobs.duration.auto.extend=true}) the duration is raised to cover the quote with
 * a margin of {@link #MARGIN}, up to the operator's largest duration ({@code muwclass.jobs.duration.limit.s});
 * a quote beyond that largest duration is refused either way.
 *
 * @param autoExtend  whether durations are raised instead of jobs refused
 * @param maxDuration the largest execution duration a job may get
 */
record QuoteLimits(boolean autoExtend, Duration maxDuration) {

    /** A raised duration covers the quote with this factor: quotes are within about +-20% of the measured time. */
    static final double MARGIN = 1.25;
    /** Parameters whose value the work grows with about linearly, named in a refusal with a value that would fit. */
    static final List<String> WORK_PARAMETERS = List.of("EQUIVALENT_DRAWS", "DRAWS");

    /**
     * The execution duration a job runs with, or the refusal.
     *
     * @param quote      the job's estimated execution time
     * @param duration   its execution duration (zero: unlimited)
     * @param parameters its parameters (to name smaller values of {@link #WORK_PARAMETERS} that fit)
     * @throws JobFailedException when refused; the message names the quote, the duration and what would fit
     */
    Duration check(Duration quote, Duration duration, JobParameters parameters) throws JobFailedException {
        Optional<String> refusal = refusal(quote, duration, parameters);
        if (refusal.isPresent()) {
            throw new JobFailedException(refusal.get());
        }
        return allowed(quote, duration);
    }

    /** The duration the job may run with (raised when auto-extension applies); the duration itself otherwise. */
    Duration allowed(Duration quote, Duration duration) {
        if (fits(quote, duration) || !autoExtend) {
            return duration;
        }
        Duration raised = covering(quote);
        return raised.compareTo(maxDuration) <= 0 ? raised : maxDuration;
    }

    /** Why a job with this quote and duration is refused, or empty when it may run. */
    Optional<String> refusal(Duration quote, Duration duration, JobParameters parameters) {
        if (fits(quote, duration) || (autoExtend && quote.compareTo(maxDuration) <= 0)) {
            return Optional.empty();
        }
        long q = seconds(quote);
        long d = duration.toSeconds();
        long max = maxDuration.toSeconds();
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
                "The job's quote is %d s, more than its execution duration of %d s (EXECUTIONDURATION), so it was not"
                        + " started. ", q, d));
        if (q <= max) {
            m.append("Ask for EXECUTIONDURATION=").append(Math.min(max, seconds(covering(quote))))
                    .append(" (at most ").append(max).append(" s)");
        } else {
            m.append("Even the longest execution duration (").append(max).append(" s) is too short");
        }
        double fraction = (double) d / q / MARGIN;
        List<String> smaller = new ArrayList<>();
        for (String p : WORK_PARAMETERS) {
            parameters.get(p).ifPresent(v -> {
                try {
                    long n = (long) Math.floor(Long.parseLong(v.trim()) * fraction);
                    if (n >= 1) {
                        smaller.add(p + "=" + n);
                    }
                } catch (NumberFormatException e) {
                    // not a number: the kind reports it when it parses the job
                }
            });
        }
        m.append(q <= max ? ", or ask for less work: " : "; ask for less work: ");
        m.append(String.format(Locale.ROOT, "about %.0f%% of it fits in %d s", 100 * fraction, d));
        if (!smaller.isEmpty()) {
            m.append(" (e.g. ").append(String.join(", ", smaller)).append(')');
        }
        m.append('.');
        return Optional.of(m.toString());
    }

    private static boolean fits(Duration quote, Duration duration) {
        return duration.isZero() || quote.compareTo(duration) <= 0;
    }

    private static Duration covering(Duration quote) {
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(quote.toMillis() * MARGIN / 1000.0)));
    }

    private static long seconds(Duration d) {
        return (long) Math.ceil(d.toMillis() / 1000.0);
    }
}
