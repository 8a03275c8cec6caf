package org.muwclass.service.uws;

/**
 * Work done so far, reported by a running job and shown in jobInfo, in a unit of the kind's choosing that is
 * proportional to cost (a classification: estimated core-milliseconds), because the quote extrapolates it.
 *
 * @param done  work finished
 * @param total work in the job (0 when not known yet)
 */
public record Progress(long done, long total) {

    public static final Progress NONE = new Progress(0, 0);

    public Progress {
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress must not be negative: " + done + "/" + total);
        }
    }

    /** Fraction of work done in [0, 1], or NaN when the total is unknown. */
    public double fraction() {
        return total == 0 ? Double.NaN : Math.min(1.0, (double) done / total);
    }
}
