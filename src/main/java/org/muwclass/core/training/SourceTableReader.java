package org.muwclass.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.model.XrayBand;
import uk.ac.starlink.table.StarTable;

/**
 * Reads a table with TD-style columns (see {@link ColumnAliases}) into {@link SourceMeasurements}, validating every
 * value. Required: name, RA, Dec (decimal deg) and the s, m, h fluxes with their errors; with labels required, also
 * the class. Optional: positional error, S/N, P_intra, P_inter, the nine magnitudes with errors, ebv.
 *
 * <p>Rules (violations throw {@link InvalidTableException} naming column and 1-based data row): numbers must parse and
 * be finite (a blank cell is a missing value; the text NaN/Infinity is refused); fluxes must be positive, errors
 * non-negative; P_intra/P_inter within [0, 1]; E(B-V) non-negative; RA in [0, 360], Dec in [-90, 90]. A band whose flux
 * and error are both blank gets the CSC "not detected" fill of docs/algorithm.md §2.4 (mean 7.979e-18, sigma 6.028e-18
 * erg/s/cm2), as the upstream averaging does. A magnitude column without its error column is refused (the Monte-Carlo
 * sampling needs both).
 */
public final class SourceTableReader {

    private static final Logger LOG = Logger.getLogger(SourceTableReader.class.getName());

    /** Fechner mean of a band with mode 0, lower limit 0, upper limit 1e-17 (docs/algorithm.md §2.4), erg/s/cm2. */
    public static final double UNDETECTED_FLUX = Math.sqrt(2.0 / Math.PI) * 1e-17;
    /** Fechner sigma of that fill, erg/s/cm2. */
    public static final double UNDETECTED_FLUX_ERR = Math.sqrt(1.0 - 2.0 / Math.PI) * 1e-17;

    private final ColumnTable table;
    private final Map<String, Integer> columns;

    private SourceTableReader(ColumnTable table) {
        this.table = table;
        this.columns = ColumnAliases.resolve(table.columnNames());
    }

    /**
     * Reads and validates all rows.
     *
     * @param table          the table
     * @param requireClasses true for training sets: the class column and a label in every row are required
     * @throws InvalidTableException on the first problem found
     */
    public static List<SourceMeasurements> read(ColumnTable table, boolean requireClasses) {
        return new SourceTableReader(table).readAll(requireClasses);
    }

    /** Unlabelled (or optionally labelled) target sources from a STIL table (VOTable, FITS, ... uploads). */
    public static List<SourceMeasurements> readTargets(StarTable table) {
        return read(new StarColumnTable(table), false);
    }

    /** Target sources from a CSV table. */
    public static List<SourceMeasurements> readTargets(CsvTable table) {
        return read(new CsvColumnTable(table), false);
    }

