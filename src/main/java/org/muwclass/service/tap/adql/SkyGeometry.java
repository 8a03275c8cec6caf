package org.muwclass.service.tap.adql;

import java.util.List;

/**
 * Spherical geometry on (ra, dec) in degrees, registered in H2 as deterministic scalar functions so that the
 * translated ADQL geometry predicates run inside the database. Semantics follow pgSphere, so both backends return the
 * same rows: boundaries count as inside, and a BOX is the ra/dec range [ra0 - w/2, ra0 + w/2] x [dec0 - h/2, dec0 + h/2]
 * (what {@code sbox(spoint(lo), spoint(hi))} means), with ra wrapping at 0/360 deg.
 *
 * <p>H2 passes SQL NULL as "not called, result NULL" for primitive parameters, so a NULL coordinate gives NULL.
 */
public final class SkyGeometry {

    /** H2 function names (lower case, prefixed so they cannot clash with ADQL or H2 built-ins) and Java methods. */
    public static final List<String[]> H2_FUNCTIONS = List.of(
            new String[]{"muw_distance", "distance"},
            new String[]{"muw_in_circle", "inCircle"},
            new String[]{"muw_in_box", "inBox"},
            new String[]{"muw_circles_overlap", "circlesOverlap"},
            new String[]{"muw_circle_in_circle", "circleInCircle"},
            new String[]{"muw_contains", "contains"},
            new String[]{"muw_intersects", "intersects"},
            new String[]{"muw_area", "area"},
            new String[]{"muw_centroid", "centroid"},
            new String[]{SkyIndex.H2_FUNCTION, "skyCell"});

    /** The last shape decoded on this thread: a constant polygon compared with every row is decoded once. */
    private static final ThreadLocal<Object[]> LAST_SHAPE = new ThreadLocal<>();

    private SkyGeometry() {
    }

    /** The {@code CREATE ALIAS} statements registering the functions in H2 (idempotent). */
    public static List<String> h2AliasStatements() {
        return H2_FUNCTIONS.stream().map(f -> "CREATE ALIAS IF NOT EXISTS " + f[0] + " DETERMINISTIC FOR '"
                + SkyGeometry.class.getName() + "." + f[1] + "'").toList();
    }

    /** Great-circle distance between two positions, deg (haversine: accurate at small separations). */
    public static double distance(double ra1, double dec1, double ra2, double dec2) {
        double d1 = Math.toRadians(dec1);
        double d2 = Math.toRadians(dec2);
        double sdd = Math.sin((d2 - d1) / 2);
        double sda = Math.sin(Math.toRadians(ra2 - ra1) / 2);
        double h = sdd * sdd + Math.cos(d1) * Math.cos(d2) * sda * sda;
        return Math.toDegrees(2 * Math.asin(Math.min(1.0, Math.sqrt(h))));
    }

    /** 1 when (ra, dec) lies within {@code radius} deg of (ra0, dec0), else 0. */
    public static int inCircle(double ra, double dec, double ra0, double dec0, double radius) {
        return distance(ra, dec, ra0, dec0) <= radius ? 1 : 0;
    }

    /** 1 when (ra, dec) lies in the ra/dec box centred on (ra0, dec0) of full width and height w, h (deg). */
    public static int inBox(double ra, double dec, double ra0, double dec0, double w, double h) {
        if (dec < dec0 - h / 2 || dec > dec0 + h / 2) {
            return 0;
        }
        if (w >= 360) {
            return 1;
        }
        double offset = normalise(ra - (ra0 - w / 2));
        return offset <= w ? 1 : 0;
    }

    /** 1 when two circles (centre, radius in deg) share at least one point. */
    public static int circlesOverlap(double ra1, double dec1, double r1, double ra2, double dec2, double r2) {
        return distance(ra1, dec1, ra2, dec2) <= r1 + r2 ? 1 : 0;
    }

    /** 1 when the first circle lies entirely inside the second. */
    public static int circleInCircle(double ra1, double dec1, double r1, double ra2, double dec2, double r2) {
        return distance(ra1, dec1, ra2, dec2) + r1 <= r2 ? 1 : 0;
    }

    /**
     * ADQL CONTAINS(a, b) on geometry values ({@link SkyShape}: point, circle or polygon arrays, degrees): 1 when a
     * lies inside b, else 0; NULL when either is NULL.
     */
    public static Integer contains(Double[] a, Double[] b) {
        SkyShape sa = shape(a);
        SkyShape sb = shape(b);
        return sa == null || sb == null ? null : SkyShape.contains(sa, sb) ? 1 : 0;
    }

    /** ADQL INTERSECTS(a, b) on geometry values: 1 when they share a point, else 0; NULL when either is NULL. */
    public static Integer intersects(Double[] a, Double[] b) {
        SkyShape sa = shape(a);
        SkyShape sb = shape(b);
        return sa == null || sb == null ? null : SkyShape.intersects(sa, sb) ? 1 : 0;
    }

    /** ADQL AREA of a geometry value, square degrees; NULL for NULL. */
    public static Double area(Double[] g) {
        SkyShape s = shape(g);
        return s == null ? null : SkyShape.areaDeg2(s);
    }

    /** ADQL CENTROID of a geometry value as a point array (ra, dec) in degrees; NULL for NULL. */
    public static Double[] centroid(Double[] g) {
        SkyShape s = shape(g);
        if (s == null) {
            return null;
        }
        double[] c = SkyShape.centroid(s);
        return new Double[]{c[0], c[1]};
    }

    private static SkyShape shape(Double[] g) {
        if (g == null) {
            return null;
        }
        Object[] last = LAST_SHAPE.get();
        if (last != null && java.util.Arrays.equals((Double[]) last[0], g)) {
            return (SkyShape) last[1];
        }
        SkyShape s = SkyShape.of(g);
        if (g.length > 3) { // polygons are worth keeping; points and circles are cheaper to decode than to compare
            LAST_SHAPE.set(new Object[]{g.clone(), s});
        }
        return s;
    }

    /** The HEALPix cell of the embedded database's cone index ({@link SkyIndex#cell}). */
    public static long skyCell(double ra, double dec) {
        return SkyIndex.cell(ra, dec);
    }

    private static double normalise(double deg) {
        double v = deg % 360.0;
        return v < 0 ? v + 360.0 : v;
    }
}
