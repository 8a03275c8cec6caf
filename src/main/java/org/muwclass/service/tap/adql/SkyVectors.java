package org.muwclass.service.tap.adql;

/** Unit-vector arithmetic for spherical geometry; positions in degrees, angles returned in radians. */
final class SkyVectors {

    private SkyVectors() {
    }

    /** The unit vector of (ra, dec), degrees. */
    static double[] unit(double raDeg, double decDeg) {
        if (!Double.isFinite(raDeg) || !(Math.abs(decDeg) <= 90)) {
            throw new IllegalArgumentException("not a position on the sky: (" + raDeg + ", " + decDeg + ") deg");
        }
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        return new double[]{Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
    }

    /** (ra in [0, 360), dec) in degrees of a non-zero vector. */
    static double[] raDec(double[] p) {
        double ra = Math.toDegrees(Math.atan2(p[1], p[0]));
        if (ra < 0) {
            ra += 360;
        }
        if (ra >= 360) {
            ra -= 360;
        }
        double dec = Math.toDegrees(Math.atan2(p[2], Math.hypot(p[0], p[1])));
        return new double[]{ra, dec};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] normalised(double[] a) {
        double n = norm(a);
        return new double[]{a[0] / n, a[1] / n, a[2] / n};
    }

    /** The angle (radians) between two unit vectors, accurate at all separations. */
    static double angle(double[] a, double[] b) {
        return Math.atan2(norm(cross(a, b)), dot(a, b));
    }

    /** The angle (radians, in (-pi, pi]) at p from the direction of x to the direction of y, counter-clockwise. */
    static double turn(double[] p, double[] x, double[] y) {
        return Math.atan2(dot(p, cross(x, y)), dot(x, y) - dot(p, x) * dot(p, y));
    }

    /** The smallest angle (radians) from p to a point of the shorter great-circle arc from a to b. */
    static double arcDistance(double[] p, double[] a, double[] b) {
        double[] n = cross(a, b);
        double len = norm(n);
        double ends = Math.min(angle(p, a), angle(p, b));
        if (len < 1e-15) {
            return ends; // a and b coincide
        }
        double[] u = {n[0] / len, n[1] / len, n[2] / len};
        double off = dot(p, u);
        double[] q = {p[0] - off * u[0], p[1] - off * u[1], p[2] - off * u[2]};
        double qn = norm(q);
        if (qn < 1e-15) {
            return ends; // p is a pole of the arc's great circle: every point of it is 90 deg away
        }
        // the foot of the perpendicular lies on the arc when it is between a and b
        if (dot(cross(a, q), u) >= 0 && dot(cross(q, b), u) >= 0) {
            return Math.atan2(Math.abs(off), qn);
        }
        return ends;
    }

    /**
     * Whether the arcs a-b and c-d share a point; with {@code properly}, only a crossing farther than
     * {@link SphericalPolygon#EPS} from all four end points counts.
     */
    static boolean arcsMeet(double[] a, double[] b, double[] c, double[] d, boolean properly) {
        double[] t = cross(cross(a, b), cross(c, d));
        double len = norm(t);
        double eps = SphericalPolygon.EPS;
        if (len < 1e-15) { // the same great circle (or a degenerate arc): they meet where an end lies on the other
            return !properly && (arcDistance(a, c, d) <= eps || arcDistance(b, c, d) <= eps
                    || arcDistance(c, a, b) <= eps || arcDistance(d, a, b) <= eps);
        }
        for (int sign = -1; sign <= 1; sign += 2) {
            double[] x = {sign * t[0] / len, sign * t[1] / len, sign * t[2] / len};
            if (arcDistance(x, a, b) <= eps && arcDistance(x, c, d) <= eps) {
                if (!properly || (angle(x, a) > eps && angle(x, b) > eps && angle(x, c) > eps && angle(x, d) > eps)) {
                    return true;
                }
            }
        }
        return false;
    }
}
