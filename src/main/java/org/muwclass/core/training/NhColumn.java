package org.muwclass.core.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hydrogen column density N_H of each row of a source table, in cm^-2, from a column named one of {@link #NAMES}.
 * A declared unit is converted ({@code cm-2}, {@code 1e20 cm-2}, {@code 10+20cm-2}, {@code 1e20/cm2}, {@code m-2},
 * ...). Without a unit, {@code nh_gal} is in CSC's unit of 1e20 cm^-2 (the Chandra Source Catalog master table
 * column) and every other name in cm^-2. Values must lie in 0..1e25 cm^-2, and a non-zero value below 1e17 cm^-2
 * (far below any Galactic line of sight, ~1e19.5 at the poles) is refused as a unit mistake.
 */
public final class NhColumn {

    /** Accepted column names, compared case-insensitively. */
    public static final List<String> NAMES = List.of("nh", "n_h", "nh_gal", "nh_cm2");
    /** CSC's unit of {@code nh_gal}, cm^-2. */
    public static final double CSC_NH_GAL_UNIT = 1e20;
    /** Largest plausible N_H, cm^-2. */
    public static final double MAX_NH = 1e25;
    /** Smallest plausible non-zero N_H, cm^-2. */
    public static final double MIN_NONZERO_NH = 1e17;

    private NhColumn() {
    }

    /** Position of the first column named one of {@link #NAMES}, if any. */
    public static Optional<Integer> find(ColumnTable table) {
        List<String> names = table.columnNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && NAMES.contains(names.get(i).trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * N_H of every row, cm^-2.
     *
     * @param column position of the N_H column
     * @throws InvalidTableException for an unconvertible unit, or a blank, non-numeric or implausible value (naming
     *                               row, column, value and the allowed range)
     */
    public static double[] readCm2(ColumnTable table, int column) {
        String name = table.columnNames().get(column);
        double factor = factorToCm2(name, table.unit(name));
        double[] out = new double[table.rowCount()];
        for (int r = 0; r < out.length; r++) {
            Object cell = table.cell(r, column);
            double v;
            try {
                v = cell instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(cell).trim());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (cell == null || !Double.isFinite(v)) {
                throw new InvalidTableException("Column '" + name + "', row " + (r + 1) + ": '" + cell + "' is not"
                        + " allowed; expected N_H as a number (" + unitNote(name, factor) + ")");
            }
            double nh = v * factor;
            if (nh < 0 || nh > MAX_NH) {
                throw new InvalidTableException("Column '" + name + "', row " + (r + 1) + ": " + v + " ("
                        + unitNote(name, factor) + ") is out of range; allowed 0..1e25 cm^-2");
            }
            if (nh > 0 && nh < MIN_NONZERO_NH) {
                throw new InvalidTableException("Column '" + name + "', row " + (r + 1) + ": " + v + " ("
                        + unitNote(name, factor) + ") is below 1e17 cm^-2, less than any Galactic line of sight;"
                        + " declare the column's unit (e.g. 1e20 cm-2) or give N_H in cm^-2");
            }
            out[r] = nh;
        }
        return out;
    }

    private static String unitNote(String name, double factor) {
        return factor == 1.0 ? "cm^-2" : "x " + factor + " cm^-2";
    }

    /** Factor from the column's values to cm^-2. */
    static double factorToCm2(String name, Optional<String> unit) {
        String u = unit.map(String::trim).orElse("");
        if (u.isEmpty()) {
            return name.trim().equalsIgnoreCase("nh_gal") ? CSC_NH_GAL_UNIT : 1.0;
        }
        Optional<UnitExpression> parsed = UnitExpression.parse(u);
        if (parsed.isEmpty() || !parsed.get().hasDimensions(0, 0, -2, 0, 0)) {
            throw new InvalidTableException("Column '" + name + "' has unit '" + u + "': not a column density;"
                    + " accepted: cm-2, or with a scale factor such as 1e20 cm-2 or 10+20cm-2 (CSC's nh_gal)");
        }
        return InputUnits.snap(parsed.get().scale() * 1e-4); // m^-2 to cm^-2
    }
}
