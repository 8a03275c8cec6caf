package org.muwclass.core.pipeline;

import java.util.Arrays;

/**
 * Forests per node of an interpolating E(B-V) grid, sized from the intra-forest correlation rho measured at the
 * node's E(B-V) rather than from one conservative rho for every node: F = ceil(N (1 + (M - 1) rho(E)) / M) forests of
 * M target realisations each give N equivalent independent draws (Kish's design effect, docs/science-notes.md), where
 * N is the run's requested precision, {@link RunParameters#equivalentDraws()}. Never more than the run's
 * {@link RunParameters#forestsPerTask()}: where rho(E) exceeds {@link RunParameters#DESIGN_RHO} a node keeps the
 * run's forests. The paper's protocol (M = 1) is unchanged.
 *
 * @param fromMag E(B-V) where each rho value starts to apply, mag, increasing, the first 0
 * @param rho     rho from {@code fromMag[i]} up to {@code fromMag[i + 1]}, 0..1
 */
public record NodeForests(double[] fromMag, double[] rho) {

    /** Every node trains the run's {@link RunParameters#forestsPerTask()} (rho = DESIGN_RHO everywhere). */
    public static final NodeForests UNIFORM = new NodeForests(new double[] {0},
            new double[] {RunParameters.DESIGN_RHO});

    public NodeForests {
        if (fromMag.length == 0 || fromMag.length != rho.length || fromMag[0] != 0) {
            throw new IllegalArgumentException("need one rho per interval and a first interval from 0 mag");
        }
        for (int i = 0; i < rho.length; i++) {
            if (!(rho[i] >= 0 && rho[i] <= 1) || i > 0 && !(fromMag[i] > fromMag[i - 1])) {
                throw new IllegalArgumentException("rho must be 0..1 on increasing intervals, got "
                        + Arrays.toString(fromMag) + " " + Arrays.toString(rho));
            }
        }
        fromMag = fromMag.clone();
        rho = rho.clone();
    }

    /** rho at E(B-V) {@code ebvMag}. */
    public double rhoAt(double ebvMag) {
        int i = 0;
        while (i + 1 < fromMag.length && fromMag[i + 1] <= ebvMag) {
            i++;
        }
        return rho[i];
    }

    /** Forests a node at {@code ebvMag} trains in a run with parameters {@code p}, 1..{@code p.forestsPerTask()}. */
    public int forests(double ebvMag, RunParameters p) {
        int requested = p.forestsPerTask();
        int m = p.targetsPerForest();
        if (m == 1) {
            return requested;
        }
        long f = (long) Math.ceil(p.equivalentDraws() * (1 + (m - 1) * rhoAt(ebvMag)) / m - 1e-9);
        return (int) Math.max(1, Math.min(requested, f));
    }
}
