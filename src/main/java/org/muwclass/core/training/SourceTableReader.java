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

/**
 * Reads a table with TD-style columns (see {@link ColumnAliases}) into {@link SourceMeasurements}, validating every
 * value. Required: name, RA, Dec (decimal deg) and the s, m, h fluxes with their errors; with labels required, also
 * the class. Optional: positional error, S/N, P_intra, P_inter, the nine magnitudes with errors, ebv.
 *
 * <p>Declared units (VOTable/FITS/ECSV) are checked and converted by {@link InputUnits}. Rules, checked per row after
 * conversion (violations throw {@link InvalidTableException} naming the 1-based data row, column, value and what is
 * allowed): numbers must parse and be finite (a blank cell is a missing value; the text NaN/Infinity is refused);
 * fluxes {@code > 0} and {@code < 1e-6} erg/s/cm2, flux errors {@code >= 0}; magnitudes -10..35 mag, their errors
 * 0..10 mag; E(B-V) 0..100 mag; P_intra/P_inter 0..1; RA 0..360 deg, Dec -90..90 deg; positional error {@code >= 0}.
 * A band whose flux and error are both blank gets the CSC "not detected" fill of docs/algorithm.md §2.4 (mean 7.979e-18, sigma
 * 6.028e-18 erg/s/cm2), as the upstream averaging does; a row with all three bands blank has no X-ray measurement and
 * is refused or returned unclassified ({@link NoXrayPolicy}). A magnitude column without its error column is refused
 * (the Monte-Carlo sampling needs both); a magnitude with a blank error in one row is kept as the authors do (the draws
 * treat it as missing) and counted in {@link InputWarnings}.
 */
public final class SourceTableReader {

    private static final Logger LOG = Logger.getLogger(SourceTableReader.class.getName());

    /** Fechner mean of a band with mode 0, lower limit 0, upper limit 1e-17 (docs/algorithm.md §2.4), erg/s/cm2. */
    public static final double UNDETECTED_FLUX = Math.sqrt(2.0 / Math.PI) * 1e-17;
    /** Fechner sigma of that fill, erg/s/cm2. */
    public static final double UNDETECTED_FLUX_ERR = Math.sqrt(1.0 - 2.0 / Math.PI) * 1e-17;

    /** Largest plausible X-ray band flux, erg/s/cm2 (the brightest X-ray sources give ~1e-7). */
    public static final double MAX_FLUX = 1e-6;
    /** Plausible magnitudes, mag: the published training set reaches W3 = -6.65 (bright IR stars). */
    public static final double MIN_MAG = -10;
    public static final double MAX_MAG = 35;
    /** Largest plausible magnitude error, mag: the published training set has an e_Jmag of 10. */
    public static final double MAX_MAG_ERR = 10;
    /** Largest plausible E(B-V), mag. */
    public static final double MAX_EBV = 100;

    private final ColumnTable table;
    private final Map<String, Integer> columns;
    private final InputUnits units;
    private final InputWarnings.Counter warnings = new InputWarnings.Counter();

    private SourceTableReader(ColumnTable table) {
        this.table = table;
        this.columns = ColumnAliases.resolve(table.columnNames());
        this.units = InputUnits.of(table, columns);
        warnings.add(InputWarnings.Kind.COLUMN_UNIT_CONVERTED, units.convertedColumns());
    }

    /**
     * Reads and validates all rows.
     *
     * @param table          the table
     * @param requireClasses true for training sets: the class column and a label in every row are required
     * @throws InvalidTableException on the first problem found
     */
    public static List<SourceMeasurements> read(ColumnTable table, boolean requireClasses) {
        return new SourceTableReader(table).readAll(requireClasses, NoXrayPolicy.REFUSE).sources();
    }

    /**
     * Reads target sources (labels optional) with the warnings of the read.
     *
     * @param noXray what to do with rows without any X-ray flux
     * @throws InvalidTableException on the first problem found
     */
    public static TargetTable readTargets(ColumnTable table, NoXrayPolicy noXray) {
        return new SourceTableReader(table).readAll(false, noXray);
    }

    /** Target sources from a CSV table (rows without X-ray flux refused). */
    public static List<SourceMeasurements> readTargets(CsvTable table) {
        return read(new CsvColumnTable(table), false);
    }

