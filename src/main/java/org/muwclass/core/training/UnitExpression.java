package org.muwclass.core.training;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit string as written in a VOTable {@code unit}, FITS {@code TUNITn} or ECSV header, parsed into a scale and the
 * powers of five base quantities: energy (J), time (s), length (m), photons/counts, and angle (deg). Accepts the
 * VOUnit and FITS spellings the inputs use: products with {@code .}, {@code *} or blanks, quotients with {@code /},
 * one level of parentheses after {@code /}, powers as {@code cm2}, {@code cm-2}, {@code cm^2}, {@code cm**-2}, SI
 * prefixes, and a leading scale factor ({@code 1e-14}, {@code 10-14}, {@code 10+20}, {@code 10**20}, {@code 10^20}).
 * Magnitudes ({@code mag}) are recognised by {@link #isMagnitude}, not parsed.
 *
 * @param scale  value of 1 of this unit in SI base units (J, s, m, photons, deg)
 * @param energy power of J
 * @param time   power of s
 * @param length power of m
 * @param counts power of photons or counts
 * @param angle  power of deg
 */
public record UnitExpression(double scale, int energy, int time, int length, int counts, int angle) {

    private static final Pattern SCALE = Pattern.compile(
            "^\\s*(?:10(?:\\*\\*|\\^)\\(?([+-]?\\d+)\\)?|10([+-]\\d+)|(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?))"
                    + "(?=\\s|[a-zA-Z(/.*]|$)");
    private static final Pattern FACTOR = Pattern.compile("([a-zA-Z]+)(?:\\^|\\*\\*)?(?:\\(([+-]?\\d+)\\)|([+-]?\\d+))?");
    private static final Map<String, UnitExpression> BASE = Map.ofEntries(
            Map.entry("erg", new UnitExpression(1e-7, 1, 0, 0, 0, 0)),
            Map.entry("J", new UnitExpression(1, 1, 0, 0, 0, 0)),
            Map.entry("eV", new UnitExpression(1.602176634e-19, 1, 0, 0, 0, 0)),
            Map.entry("W", new UnitExpression(1, 1, -1, 0, 0, 0)),
            Map.entry("s", new UnitExpression(1, 0, 1, 0, 0, 0)),
            Map.entry("sec", new UnitExpression(1, 0, 1, 0, 0, 0)),
            Map.entry("m", new UnitExpression(1, 0, 0, 1, 0, 0)),
            Map.entry("ph", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("photon", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("photons", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("count", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("counts", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("ct", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("cts", new UnitExpression(1, 0, 0, 0, 1, 0)),
            Map.entry("deg", new UnitExpression(1, 0, 0, 0, 0, 1)),
            Map.entry("degree", new UnitExpression(1, 0, 0, 0, 0, 1)),
            Map.entry("degrees", new UnitExpression(1, 0, 0, 0, 0, 1)),
            Map.entry("arcmin", new UnitExpression(1.0 / 60, 0, 0, 0, 0, 1)),
            Map.entry("arcsec", new UnitExpression(1.0 / 3600, 0, 0, 0, 0, 1)),
            Map.entry("mas", new UnitExpression(1.0 / 3.6e6, 0, 0, 0, 0, 1)),
            Map.entry("rad", new UnitExpression(180 / Math.PI, 0, 0, 0, 0, 1)));
    /** SI prefixes allowed on J, eV, W, s, m, arcsec (VOUnit): symbol to factor. */
    private static final Map<String, Double> PREFIXES = Map.ofEntries(Map.entry("y", 1e-24), Map.entry("z", 1e-21),
            Map.entry("a", 1e-18), Map.entry("f", 1e-15), Map.entry("p", 1e-12), Map.entry("n", 1e-9),
            Map.entry("u", 1e-6), Map.entry("m", 1e-3), Map.entry("c", 1e-2), Map.entry("d", 1e-1),
            Map.entry("da", 1e1), Map.entry("h", 1e2), Map.entry("k", 1e3), Map.entry("M", 1e6), Map.entry("G", 1e9),
            Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18), Map.entry("Z", 1e21),
            Map.entry("Y", 1e24));
    private static final java.util.Set<String> PREFIXABLE = java.util.Set.of("J", "eV", "W", "s", "m", "arcsec");

    private static final UnitExpression ONE = new UnitExpression(1, 0, 0, 0, 0, 0);

    /** Whether the string names a magnitude, e.g. {@code mag}, {@code mag(AB)}, {@code ABmag}, {@code Vega}. */
    public static boolean isMagnitude(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        return u.contains("mag") || u.equals("ab") || u.equals("vega");
    }

    /**
     * Parses a unit string.
     *
     * @return the unit, or empty when the string is not a product of known units (the caller names the column)
     */
    public static Optional<UnitExpression> parse(String unit) {
        String u = unit.trim();
        if (u.isEmpty()) {
            return Optional.of(ONE);
        }
        UnitExpression result = ONE;
        Matcher sm = SCALE.matcher(u);
        if (sm.find()) {
            String exponent = sm.group(1) != null ? sm.group(1) : sm.group(2);
            double scale = exponent != null ? Math.pow(10, Integer.parseInt(exponent))
                    : Double.parseDouble(sm.group(3));
            result = new UnitExpression(scale, 0, 0, 0, 0, 0);
            u = u.substring(sm.end()).trim();
        }
        int i = 0;
        int sign = 1;
        boolean groupNegated = false;
        while (i < u.length()) {
            char c = u.charAt(i);
            if (c == ' ' || c == '.' || c == '*') {
                i++;
                sign = groupNegated ? -1 : 1;
                continue;
            }
            if (c == '/') {
                if (groupNegated) {
                    return Optional.empty(); // a quotient inside parentheses: not supported
                }
                i++;
                sign = -1;
                if (i < u.length() && u.charAt(i) == '(') {
                    groupNegated = true;
                    i++;
                }
                continue;
            }
            if (c == ')' && groupNegated) {
                groupNegated = false;
                sign = 1;
                i++;
                continue;
            }
            if (c == '1' && sign == 1 && i + 1 < u.length() && u.charAt(i + 1) == '/') {
                i++; // "1/cm2"
                continue;
            }
            Matcher fm = FACTOR.matcher(u);
            fm.region(i, u.length());
            if (!fm.lookingAt()) {
                return Optional.empty();
            }
            Optional<UnitExpression> symbol = symbol(fm.group(1));
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            String p = fm.group(2) != null ? fm.group(2) : fm.group(3);
            int power = p == null ? 1 : Integer.parseInt(p);
            result = result.times(symbol.get().pow(sign * power));
            i = fm.end();
            if (!groupNegated) {
                sign = 1;
            }
        }
        return groupNegated ? Optional.empty() : Optional.of(result);
    }

    private static Optional<UnitExpression> symbol(String s) {
        UnitExpression base = BASE.get(s);
        if (base != null) {
            return Optional.of(base);
        }
        for (String b : PREFIXABLE) {
            if (s.endsWith(b) && s.length() > b.length()) {
                Double f = PREFIXES.get(s.substring(0, s.length() - b.length()));
                if (f != null) {
                    UnitExpression u = BASE.get(b);
                    return Optional.of(new UnitExpression(u.scale * f, u.energy, u.time, u.length, u.counts,
                            u.angle));
                }
            }
        }
        return Optional.empty();
    }

    private UnitExpression times(UnitExpression o) {
        return new UnitExpression(scale * o.scale, energy + o.energy, time + o.time, length + o.length,
                counts + o.counts, angle + o.angle);
    }

    private UnitExpression pow(int p) {
        return new UnitExpression(Math.pow(scale, p), energy * p, time * p, length * p, counts * p, angle * p);
    }

    /** Whether this unit has the given powers of energy, time, length, counts and angle. */
    public boolean hasDimensions(int e, int t, int l, int n, int a) {
        return energy == e && time == t && length == l && counts == n && angle == a;
    }
}
