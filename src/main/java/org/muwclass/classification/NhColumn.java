package org.muwclass.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.Reddening;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.InvalidTableException;
import org.muwclass.core.training.TargetTable;

/**
 * EBV=nh-column: each source's E(B-V) from the input's hydrogen column density, N_H / 6.851e21 cm^-2, read by the
 * one unit-aware reader {@link org.muwclass.core.training.NhColumn#readCm2} (CSC's unit-less {@code nh_gal} is in
 * 1e20 cm^-2, the other names in cm^-2, a declared unit is converted).
 */
final class NhColumn {

    private NhColumn() {
    }

    /** All accepted column names, for messages. */
    static List<String> acceptedNames() {
        List<String> all = new ArrayList<>();
        for (String n : org.muwclass.core.training.NhColumn.NAMES) {
            all.add(n.equals("nh_gal") ? n + " (1e20 cm^-2 without a unit)" : n);
        }
        return all;
    }

    /**
     * The targets with E(B-V) = N_H / {@link Reddening#NH_PER_EBV}, N_H taken from each target's input row.
     *
     * @throws OptionException naming EBV when there is no N_H column, INPUT with row, column, value and unit for a
     *                         bad value or unit
     */
    static List<SourceMeasurements> apply(TargetTable targets, ColumnTable table) throws OptionException {
        Optional<Integer> col = org.muwclass.core.training.NhColumn.find(table);
        if (col.isEmpty()) {
            throw new OptionException("EBV", EbvSource.NH_COLUMN.optionName(), "an INPUT with an N_H column (cm^-2)"
                    + " called one of " + acceptedNames());
        }
        double[] nhCm2;
        try {
            nhCm2 = org.muwclass.core.training.NhColumn.readCm2(new WithoutSetAsideRows(table, col.get(),
                    targets.withoutXray().stream().map(TargetTable.Unclassified::row).collect(Collectors.toSet())),
                    col.get());
        } catch (InvalidTableException e) {
            throw OptionException.of("INPUT", e.getMessage() + " (EBV=nh-column)");
        }
        List<SourceMeasurements> sources = targets.sources();
        int[] rows = inputRows(targets);
        List<SourceMeasurements> out = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            out.add(sources.get(i).withEbv(nhCm2[rows[i]] / Reddening.NH_PER_EBV));
        }
        return out;
    }

    /**
     * The input table with the N_H cell of every row set aside without X-ray flux read as 0: such a row is not
     * classified, so its N_H may be blank, while every other row keeps its input row number for messages.
     */
    private record WithoutSetAsideRows(ColumnTable table, int nhColumn, Set<Integer> aside)
            implements ColumnTable {

        @Override
        public List<String> columnNames() {
            return table.columnNames();
        }

        @Override
        public Optional<String> unit(String column) {
            return table.unit(column);
        }

        @Override
        public int rowCount() {
            return table.rowCount();
        }

        @Override
        public Object cell(int row, int column) {
            if (column == nhColumn && aside.contains(row)) {
                return 0.0;
            }
            return table.cell(row, column);
        }
    }

    /** The 0-based input row of every source, skipping the rows set aside without X-ray flux; O(rows). */
    private static int[] inputRows(TargetTable targets) {
        List<TargetTable.Unclassified> aside = targets.withoutXray();
        int[] rows = new int[targets.sources().size()];
        int next = 0;
        for (int r = 0, k = 0; k < rows.length; r++) {
            if (next < aside.size() && aside.get(next).row() == r) {
                next++;
            } else {
                rows[k++] = r;
            }
        }
        return rows;
    }
}
