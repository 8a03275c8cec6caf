package org.muwclass.core.xray;

/**
 * Mean and standard deviation of a split-normal (Fechner) distribution built from a mode and 68% limits
 * (Possolo et al. 2019), as MUWCLASS symmetrises the CSC aperture fluxes (docs/algorithm.md §2.2). NaN stands for NULL.
 *
 * @param mean  mean, same unit as the inputs (erg/s/cm2 for CSC fluxes)
 * @param sigma standard deviation, same unit
 */
public record FechnerFlux(double mean, double sigma) {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    private static final double ONE_MINUS_2_OVER_PI = 1.0 - 2.0 / Math.PI;

    /** A NULL flux. */
    public static final FechnerFlux NULL = new FechnerFlux(Double.NaN, Double.NaN);

    /** Upper limit used to fill a band with no measurement, erg/s/cm2 (docs/algorithm.md §2.4). */
    public static final double FILL_UPPER_LIMIT = 1e-17;

    /**
     * Moments from mode and limits: mu = mode + sqrt(2/pi) (e_hi - e_lo), sigma^2 = (1 - 2/pi)(e_hi - e_lo)^2
     * + e_hi e_lo, with e_hi = hilim - mode and e_lo = mode - lolim. NULL if any input is NaN.
     */
    public static FechnerFlux fromLimits(double mode, double lolim, double hilim) {
        if (Double.isNaN(mode) || Double.isNaN(lolim) || Double.isNaN(hilim)) {
            return NULL;
        }
        double eHi = hilim - mode;
        double eLo = mode - lolim;
        double d = eHi - eLo;
        return new FechnerFlux(mode + SQRT_2_OVER_PI * d, Math.sqrt(ONE_MINUS_2_OVER_PI * d * d + eHi * eLo));
    }

    /** The fill for a band never measured: mode 0, lower limit 0, upper limit 1e-17 erg/s/cm2. */
    public static FechnerFlux fill() {
        return fromLimits(0.0, 0.0, FILL_UPPER_LIMIT);
    }

    /** True when both moments are present. */
    public boolean isPresent() {
        return !Double.isNaN(mean) && !Double.isNaN(sigma);
    }

    /** Sum of independent fluxes: means add, variances add. NULL if any part is NULL. */
    public static FechnerFlux sum(FechnerFlux... parts) {
        double m = 0;
        double v = 0;
        for (FechnerFlux p : parts) {
            if (!p.isPresent()) {
                return NULL;
            }
            m += p.mean;
            v += p.sigma * p.sigma;
        }
        return new FechnerFlux(m, Math.sqrt(v));
    }

    /**
     * Inverse-variance weighted mean of present values and its error (sum 1/sigma^2)^-1/2; a single value is taken as
     * is; NULL when none is present. A zero sigma is not guarded (as upstream) and yields NaN.
     */
    public static FechnerFlux inverseVarianceMean(Iterable<FechnerFlux> values) {
        int n = 0;
        FechnerFlux only = NULL;
        double sw = 0;
        double swx = 0;
        for (FechnerFlux f : values) {
            if (!f.isPresent()) {
                continue;
            }
            n++;
            only = f;
            double w = 1.0 / (f.sigma * f.sigma);
            sw += w;
            swx += w * f.mean;
        }
        if (n == 0) {
            return NULL;
        }
        if (n == 1) {
            return only;
        }
        return new FechnerFlux(swx / sw, Math.sqrt(1.0 / sw));
    }
}
