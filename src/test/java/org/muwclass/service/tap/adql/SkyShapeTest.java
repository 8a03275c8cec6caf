package org.muwclass.service.tap.adql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The H2 geometry functions on values whose answers are known in closed form. */
class SkyShapeTest {

    private static Double[] g(double... v) {
        Double[] out = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static final double DEG2_PER_SR = Math.pow(180 / Math.PI, 2);

    @Test
    void areasInSquareDegrees() {
        assertEquals(4 * Math.PI / 8 * DEG2_PER_SR, SkyGeometry.area(g(0, 0, 90, 0, 0, 90)), 1e-9); // an octant
        assertEquals(4 * Math.PI / 8 * DEG2_PER_SR, SkyGeometry.area(g(0, 90, 90, 0, 0, 0)), 1e-9); // either order
        assertEquals(2 * Math.PI * (1 - Math.cos(Math.toRadians(1))) * DEG2_PER_SR, SkyGeometry.area(g(5, 5, 1)),
                1e-12);
        assertEquals(0.0, SkyGeometry.area(g(5, 5)));
        // 4 vertices at dec 60: the great-circle edges cut inside the small circle, so less than the cap above 60
        double square = SkyGeometry.area(g(0, 60, 90, 60, 180, 60, 270, 60));
        assertEquals(true, square < 2 * Math.PI * (1 - Math.sin(Math.toRadians(60))) * DEG2_PER_SR);
    }

    @Test
    void centroidOfSymmetricShapes() {
        assertArrayEquals(new Double[]{10.0, 0.0}, round(SkyGeometry.centroid(g(9, -1, 11, -1, 11, 1, 9, 1))));
        assertEquals(90.0, SkyGeometry.centroid(g(0, 60, 90, 60, 180, 60, 270, 60))[1], 1e-9); // ra undefined
        assertArrayEquals(new Double[]{359.0, 0.0}, round(SkyGeometry.centroid(g(358, -1, 0, -1, 0, 1, 358, 1))));
        assertArrayEquals(new Double[]{12.5, -3.0}, SkyGeometry.centroid(g(12.5, -3, 2)));
    }

    private static Double[] round(Double[] v) {
        return new Double[]{Math.round(v[0] * 1e9) / 1e9, Math.round(v[1] * 1e9) / 1e9};
    }

    @Test
    void containsAcrossRaZeroAroundThePoleAndOnTheBoundary() {
        Double[] acrossZero = g(358, -1, 2, -1, 2, 1, 358, 1);
        assertEquals(1, SkyGeometry.contains(g(0, 0), acrossZero));
        assertEquals(1, SkyGeometry.contains(g(359.5, 0.5), acrossZero));
        assertEquals(0, SkyGeometry.contains(g(3, 0), acrossZero));
        assertEquals(0, SkyGeometry.contains(g(180, 0), acrossZero)); // the antipode is in the larger region
        Double[] polar = g(0, 80, 120, 80, 240, 80);
        assertEquals(1, SkyGeometry.contains(g(17, 89.9), polar));
        assertEquals(0, SkyGeometry.contains(g(17, -89.9), polar));
        assertEquals(1, SkyGeometry.contains(g(2, 0), acrossZero)); // on an edge: inside, as in pgSphere
        assertEquals(1, SkyGeometry.contains(g(2, 1), acrossZero)); // a vertex
        // circle in polygon, polygon in circle, polygon in polygon
        assertEquals(1, SkyGeometry.contains(g(0, 0, 0.9), acrossZero));
        assertEquals(0, SkyGeometry.contains(g(0, 0, 1.1), acrossZero));
        assertEquals(1, SkyGeometry.contains(acrossZero, g(0, 0, 2.24)));
        assertEquals(0, SkyGeometry.contains(acrossZero, g(0, 0, 2.23))); // corners are 2.2360 deg away
        assertEquals(1, SkyGeometry.contains(g(359, -0.5, 1, -0.5, 0, 0.5), acrossZero));
        assertEquals(0, SkyGeometry.contains(acrossZero, g(359, -0.5, 1, -0.5, 0, 0.5)));
    }

    @Test
    void intersectsEveryPair() {
        Double[] square = g(10, -1, 12, -1, 12, 1, 10, 1);
        assertEquals(1, SkyGeometry.intersects(square, g(13, 0, 1.01)));
        assertEquals(0, SkyGeometry.intersects(square, g(13, 0, 0.99)));
        assertEquals(1, SkyGeometry.intersects(g(13, 0, 1.01), square));
        assertEquals(1, SkyGeometry.intersects(square, g(11.5, 0.5, 13, 0.5, 13, 2)));  // edges cross
        assertEquals(0, SkyGeometry.intersects(square, g(12.5, 0.5, 13, 0.5, 13, 2)));
        assertEquals(1, SkyGeometry.intersects(square, g(0, -5, 20, -5, 20, 5, 0, 5))); // one inside the other
        assertEquals(1, SkyGeometry.intersects(g(11, 0), square));
        assertEquals(1, SkyGeometry.intersects(g(0, 0, 1), g(1.5, 0, 0.5)));
    }

    @Test
    void nullGivesNullAndBadValuesAreNamed() {
        assertNull(SkyGeometry.contains(null, g(1, 2, 3)));
        assertNull(SkyGeometry.contains(new Double[]{1.0, null}, g(1, 2, 3)));
        assertNull(SkyGeometry.area(null));
        assertNull(SkyGeometry.centroid(null));
        assertEquals("a geometry value has 2 (point), 3 (circle) or an even number of at least 6 (polygon) values, "
                + "got 4", assertThrows(IllegalArgumentException.class, () -> SkyGeometry.area(g(1, 2, 3, 4)))
                .getMessage());
        assertEquals("CONTAINS needs a CIRCLE or POLYGON as its second argument, got a POINT",
                assertThrows(IllegalArgumentException.class, () -> SkyGeometry.contains(g(1, 2, 3), g(1, 2)))
                        .getMessage());
        assertEquals("not a position on the sky: (1.0, 91.0) deg",
                assertThrows(IllegalArgumentException.class, () -> SkyGeometry.area(g(1, 91, 3, 4, 5, 6)))
                        .getMessage());
    }
}
