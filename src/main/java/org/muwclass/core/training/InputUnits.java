package org.muwclass.core.training;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.muwclass.core.model.MwBand;

/**
 * The declared units of a source table's columns, checked against what each column means and turned into factors to
 * the pipeline's units: X-ray fluxes and errors to erg/s/cm2 (= mW/m2), magnitudes in Vega mag, E(B-V) in mag, RA/Dec
 * to deg, the positional error to arcsec. A column without a declared unit (plain CSV) is taken in the pipeline's
 * unit. A unit that cannot be converted (photon or count fluxes, AB magnitudes, an unknown unit) is refused with an
 * {@link InvalidTableException} naming the column, the unit and what is accepted.
 */
public final class InputUnits {

    /** The accepted X-ray flux units, as listed in messages. */
    public static final String FLUX_UNITS = "erg/s/cm2 (also written erg.s-1.cm-2, erg/cm2/s, mW/m2, mW.m-2), W/m2"
            + " (x 1e3), or any of these with a scale factor such as 1e-14 erg/s/cm2 or 10-14erg.s-1.cm-2";
    /** The accepted magnitude units, as listed in messages. */
    public static final String MAG_UNITS = "mag (Vega) or no unit";
    /** 1 W/m2 in erg/s/cm2. */
    private static final double SI_FLUX_TO_CGS = 1e3;

    /** Column names that hold a visual extinction, which must not stand in for E(B-V). */
    static final List<String> AV_NAMES = List.of("av", "a_v", "a(v)", "extinction_v");

    private final Map<String, Double> factors;
    private final Map<String, String> units;

    private InputUnits(Map<String, Double> factors, Map<String, String> units) {
        this.factors = factors;
        this.units = units;
    }

    /**
     * Checks the units of the resolved columns.
     *
     * @param columns canonical name to column position, from {@link ColumnAliases#resolve}
     * @throws InvalidTableException for a unit that cannot be converted, or an A_V column without an E(B-V) column
     */
    public static InputUnits of(ColumnTable table, Map<String, Integer> columns) {
        Map<String, Double> f = new HashMap<>();
        Map<String, String> u = new HashMap<>();
        List<String> names = table.columnNames();
        for (Map.Entry<String, Integer> e : columns.entrySet()) {
            String canonical = e.getKey();
            String name = names.get(e.getValue());
            Optional<String> unit = table.unit(name).map(String::trim).filter(s -> !s.isEmpty());
            if (unit.isEmpty()) {
                continue;
            }
            double factor = factor(canonical, name, unit.get());
            if (factor != 1.0) {
                f.put(canonical, factor);
                u.put(canonical, unit.get());
            }
        }
        if (!columns.containsKey(ColumnAliases.EBV)) {
            for (String n : names) {
                if (n != null && AV_NAMES.contains(n.trim().toLowerCase(Locale.ROOT))) {
                    throw new InvalidTableException("Column '" + n + "' looks like the visual extinction A_V, which"
                            + " is not E(B-V); give E(B-V) in mag in a column named " + String.join(", ",
                            ColumnAliases.namesFor(ColumnAliases.EBV)) + " (E(B-V) = A_V / 3.1), or rename the"
                            + " column if it is not an extinction");
                }
            }
        }
        return new InputUnits(f, u);
    }

    /** Factor that turns a value of the column into the pipeline's unit (1 when no conversion is needed). */
    public double factor(String canonical) {
        return factors.getOrDefault(canonical, 1.0);
    }

    /** The declared unit of a converted column, for messages; empty when the column was not converted. */
    public Optional<String> convertedFrom(String canonical) {
        return Optional.ofNullable(units.get(canonical));
    }

    /**
     * A value of the column in the pipeline's unit. A power-of-ten factor shifts the decimal exponent of the value as
     * written (its shortest decimal form), so {@code 2e-9} W/m2 gives exactly the double of {@code 2e-6} erg/s/cm2.
     */
    public double convert(String canonical, double value) {
        Double factor = factors.get(canonical);
        if (factor == null) {
            return value;
        }
        long exponent = Math.round(Math.log10(factor));
        if (Math.abs(exponent) < 300 && factor == Double.parseDouble("1e" + exponent)) {
            return BigDecimal.valueOf(value).scaleByPowerOfTen((int) exponent).doubleValue();
        }
        return value * factor;
    }

