package org.muwclass.core.xray;

import java.util.Locale;
import org.muwclass.core.io.CsvTable;

/** Cell parsing for CSCview outputs: padded booleans, sexagesimal coordinates, integers. */
final class CscValues {

    private CscValues() {
    }

    /** Fails naming the column when the table lacks it. */
    static void requireColumns(CsvTable t, String what, String... columns) {
        for (String c : columns) {
            if (!t.hasColumn(c)) {
                throw new IllegalArgumentException(what + ": required column '" + c + "' is missing");
            }
        }
    }

    /**
     * A CSC flag: "TRUE", " TRUE", "True", "FALSE", "False", 1/0; blank (NULL) reads as false.
     *
     * @throws IllegalArgumentException naming column and 1-based data row for any other text
     */
    static boolean flag(CsvTable t, int row, String column) {
        String v = t.cell(row, column);
        if (v == null) {
            return false;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "true", "t", "1", "1.0" -> {
                return true;
            }
            case "false", "f", "0", "0.0" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": '"
                    + v.trim() + "' is not a boolean (allowed: TRUE/FALSE/True/False/1/0 or blank)");
        }
    }

    /** An integer-valued cell ("12" or "12.0"); {@code missing} when blank. */
    static long integer(CsvTable t, int row, String column, long missing) {
        double d = t.number(row, column);
        if (Double.isNaN(d)) {
            return missing;
        }
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": '"
                    + t.cell(row, column).trim() + "' is not an integer");
        }
        return (long) d;
    }

    /**
     * An angle in degrees from "hh mm ss.s" / "dd mm ss.s" (also with ':' separators) or from plain decimal degrees.
     *
     * @param hours true for right ascension in hours (x15)
     * @return NaN when blank
     */
    static double angle(CsvTable t, int row, String column, boolean hours) {
        String v = t.cell(row, column);
        if (v == null) {
            return Double.NaN;
        }
        String s = v.trim();
        String[] parts = s.split("[\\s:]+");
        try {
            if (parts.length == 1) {
                return Double.parseDouble(s);
            }
            if (parts.length > 3) {
                throw new NumberFormatException();
            }
            boolean negative = s.startsWith("-");
            double deg = Math.abs(Double.parseDouble(parts[0]));
            double min = Double.parseDouble(parts[1]);
            double sec = parts.length == 3 ? Double.parseDouble(parts[2]) : 0.0;
            if (min < 0 || min >= 60 || sec < 0 || sec >= 60) {
                throw new NumberFormatException();
            }
            double value = deg + min / 60.0 + sec / 3600.0;
            value = negative ? -value : value;
            return hours ? 15.0 * value : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": '" + s
                    + "' is not an angle (expected '" + (hours ? "hh mm ss.ss" : "dd mm ss.s")
                    + "' or decimal degrees)");
        }
    }
}
