package org.muwclass.core.pipeline;

import java.util.Objects;

/**
 * Progress as the fraction of a run's estimated cost done, rather than of its units: the units of one plan differ a
 * lot in cost (HESS_dev at 1,000 equivalent draws: 6,432 units for 5,051 forests, many training none, and tasks of
 * different training sizes), so a count of units ran ahead of the work and a quote extrapolated from it was ~10x
 * too short early in the run (docs/benchmarks.md). Each finished unit ({@link #unitDone}) adds its estimated seconds
 * ({@link ClassificationPlan#unitSeconds(CostModel)}); the target hears completed / total estimated seconds.
 * Fractions reported without a unit ({@link #progress}) are passed on as they are. Not thread-safe: executors call
 * listeners from the run's calling thread.
 */
public final class CostWeightedProgress implements ProgressListener {

    private final double[] unitSeconds;
    private final double totalSeconds;
    private final boolean[] done;
    private final ProgressListener target;
    private double doneSeconds;
    private int doneUnits;

    /**
     * @param unitSeconds estimated cost of each unit, indexed by {@link WorkUnit#index()}, s (&gt;= 0)
     * @param target      receives the cost-weighted fraction done
     */
    public CostWeightedProgress(double[] unitSeconds, ProgressListener target) {
        this.unitSeconds = unitSeconds.clone();
        double sum = 0;
        for (double s : this.unitSeconds) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("A unit's estimated cost must be finite and >= 0 s, not " + s);
            }
            sum += s;
        }
        this.totalSeconds = sum;
        this.done = new boolean[unitSeconds.length];
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Progress of {@code plan}'s units weighted by {@code cost}'s estimates. */
    public static CostWeightedProgress of(ClassificationPlan plan, CostModel cost, ProgressListener target) {
        return new CostWeightedProgress(plan.unitSeconds(cost), target);
    }

    /** Estimated cost of all units, s. */
    public double totalSeconds() {
        return totalSeconds;
    }

    /**
     * Fraction of the estimated cost done, 0..1; the fraction of units when every unit is estimated at 0 s, and 1
     * once every unit is done (whatever the rounding).
     */
    public double fraction() {
        if (doneUnits == done.length) {
            return 1.0;
        }
        return totalSeconds > 0 ? Math.min(1.0, doneSeconds / totalSeconds) : doneUnits / (double) done.length;
    }

    @Override
    public void unitDone(int unit, int finished, int total) {
        if (total != done.length) {
            throw new IllegalArgumentException("Progress of " + total + " units reported to a listener of "
                    + done.length);
        }
        if (!done[unit]) { // a unit re-run elsewhere (a cluster requeue) counts once
            done[unit] = true;
            doneSeconds += unitSeconds[unit];
            doneUnits++;
        }
        target.progress(fraction());
    }

    @Override
    public void progress(double fractionDone) {
        target.progress(fractionDone);
    }
}