    /** Number of columns whose values are converted. */
    public int convertedColumns() {
        return factors.size();
    }

    private static double factor(String canonical, String name, String unit) {
        if (isFlux(canonical)) {
            return fluxFactor(name, unit);
        }
        if (isMagnitude(canonical) || canonical.equals(ColumnAliases.EBV)) {
            return magnitudeFactor(canonical, name, unit);
        }
        if (canonical.equals(ColumnAliases.RA) || canonical.equals(ColumnAliases.DEC)) {
            return angleFactor(name, unit, 1.0, "deg");
        }
        if (canonical.equals(ColumnAliases.POS_ERR)) {
            return angleFactor(name, unit, 3600.0, "arcsec");
        }
        return 1.0; // name, class, S/N and probabilities: dimensionless, any declared unit is ignored
    }

    /** Factor from a declared X-ray energy-flux unit to erg/s/cm2. */
    static double fluxFactor(String name, String unit) {
        if (UnitExpression.isMagnitude(unit)) {
            throw refuse(name, unit, "magnitudes are not X-ray fluxes", FLUX_UNITS);
        }
        Optional<UnitExpression> parsed = UnitExpression.parse(unit);
        if (parsed.isPresent() && parsed.get().counts() != 0) {
            throw refuse(name, unit, "photon or count fluxes cannot be converted to energy fluxes without a"
                    + " spectral model", FLUX_UNITS);
        }
        if (parsed.isEmpty() || !parsed.get().hasDimensions(1, -1, -2, 0, 0)) {
            throw refuse(name, unit, "not an energy flux unit", FLUX_UNITS);
        }
        return snap(parsed.get().scale() * SI_FLUX_TO_CGS);
    }

    private static double magnitudeFactor(String canonical, String name, String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (u.contains("ab")) {
            throw refuse(name, unit, "AB magnitudes are not converted (the training set is in Vega magnitudes)",
                    MAG_UNITS);
        }
        if (List.of("mag", "mag(vega)", "vegamag", "mag_vega", "vega", "magvega").contains(u)) {
            return 1.0;
        }
        String what = canonical.equals(ColumnAliases.EBV) ? "E(B-V) is a colour excess in mag"
                : "magnitudes and their errors are in mag";
        throw refuse(name, unit, what, MAG_UNITS);
    }

    private static double angleFactor(String name, String unit, double toTarget, String target) {
        Optional<UnitExpression> parsed = UnitExpression.parse(unit);
        if (parsed.isEmpty() || !parsed.get().hasDimensions(0, 0, 0, 0, 1)) {
            throw refuse(name, unit, "not an angle unit", target + " (also accepted: deg, arcmin, arcsec, mas,"
                    + " rad)");
        }
        return snap(parsed.get().scale() * toTarget);
    }

    /** Removes the rounding of products of powers of ten, so erg/s/cm2 gives exactly 1. */
    static double snap(double factor) {
        double exponent = Math.rint(Math.log10(factor));
        double power = Math.pow(10, exponent);
        if (Math.abs(factor - power) <= 1e-12 * power) {
            return Double.parseDouble("1e" + (long) exponent);
        }
        return factor;
    }

    private static InvalidTableException refuse(String name, String unit, String why, String accepted) {
        return new InvalidTableException("Column '" + name + "' has unit '" + unit + "': " + why + "; accepted: "
                + accepted);
    }

    static boolean isFlux(String canonical) {
        for (String b : new String[] {"s", "m", "h"}) {
            if (canonical.equals(ColumnAliases.fluxColumn(b)) || canonical.equals(ColumnAliases.fluxErrColumn(b))) {
                return true;
            }
        }
        return false;
    }

    static boolean isMagnitude(String canonical) {
        for (MwBand b : MwBand.values()) {
            if (canonical.equals(ColumnAliases.magColumn(b)) || canonical.equals(ColumnAliases.magErrColumn(b))) {
                return true;
            }
        }
        return false;
    }
}
