package org.muwclass.service.tap.query;

import java.util.Locale;
import uk.ac.starlink.table.ColumnInfo;

/**
 * Uploaded DALI geometry columns: a numeric array column with xtype point, circle or polygon (DALI 1.1 section 3.3,
 * degrees), or a char column holding the same numbers as text, becomes a geometry column of the upload table, usable in CONTAINS and INTERSECTS and returned with its
 * xtype.
 */
final class UploadGeometry {

    private UploadGeometry() {
    }

    /** The DALI geometry xtype of an array column ("point", "circle", "polygon"), or null for any other column. */
    static String xtype(ColumnInfo info) {
        String x = info.getXtype();
        Class<?> c = info.getContentClass();
        if (x == null || !(c == double[].class || c == float[].class || c == String.class)) {
            return null;
        }
        x = x.toLowerCase(Locale.ROOT);
        return GeometryValues.XTYPES.contains(x) ? x : null;
    }

    /**
     * The checked values (degrees) of one cell, or null when the cell is empty or all NaN.
     *
     * @throws IllegalArgumentException for the wrong number of values, a non-finite value, a declination outside
     *                                  [-90, 90] or a radius outside [0, 180]
     */
    static double[] check(String xtype, Object cell) {
        double[] v;
        if (cell instanceof double[] d) {
            v = d.clone();
        } else if (cell instanceof float[] f) {
            v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = f[i];
            }
        } else if (cell instanceof String text) { // DALI text form, as a char column with the xtype: "ra dec ..."
            String t = text.trim();
            if (t.isEmpty()) {
                return null;
            }
            String[] parts = t.split("\\s+");
            v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + parts[i] + "' is not a number");
                }
            }
        } else {
            throw new IllegalArgumentException("expected an array of numbers, got " + cell.getClass().getSimpleName());
        }
        boolean allNaN = true;
        for (double x : v) {
            allNaN &= Double.isNaN(x);
        }
        if (v.length == 0 || allNaN) {
            return null;
        }
        boolean ok = switch (xtype) {
            case "point" -> v.length == 2;
            case "circle" -> v.length == 3 && v[2] >= 0 && v[2] <= 180;
            default -> v.length >= 6 && v.length % 2 == 0;
        };
        if (!ok) {
            throw new IllegalArgumentException("got " + v.length + " values; a point has 2 (ra dec), a circle 3 "
                    + "(ra dec radius, radius 0..180 deg), a polygon an even number of at least 6, in degrees");
        }
        int pairs = xtype.equals("circle") ? 1 : v.length / 2;
        for (int i = 0; i < pairs; i++) {
            if (!Double.isFinite(v[2 * i]) || !(Math.abs(v[2 * i + 1]) <= 90)) {
                throw new IllegalArgumentException("(" + v[2 * i] + ", " + v[2 * i + 1] + ") is not a position on "
                        + "the sky (ra finite, dec in -90..90 deg)");
            }
        }
        return v;
    }

    /** pgSphere's input text (degrees marked with d) for a checked DALI array. */
    static String pgSphereText(String xtype, double[] v) {
        switch (xtype) {
            case "point":
                return pos(v[0], v[1]);
            case "circle":
                return "<" + pos(v[0], v[1]) + ", " + v[2] + "d>";
            default:
                StringBuilder s = new StringBuilder("{");
                for (int i = 0; i < v.length; i += 2) {
                    s.append(i == 0 ? "" : ",").append(pos(v[i], v[i + 1]));
                }
                return s.append('}').toString();
        }
    }

    private static String pos(double ra, double dec) {
        return "(" + ra + "d, " + dec + "d)";
    }
}
