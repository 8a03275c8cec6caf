package org.muwclass.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where the CLI talks to the user: results summaries on {@code out}, progress and errors on {@code err}. Progress
 * lines are rate-limited to one per {@code progressIntervalMillis} (the last step is always shown).
 */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final long progressIntervalMillis;
    private long lastProgress = Long.MIN_VALUE;
    private final long startNanos = System.nanoTime();

    /**
     * @param out                    where results summaries go (standard output)
     * @param err                    where progress and errors go (standard error)
     * @param progressIntervalMillis least time between two progress lines, ms
     */
    public Console(PrintStream out, PrintStream err, long progressIntervalMillis) {
        this.out = out;
        this.err = err;
        this.progressIntervalMillis = progressIntervalMillis;
    }

    /** Standard output: results summaries. */
    public PrintStream out() {
        return out;
    }

    /** Standard error: progress and errors. */
    public PrintStream err() {
        return err;
    }

    /** Prints a status line on standard error. */
    public void status(String message) {
        err.println("muwclass: " + message);
    }

    /**
     * Reports progress, e.g. {@code progress("cross-validation", 3, 10)} → {@code "cross-validation: 3/10 (30%),
     * 12 s elapsed"}.
     */
    /** Reports progress as a fraction in [0, 1], e.g. {@code "classification: 40%, 12 s elapsed"}. */
    public void progressFraction(String what, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        if (due(f >= 1)) {
            err.println(String.format(Locale.ROOT, "muwclass: %s: %.0f%%, %.0f s elapsed", what, 100 * f,
                    elapsedSeconds()));
        }
    }

    /** Reports progress as a count, e.g. {@code "folds: 3/10 (30%), 12 s elapsed"}. */
    public void progress(String what, long done, long total) {
        if (due(done >= total)) {
            String pct = total > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total) : "";
            err.println(String.format(Locale.ROOT, "muwclass: %s: %d/%d%s, %.0f s elapsed", what, done, total, pct,
                    elapsedSeconds()));
        }
    }

    private synchronized boolean due(boolean last) {
        long now = System.nanoTime() / 1_000_000;
        if (!last && lastProgress != Long.MIN_VALUE && now - lastProgress < progressIntervalMillis) {
            return false;
        }
        lastProgress = now;
        return true;
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