    private List<SourceMeasurements> readAll(boolean requireClasses) {
        List<String> required = new ArrayList<>(List.of(ColumnAliases.NAME, ColumnAliases.RA, ColumnAliases.DEC));
        for (XrayBand b : XrayBand.narrow()) {
            required.add(ColumnAliases.fluxColumn(b.code()));
            required.add(ColumnAliases.fluxErrColumn(b.code()));
        }
        if (requireClasses) {
            required.add(ColumnAliases.TRUE_CLASS);
        }
        for (String c : required) {
            if (!columns.containsKey(c)) {
                throw new InvalidTableException("Missing required column '" + c + "' (accepted names: "
                        + String.join(", ", ColumnAliases.namesFor(c)) + ")");
            }
        }
        for (MwBand b : MwBand.values()) {
            if (columns.containsKey(ColumnAliases.magColumn(b)) && !columns.containsKey(ColumnAliases.magErrColumn(b))) {
                throw new InvalidTableException("Column '" + ColumnAliases.magColumn(b) + "' needs its error column '"
                        + ColumnAliases.magErrColumn(b) + "'");
            }
        }
        if (!columns.containsKey(ColumnAliases.P_INTER) || !columns.containsKey(ColumnAliases.P_INTRA)) {
            LOG.fine(() -> "Table has no P_inter and/or P_intra column: treated as missing");
        }
        int n = table.rowCount();
        if (n == 0) {
            throw new InvalidTableException("The table has no data rows");
        }
        List<SourceMeasurements> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            out.add(readRow(r, requireClasses));
        }
        return out;
    }

    private SourceMeasurements readRow(int r, boolean requireClasses) {
        String name = text(r, ColumnAliases.NAME);
        if (name == null) {
            throw new InvalidTableException("Column '" + ColumnAliases.NAME + "', row " + (r + 1) + ": name is empty");
        }
        double ra = required(r, ColumnAliases.RA);
        double dec = required(r, ColumnAliases.DEC);
        range(r, ColumnAliases.RA, ra, 0, 360, "0..360 deg (decimal degrees)");
        range(r, ColumnAliases.DEC, dec, -90, 90, "-90..90 deg (decimal degrees)");
        double pu = optional(r, ColumnAliases.POS_ERR);
        nonNegative(r, ColumnAliases.POS_ERR, pu);
        double sn = optional(r, ColumnAliases.SIGNIFICANCE);

        XrayBand[] bands = XrayBand.narrow();
        double[] flux = new double[bands.length];
        double[] fluxErr = new double[bands.length];
        for (int i = 0; i < bands.length; i++) {
            String fc = ColumnAliases.fluxColumn(bands[i].code());
            String ec = ColumnAliases.fluxErrColumn(bands[i].code());
            double f = optional(r, fc);
            double e = optional(r, ec);
            if (Double.isNaN(f) && Double.isNaN(e)) {
                f = UNDETECTED_FLUX;
                e = UNDETECTED_FLUX_ERR;
            } else if (Double.isNaN(f) || Double.isNaN(e)) {
                String blank = Double.isNaN(f) ? fc : ec;
                throw new InvalidTableException("Column '" + blank + "', row " + (r + 1)
                        + ": empty while the other of " + fc + "/" + ec + " is given; give both, or leave both empty"
                        + " for an undetected band");
            }
            if (!(f > 0)) {
                throw new InvalidTableException("Column '" + fc + "', row " + (r + 1) + ": flux " + f
                        + " is not allowed; fluxes must be > 0 erg/s/cm2");
            }
            nonNegative(r, ec, e);
            flux[i] = f;
            fluxErr[i] = e;
        }
        double pInter = optional(r, ColumnAliases.P_INTER);
        double pIntra = optional(r, ColumnAliases.P_INTRA);
        range(r, ColumnAliases.P_INTER, pInter, 0, 1, "0..1");
        range(r, ColumnAliases.P_INTRA, pIntra, 0, 1, "0..1");

        MwBand[] mw = MwBand.values();
        double[] mag = new double[mw.length];
        double[] magErr = new double[mw.length];
        for (int i = 0; i < mw.length; i++) {
            mag[i] = optional(r, ColumnAliases.magColumn(mw[i]));
            magErr[i] = optional(r, ColumnAliases.magErrColumn(mw[i]));
            nonNegative(r, ColumnAliases.magErrColumn(mw[i]), magErr[i]);
        }
        double ebv = optional(r, ColumnAliases.EBV);
        nonNegative(r, ColumnAliases.EBV, ebv);

        SourceClass cls = null;
        String label = text(r, ColumnAliases.TRUE_CLASS);
        if (label != null) {
            cls = parseClass(r, label);
        } else if (requireClasses) {
            throw new InvalidTableException("Column '" + columnName(ColumnAliases.TRUE_CLASS) + "', row " + (r + 1)
                    + ": class label is empty; allowed: " + allowedLabels());
        }
        return new SourceMeasurements(name, ra, dec, pu, sn, flux, fluxErr, pInter, pIntra, mag, magErr, ebv, cls);
    }

    private SourceClass parseClass(int r, String label) {
        if (label.equalsIgnoreCase("NS_BIN")) {
            return SourceClass.LMXB; // relabelled upstream (docs/algorithm.md §2.6)
        }
        try {
            return SourceClass.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidTableException("Column '" + columnName(ColumnAliases.TRUE_CLASS) + "', row " + (r + 1)
                    + ": unknown class label '" + label + "'; allowed: " + allowedLabels());
        }
    }

    private static String allowedLabels() {
        return String.join(", ", Arrays.stream(SourceClass.values()).map(SourceClass::label).toList());
    }

    private String columnName(String canonical) {
        return table.columnNames().get(columns.get(canonical));
    }

    private String text(int r, String canonical) {
        Integer c = columns.get(canonical);
        if (c == null) {
            return null;
        }
        Object v = table.cell(r, c);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private double required(int r, String canonical) {
        double v = optional(r, canonical);
        if (Double.isNaN(v)) {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1)
                    + ": value is empty; a number is required");
        }
        return v;
    }

    /** The cell as a finite double, NaN when empty or when the table lacks the column. */
    private double optional(int r, String canonical) {
        Integer c = columns.get(canonical);
        if (c == null) {
            return Double.NaN;
        }
        Object v = table.cell(r, c);
        if (v == null) {
            return Double.NaN;
        }
        double d;
        if (v instanceof Number num) {
            d = num.doubleValue();
            if (Double.isNaN(d)) {
                return Double.NaN; // binary-table null
            }
        } else if (v instanceof String s) {
            String t = s.trim();
            if (t.isEmpty()) {
                return Double.NaN;
            }
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": '" + t
                        + "' is not a number");
            }
        } else {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": '" + v
                    + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": " + d
                    + " is not allowed; leave the cell empty for a missing value");
        }
        return d;
    }

    private void nonNegative(int r, String canonical, double v) {
        if (v < 0) {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": "
                    + String.format(Locale.ROOT, "%s", v) + " is negative; it must be >= 0");
        }
    }

    private void range(int r, String canonical, double v, double lo, double hi, String allowed) {
        if (v < lo || v > hi) {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": " + v
                    + " is out of range; allowed " + allowed);
        }
    }
}
