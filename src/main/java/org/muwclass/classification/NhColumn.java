package org.muwclass.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.Reddening;
import org.muwclass.core.training.ColumnTable;

/** EBV=nh-column: each source's E(B-V) from the input's hydrogen column density, N_H / 6.851e21. */
final class NhColumn {

    /** Column names of N_H in cm^-2, compared case-insensitively. */
    static final List<String> NAMES = List.of("nh", "n_h", "nh_cm2");
    /** CSC's Galactic N_H column, in units of 1e20 cm^-2 (the CSC master table's unit). */
    static final String CSC_NAME = "nh_gal";
    /** cm^-2 per unit of {@link #CSC_NAME}. */
    static final double CSC_UNIT = 1e20;

    private NhColumn() {
    }

    /** All accepted column names, for messages. */
    static List<String> acceptedNames() {
        List<String> all = new ArrayList<>(NAMES);
        all.add(CSC_NAME + " (1e20 cm^-2)");
        return all;
    }

    /** The position of the N_H column, or -1. */
    static int find(ColumnTable table) {
        List<String> names = table.columnNames();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).toLowerCase(Locale.ROOT);
            if (NAMES.contains(n) || n.equals(CSC_NAME)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The targets with E(B-V) = N_H / {@link Reddening#NH_PER_EBV}.
     *
     * @throws OptionException naming EBV when there is no N_H column, INPUT with row and column for a bad value
     */
    static List<SourceMeasurements> apply(List<SourceMeasurements> targets, ColumnTable table)
            throws OptionException {
        int col = find(table);
        if (col < 0) {
            throw new OptionException("EBV", EbvSource.NH_COLUMN.optionName(), "an INPUT with an N_H column (cm^-2)"
                    + " called one of " + acceptedNames());
        }
        if (table.rowCount() != targets.size()) {
            throw new IllegalStateException("INPUT rows and sources differ: " + table.rowCount() + " / "
                    + targets.size());
        }
        String name = table.columnNames().get(col);
        double unit = name.equalsIgnoreCase(CSC_NAME) ? CSC_UNIT : 1.0;
        List<SourceMeasurements> out = new ArrayList<>(targets.size());
        for (int r = 0; r < targets.size(); r++) {
            Object cell = table.cell(r, col);
            double nh;
            try {
                nh = cell instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(cell).trim());
            } catch (NumberFormatException e) {
                nh = Double.NaN;
            }
            if (cell == null || !(nh >= 0) || Double.isInfinite(nh)) {
                throw OptionException.of("INPUT", "column '" + name + "', row " + (r + 1) + ": '" + cell
                        + "' is not allowed with EBV=nh-column; expected a finite N_H >= 0 in "
                        + (unit == 1.0 ? "cm^-2" : "1e20 cm^-2"));
            }
            out.add(targets.get(r).withEbv(nh * unit / Reddening.NH_PER_EBV));
        }
        return out;
    }
}