    private TargetTable readAll(boolean requireClasses, NoXrayPolicy noXray) {
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
        List<TargetTable.Unclassified> withoutXray = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            SourceMeasurements s = readRow(r, requireClasses);
            if (!Double.isNaN(s.flux()[0]) || !Double.isNaN(s.flux()[1]) || !Double.isNaN(s.flux()[2])) {
                out.add(s);
            } else if (noXray == NoXrayPolicy.FLAG) {
                withoutXray.add(new TargetTable.Unclassified(r, s));
                warnings.add(InputWarnings.Kind.NO_XRAY_UNCLASSIFIED, 1);
            } else {
                throw new InvalidTableException("Row " + (r + 1) + " ('" + s.name() + "'): no X-ray flux; "
                        + xrayColumns() + " are all empty, and a source needs a flux in at least one band"
                        + " (or NO_XRAY=flag, --no-xray flag in the CLI, to return such rows unclassified)");
            }
        }
        return new TargetTable(out, withoutXray, warnings.snapshot());
    }

    private String xrayColumns() {
        List<String> names = new ArrayList<>();
        for (XrayBand b : XrayBand.narrow()) {
            names.add(columnName(ColumnAliases.fluxColumn(b.code())));
            names.add(columnName(ColumnAliases.fluxErrColumn(b.code())));
        }
        return String.join(", ", names);
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
        int blankBands = 0;
        for (int i = 0; i < bands.length; i++) {
            String fc = ColumnAliases.fluxColumn(bands[i].code());
            String ec = ColumnAliases.fluxErrColumn(bands[i].code());
            double f = optional(r, fc);
            double e = optional(r, ec);
            if (Double.isNaN(f) && Double.isNaN(e)) {
                blankBands++;
                f = UNDETECTED_FLUX;
                e = UNDETECTED_FLUX_ERR;
            } else if (Double.isNaN(f) || Double.isNaN(e)) {
                String blank = Double.isNaN(f) ? fc : ec;
                throw new InvalidTableException("Column '" + columnName(blank) + "', row " + (r + 1)
                        + ": empty while the other of " + columnName(fc) + "/" + columnName(ec) + " is given; give"
                        + " both, or leave both empty for an undetected band");
            } else {
                if (!(f > 0) || !(f < MAX_FLUX)) {
                    throw outOfRange(r, fc, f, "> 0 and < 1e-6 erg/s/cm2");
                }
                if (e < 0) {
                    throw outOfRange(r, ec, e, ">= 0 erg/s/cm2");
                }
            }
            flux[i] = f;
            fluxErr[i] = e;
        }
        if (blankBands == bands.length) {
            Arrays.fill(flux, Double.NaN);
            Arrays.fill(fluxErr, Double.NaN);
        } else {
            warnings.add(InputWarnings.Kind.UNDETECTED_BAND_FILLED, blankBands);
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
            if (mag[i] < MIN_MAG || mag[i] > MAX_MAG) {
                throw outOfRange(r, ColumnAliases.magColumn(mw[i]), mag[i], "-10..35 mag (Vega)");
            }
            if (magErr[i] < 0 || magErr[i] > MAX_MAG_ERR) {
                throw outOfRange(r, ColumnAliases.magErrColumn(mw[i]), magErr[i], "0..10 mag");
            }
            if (!Double.isNaN(mag[i]) && Double.isNaN(magErr[i])) {
                warnings.add(InputWarnings.Kind.MAGNITUDE_WITHOUT_ERROR, 1);
            }
        }
        double ebv = optional(r, ColumnAliases.EBV);
        if (ebv < 0 || ebv > MAX_EBV) {
            throw outOfRange(r, ColumnAliases.EBV, ebv, "0..100 mag");
        }

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
        Integer c = columns.get(canonical);
        return c == null ? canonical : table.columnNames().get(c);
    }

    /** A value outside its plausible range; the message names the declared unit when the value was converted. */
    private InvalidTableException outOfRange(int r, String canonical, double v, String allowed) {
        String converted = units.convertedFrom(canonical).map(u -> " (converted from " + u + ")").orElse("");
        return new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": "
                + format(v) + converted + " is out of range; allowed " + allowed);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%s", v);
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
        return units.convert(canonical, d);
    }

    private void nonNegative(int r, String canonical, double v) {
        if (v < 0) {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": "
                    + format(v) + " is negative; it must be >= 0");
        }
    }

    private void range(int r, String canonical, double v, double lo, double hi, String allowed) {
        if (v < lo || v > hi) {
            throw new InvalidTableException("Column '" + columnName(canonical) + "', row " + (r + 1) + ": " + v
                    + " is out of range; allowed " + allowed);
        }
    }
}
