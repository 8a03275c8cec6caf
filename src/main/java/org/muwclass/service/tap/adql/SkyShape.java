package org.muwclass.service.tap.adql;

/**
 * An ADQL geometry value as the embedded database carries it: a DOUBLE PRECISION ARRAY in DALI order (degrees), whose
 * length says the shape: 2 a point (ra, dec), 3 a circle (ra, dec, radius), 6 or more (even) a polygon (ra1, dec1,
 * ra2, dec2, ...). CONTAINS, INTERSECTS, AREA and CENTROID on these values follow pgSphere, so both databases answer
 * alike: boundaries count as inside, a polygon is the smaller region its great-circle edges enclose.
 */
sealed interface SkyShape {

    /** A point; {@code p} is its unit vector. */
    record Point(double ra, double dec, double[] p) implements SkyShape {
    }

    /** A circle of {@code radius} radians round the unit vector {@code c}. */
    record Circle(double ra, double dec, double[] c, double radius) implements SkyShape {
    }

    /** A polygon with great-circle edges. */
    record Polygon(SphericalPolygon polygon) implements SkyShape {
    }

    /**
     * The shape of a DALI array, or null when the array or one of its values is NULL.
     *
     * @throws IllegalArgumentException for an array of 1, 4 or an odd number of values, a position off the sky or a
     *                                  radius outside [0, 180] deg
     */
    static SkyShape of(Double[] dali) {
        if (dali == null) {
            return null;
        }
        double[] v = new double[dali.length];
        for (int i = 0; i < v.length; i++) {
            if (dali[i] == null) {
                return null;
            }
            v[i] = dali[i];
        }
        return switch (v.length) {
            case 2 -> new Point(v[0], v[1], SkyVectors.unit(v[0], v[1]));
            case 3 -> {
                if (!(v[2] >= 0 && v[2] <= 180)) {
                    throw new IllegalArgumentException("a circle radius must be between 0 and 180 deg, got " + v[2]);
                }
                yield new Circle(v[0], v[1], SkyVectors.unit(v[0], v[1]), Math.toRadians(v[2]));
            }
            default -> {
                if (v.length < 6 || v.length % 2 != 0) {
                    throw new IllegalArgumentException("a geometry value has 2 (point), 3 (circle) or an even number "
                            + "of at least 6 (polygon) values, got " + v.length);
                }
                yield new Polygon(SphericalPolygon.of(v));
            }
        };
    }

    /** Whether {@code a} lies entirely inside {@code b} (ADQL CONTAINS(a, b)). */
    static boolean contains(SkyShape a, SkyShape b) {
        if (b instanceof Point) {
            throw new IllegalArgumentException(
                    "CONTAINS needs a CIRCLE or POLYGON as its second argument, got a POINT");
        }
        if (a instanceof Point p) {
            return b instanceof Circle c ? SkyVectors.angle(p.p(), c.c()) <= c.radius() + SphericalPolygon.EPS
                    : ((Polygon) b).polygon().contains(p.p());
        }
        if (a instanceof Circle c1) {
            if (b instanceof Circle c2) {
                return SkyVectors.angle(c1.c(), c2.c()) + c1.radius() <= c2.radius() + SphericalPolygon.EPS;
            }
            SphericalPolygon poly = ((Polygon) b).polygon();
            return poly.contains(c1.c()) && poly.boundaryDistance(c1.c()) >= c1.radius() - SphericalPolygon.EPS;
        }
        SphericalPolygon inner = ((Polygon) a).polygon();
        if (b instanceof Circle c) {
            // the farthest point of a polygon inside the circle is on its boundary, unless it holds the antipode
            double[] antipode = {-c.c()[0], -c.c()[1], -c.c()[2]};
            return inner.farthestBoundaryDistance(c.c()) <= c.radius() + SphericalPolygon.EPS
                    && (c.radius() >= Math.PI || !inner.containsStrictly(antipode));
        }
        SphericalPolygon outer = ((Polygon) b).polygon();
        for (int i = 0; i < inner.size(); i++) {
            if (!outer.contains(inner.vertex(i))) {
                return false;
            }
        }
        for (int i = 0; i < outer.size(); i++) {
            if (inner.containsStrictly(outer.vertex(i))) {
                return false;
            }
        }
        return !inner.edgesCrossProperly(outer);
    }

    /** Whether {@code a} and {@code b} share at least one point (ADQL INTERSECTS). */
    static boolean intersects(SkyShape a, SkyShape b) {
        if (a instanceof Point && b instanceof Point) {
            throw new IllegalArgumentException("INTERSECTS of two POINTs is not supported; compare DISTANCE with 0");
        }
        if (a instanceof Point) {
            return contains(a, b);
        }
        if (b instanceof Point) {
            return contains(b, a);
        }
        if (a instanceof Circle c1 && b instanceof Circle c2) {
            return SkyVectors.angle(c1.c(), c2.c()) <= c1.radius() + c2.radius() + SphericalPolygon.EPS;
        }
        if (a instanceof Circle c && b instanceof Polygon p) {
            return circleMeetsPolygon(c, p.polygon());
        }
        if (a instanceof Polygon p && b instanceof Circle c) {
            return circleMeetsPolygon(c, p.polygon());
        }
        SphericalPolygon p1 = ((Polygon) a).polygon();
        SphericalPolygon p2 = ((Polygon) b).polygon();
        return p1.contains(p2.vertex(0)) || p2.contains(p1.vertex(0)) || p1.edgesMeet(p2);
    }

    private static boolean circleMeetsPolygon(Circle c, SphericalPolygon p) {
        return p.contains(c.c()) || p.boundaryDistance(c.c()) <= c.radius() + SphericalPolygon.EPS;
    }

    /** Area in square degrees: 0 for a point. */
    static double areaDeg2(SkyShape s) {
        double sr = 0;
        if (s instanceof Circle c) {
            sr = 2 * Math.PI * (1 - Math.cos(c.radius()));
        } else if (s instanceof Polygon p) {
            sr = p.polygon().areaSr();
        }
        double perRad = 180 / Math.PI;
        return sr * perRad * perRad;
    }

    /** The centroid (ra, dec) in degrees: the point itself, the circle centre, the polygon's area centroid. */
    static double[] centroid(SkyShape s) {
        if (s instanceof Point p) {
            return new double[]{p.ra(), p.dec()};
        }
        if (s instanceof Circle c) {
            return new double[]{c.ra(), c.dec()};
        }
        return SkyVectors.raDec(((Polygon) s).polygon().centroid());
    }
}
