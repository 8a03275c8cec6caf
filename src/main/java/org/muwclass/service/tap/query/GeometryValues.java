package org.muwclass.service.tap.query;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Geometry values read from a result set as DALI 1.1 arrays in degrees ({@code ra dec}, {@code ra dec radius},
 * {@code ra1 dec1 ra2 dec2 ...}): H2 returns them as DOUBLE PRECISION ARRAY in degrees already; pgSphere returns its
 * text form in radians ({@code (ra , dec)}, {@code <(ra , dec) , r>}, {@code {(ra , dec),...}}), whose numbers, in
 * order, are the DALI values.
 */
final class GeometryValues {

    /** The DALI xtypes written as {@code double[]} columns. */
    static final Set<String> XTYPES = Set.of("point", "circle", "polygon");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private GeometryValues() {
    }

    /** The DALI array of a database geometry value, or null for NULL. */
    static double[] fromDatabase(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            double[] out = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                if (items[i] == null) {
                    return null;
                }
                out[i] = ((Number) items[i]).doubleValue();
            }
            return out;
        }
        if (value instanceof double[] d) {
            return d.clone();
        }
        return fromPgSphere(value.toString());
    }

    /** DALI's text form of a geometry value: the numbers separated by single spaces. */
    static String daliText(double[] v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : " ").append(v[i]);
        }
        return s.toString();
    }

    /** The DALI array (degrees) of pgSphere's text output in radians. */
    static double[] fromPgSphere(String text) {
        if (text.contains("d")) {
            throw new IllegalArgumentException("pgSphere output is not in radians (set_sphere_output): " + text);
        }
        List<Double> values = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            // pgSphere prints 15 significant digits of radians; 13 of degrees (1e-10 deg at ra 300) drop the
            // conversion noise, so POINT('ICRS', 10.5, -20.25) reads back as 10.5 -20.25 as on H2
            double deg = Math.toDegrees(Double.parseDouble(m.group()));
            values.add(new java.math.BigDecimal(deg).round(new java.math.MathContext(13)).doubleValue());
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
