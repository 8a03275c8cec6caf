package org.muwclass.service.tap.adql;

import java.util.Arrays;

/**
 * A polygon on the unit sphere whose edges are great-circle arcs between consecutive vertices (the last joined to the
 * first). Like pgSphere's {@code spoly}, the polygon is the smaller of the two regions its boundary encloses, whatever
 * the order the vertices are given in; its boundary counts as inside. Vertices are stored counter-clockwise (seen from
 * outside the sphere) around that region.
 */
final class SphericalPolygon {

    /** Angular tolerance (radians, about 2e-8 arcsec) within which a point counts as on an edge. */
    static final double EPS = 1e-10;

    private final double[][] v;
    private final double areaSr;

    private SphericalPolygon(double[][] vertices) {
        double left = leftArea(vertices);
        if (left > 2 * Math.PI) { // the given order goes clockwise around the smaller region: turn it round
            double[][] r = new double[vertices.length][];
            for (int i = 0; i < vertices.length; i++) {
                r[i] = vertices[vertices.length - 1 - i];
            }
            this.v = r;
            this.areaSr = 4 * Math.PI - left;
        } else {
            this.v = vertices;
            this.areaSr = left;
        }
    }

    /**
     * @param radec ra1, dec1, ra2, dec2, ... in degrees; at least 3 vertices
     * @throws IllegalArgumentException for fewer than 3 vertices, an odd count, a coordinate that is not finite or a
     *                                  declination outside [-90, 90]
     */
    static SphericalPolygon of(double[] radec) {
        if (radec.length < 6 || radec.length % 2 != 0) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices (6 coordinates), got "
                    + radec.length + " coordinates");
        }
        double[][] vs = new double[radec.length / 2][];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = SkyVectors.unit(radec[2 * i], radec[2 * i + 1]);
        }
        return new SphericalPolygon(vs);
    }

    /** Area in steradians. */
    double areaSr() {
        return areaSr;
    }

    int size() {
        return v.length;
    }

    double[] vertex(int i) {
        return v[i];
    }

    /**
     * The centroid direction: the area-weighted mean of the surface normal, which by Stokes' theorem is half the sum
     * over the edges of (edge length x unit normal of its great circle), normalised.
     */
    double[] centroid() {
        double[] sum = new double[3];
        for (int i = 0; i < v.length; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % v.length];
            double[] n = SkyVectors.cross(a, b);
            double len = SkyVectors.norm(n);
            if (len == 0) {
                continue;
            }
            double theta = SkyVectors.angle(a, b);
            for (int k = 0; k < 3; k++) {
                sum[k] += theta * n[k] / len;
            }
        }
        return SkyVectors.normalised(sum);
    }

    /** Whether the unit vector p is inside or on the boundary. */
    boolean contains(double[] p) {
        if (boundaryDistance(p) <= EPS) {
            return true;
        }
        return winding(p) > Math.PI;
    }

    /** Whether p is strictly inside (not on the boundary). */
    boolean containsStrictly(double[] p) {
        return boundaryDistance(p) > EPS && winding(p) > Math.PI;
    }

    /** The smallest angular distance (radians) from p to the boundary. */
    double boundaryDistance(double[] p) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            min = Math.min(min, SkyVectors.arcDistance(p, v[i], v[(i + 1) % v.length]));
        }
        return min;
    }

    /** The largest angular distance (radians) from p to a point of the boundary. */
    double farthestBoundaryDistance(double[] p) {
        double[] antipode = {-p[0], -p[1], -p[2]};
        double max = 0;
        for (int i = 0; i < v.length; i++) {
            max = Math.max(max, Math.PI - SkyVectors.arcDistance(antipode, v[i], v[(i + 1) % v.length]));
        }
        return max;
    }

    /** Whether an edge of this polygon meets an edge of the other (touching counts). */
    boolean edgesMeet(SphericalPolygon o) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < o.v.length; j++) {
                if (SkyVectors.arcsMeet(v[i], v[(i + 1) % v.length], o.v[j], o.v[(j + 1) % o.v.length], false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an edge of this polygon crosses an edge of the other away from their end points. */
    boolean edgesCrossProperly(SphericalPolygon o) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < o.v.length; j++) {
                if (SkyVectors.arcsMeet(v[i], v[(i + 1) % v.length], o.v[j], o.v[(j + 1) % o.v.length], true)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sum of the angles (radians) the edges subtend at p, counter-clockwise: 2 pi inside, 0 or -2 pi outside. */
    private double winding(double[] p) {
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += SkyVectors.turn(p, v[i], v[(i + 1) % v.length]);
        }
        return sum;
    }

    /** Area (sr) of the region on the left of the boundary walked in the given order (Girard's theorem). */
    private static double leftArea(double[][] vs) {
        int n = vs.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] prev = vs[(i + n - 1) % n];
            double[] next = vs[(i + 1) % n];
            double a = SkyVectors.turn(vs[i], next, prev); // interior angle, from the next edge round to the previous
            sum += a < 0 ? a + 2 * Math.PI : a;
        }
        return sum - (n - 2) * Math.PI;
    }

    @Override
    public String toString() {
        return "SphericalPolygon" + Arrays.deepToString(v);
    }
}
