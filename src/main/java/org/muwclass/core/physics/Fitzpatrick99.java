package org.muwclass.core.physics;

/**
 * The Fitzpatrick (1999, PASP 111, 63) extinction curve for a given R_V: the Fitzpatrick &amp; Massa (1990) UV
 * formula below 2700 Angstrom, and above it a natural cubic spline through the optical/IR anchor points (the updated
 * anchors of the IDL routine FM_UNRED, as in Barbary's {@code extinction} package). Immutable.
 */
final class Fitzpatrick99 {

    private static final double X0 = 4.596;
    private static final double GAMMA = 0.99;
    private static final double C3 = 3.23;
    private static final double C4 = 0.41;
    private static final double C5 = 5.9;
    /** 1e4/2700: boundary, inverse micron, between the spline and the UV formula. */
    private static final double X_UV = 1e4 / 2700.0;

    /** Anchor positions, inverse micron. */
    private static final double[] X_KNOTS = {0.0, 1e4 / 26500., 1e4 / 12200., 1e4 / 6000., 1e4 / 5470.,
        1e4 / 4670., 1e4 / 4110., 1e4 / 2700., 1e4 / 2600.};

    private final double rV;
    private final double c1;
    private final double c2;
    private final NaturalCubicSpline spline;

    Fitzpatrick99(double rV) {
        this.rV = rV;
        this.c2 = -0.824 + 4.717 / rV;
        this.c1 = 2.030 - 3.007 * c2;
        double rv2 = rV * rV;
        double[] k = new double[X_KNOTS.length];
        k[0] = -rV;
        k[1] = 0.26469 * rV / 3.1 - rV;
        k[2] = 0.82925 * rV / 3.1 - rV;
        k[3] = -0.422809 + 1.00270 * rV + 2.13572e-04 * rv2 - rV;
        k[4] = -5.13540e-02 + 1.00216 * rV - 7.35778e-05 * rv2 - rV;
        k[5] = 0.700127 + 1.00184 * rV - 3.32598e-05 * rv2 - rV;
        k[6] = 1.19456 + 1.01707 * rV - 5.46959e-03 * rv2 + 7.97809e-04 * rv2 * rV - 4.45636e-05 * rv2 * rv2 - rV;
        for (int i = 7; i < 9; i++) {
            k[i] = uvK(X_KNOTS[i]);
        }
        this.spline = new NaturalCubicSpline(X_KNOTS, k);
    }

    /** E(lambda - V)/E(B - V) from the FM90 UV formula, x in inverse micron. */
    private double uvK(double x) {
        double x2 = x * x;
        double y = x2 - X0 * X0;
        double d = x2 / (y * y + x2 * GAMMA * GAMMA);
        double k = c1 + c2 * x + C3 * d;
        if (x >= C5) {
            double t = x - C5;
            double t2 = t * t;
            k += C4 * (0.5392 * t2 + 0.05644 * t2 * t);
        }
        return k;
    }

    /** A(lambda), mag, for wavelength in Angstrom and A_V in mag. */
    double extinctionMag(double wavelengthAngstrom, double aV) {
        if (!(wavelengthAngstrom > 0)) {
            throw new IllegalArgumentException("wavelength must be > 0 Angstrom, got " + wavelengthAngstrom);
        }
        double x = 1e4 / wavelengthAngstrom;
        double k = x < X_UV ? spline.value(x) : uvK(x);
        return aV * (1.0 + k / rV);
    }

    /** Interpolating cubic spline with zero second derivative at both ends. */
    static final class NaturalCubicSpline {
        private final double[] x;
        private final double[] y;
        private final double[] m; // second derivatives at the knots

        NaturalCubicSpline(double[] x, double[] y) {
            int n = x.length;
            this.x = x.clone();
            this.y = y.clone();
            this.m = new double[n];
            // tridiagonal system for interior second derivatives (Thomas algorithm)
            double[] c = new double[n];
            double[] d = new double[n];
            for (int i = 1; i < n - 1; i++) {
                double h0 = x[i] - x[i - 1];
                double h1 = x[i + 1] - x[i];
                double a = h0 / 6.0;
                double b = (h0 + h1) / 3.0;
                double cc = h1 / 6.0;
                double r = (y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0;
                double denom = b - a * c[i - 1];
                c[i] = cc / denom;
                d[i] = (r - a * d[i - 1]) / denom;
            }
            for (int i = n - 2; i >= 1; i--) {
                m[i] = d[i] - c[i] * m[i + 1];
            }
        }

        /** The spline value at t; callers keep t inside the knot range (x &gt;= 0 and below the UV boundary). */
        double value(double t) {
            int n = x.length;
            int i = 0;
            while (i < n - 2 && t > x[i + 1]) {
                i++;
            }
            double h = x[i + 1] - x[i];
            double a = (x[i + 1] - t) / h;
            double b = (t - x[i]) / h;
            return a * y[i] + b * y[i + 1] + ((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * h * h / 6.0;
        }
    }
}
