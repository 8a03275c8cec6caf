package org.muwclass.core.xray;

/** The chi-square distribution function, as scipy's {@code chdtr}. */
public final class ChiSquare {

    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;

    private ChiSquare() {
    }

    /**
     * P(X &lt;= x) for X ~ chi^2 with {@code dof} degrees of freedom: the regularized lower incomplete gamma
     * P(dof/2, x/2). NaN for NaN input or dof &lt;= 0; 0 for x &lt;= 0.
     */
    public static double cdf(double x, double dof) {
        if (Double.isNaN(x) || Double.isNaN(dof) || dof <= 0) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0.0;
        }
        return regularizedLowerGamma(0.5 * dof, 0.5 * x);
    }

    /** P(a, x) by its series for x &lt; a + 1 and by Lentz's continued fraction for Q otherwise. */
    static double regularizedLowerGamma(double a, double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double logPrefactor = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1.0) {
            double ap = a;
            double del = 1.0 / a;
            double sum = del;
            for (int n = 0; n < MAX_ITERATIONS; n++) {
                ap += 1.0;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            return sum * Math.exp(logPrefactor);
        }
        double b = x + 1.0 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < EPS) {
                break;
            }
        }
        return 1.0 - Math.exp(logPrefactor) * h;
    }

    /** ln Gamma(a) for a &gt; 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
    static double logGamma(double a) {
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1.0 - a);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = a - 1.0;
        double s = g[0];
        for (int i = 1; i < g.length; i++) {
            s += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
