package org.muwclass.tables;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/** Turns a table of text cells (null = empty) into a typed STIL table: numeric columns become doubles. */
public final class TextTables {

    /** Units (VOUnit) of the training-set (TD.csv) columns that have one. */
    public static final Map<String, String> TD_UNITS = Map.ofEntries(
            Map.entry("CSCv2_RA", "deg"), Map.entry("CSCv2_DEC", "deg"), Map.entry("CSCv2_PU", "arcsec"),
            Map.entry("Fs", "mW.m-2"), Map.entry("e_Fs", "mW.m-2"),
            Map.entry("Fm", "mW.m-2"), Map.entry("e_Fm", "mW.m-2"),
            Map.entry("Fh", "mW.m-2"), Map.entry("e_Fh", "mW.m-2"),
            Map.entry("Fb", "mW.m-2"), Map.entry("e_Fb", "mW.m-2"),
            Map.entry("Gmag", "mag"), Map.entry("e_Gmag", "mag"), Map.entry("BPmag", "mag"),
            Map.entry("e_BPmag", "mag"), Map.entry("RPmag", "mag"), Map.entry("e_RPmag", "mag"),
            Map.entry("Jmag", "mag"), Map.entry("e_Jmag", "mag"), Map.entry("Hmag", "mag"), Map.entry("e_Hmag", "mag"),
            Map.entry("Kmag", "mag"), Map.entry("e_Kmag", "mag"), Map.entry("W1mag", "mag"),
            Map.entry("e_W1mag", "mag"), Map.entry("W2mag", "mag"), Map.entry("e_W2mag", "mag"),
            Map.entry("W3mag", "mag"), Map.entry("e_W3mag", "mag"), Map.entry("Plx", "mas"), Map.entry("e_Plx", "mas"),
            Map.entry("PM", "mas.yr**-1"), Map.entry("ebv", "mag"));

    private TextTables() {
    }

    /**
     * Builds the table.
     *
     * @param stringColumns columns kept as text; every other column must hold numbers or nulls
     * @param units         unit per column name (columns without an entry have none)
     * @throws IllegalArgumentException naming the column and 1-based row of a non-numeric cell in a numeric column
     */
    public static StarTable toStarTable(String name, List<String> columns, List<String[]> rows,
            Set<String> stringColumns, Map<String, String> units) {
        ColumnInfo[] infos = new ColumnInfo[columns.size()];
        for (int c = 0; c < infos.length; c++) {
            String col = columns.get(c);
            infos[c] = new ColumnInfo(col, stringColumns.contains(col) ? String.class : Double.class, null);
            if (units.containsKey(col)) {
                infos[c].setUnitString(units.get(col));
            }
        }
        RowListStarTable table = new RowListStarTable(infos);
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            Object[] row = new Object[infos.length];
            for (int c = 0; c < infos.length; c++) {
                String v = cells[c];
                if (v == null || v.isBlank()) {
                    row[c] = infos[c].getContentClass() == Double.class ? Double.NaN : null;
                } else if (infos[c].getContentClass() == String.class) {
                    row[c] = v;
                } else {
                    try {
                        row[c] = Double.parseDouble(v.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Column '" + columns.get(c) + "', row " + (r + 1) + ": '"
                                + v + "' is not a number");
                    }
                }
            }
            table.addRow(row);
        }
        table.setName(name);
        return table;
    }
}
