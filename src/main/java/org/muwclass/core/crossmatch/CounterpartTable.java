package org.muwclass.core.crossmatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muwclass.core.io.CsvTable;

/**
 * The nearest-object table of one catalogue as the MUWCLASS demo stores it ({@code <field>_<cat>.csv}): one row per
 * X-ray source, {@code _q} = the 1-based position of the X-ray source, {@code _r_<cat>} = distance to the nearest
 * object (arcsec), {@code _rs_<cat>} = all separations below 10 arcsec as a list "[0.25, 2.25]", and the nearest
 * object's VizieR columns with suffix {@code _<cat>}.
 */
public final class CounterpartTable {

    private final MwCatalog catalog;
    private final CsvTable table;
    private final Map<Integer, Integer> rowByQ;

    private CounterpartTable(MwCatalog catalog, CsvTable table, Map<Integer, Integer> rowByQ) {
        this.catalog = catalog;
        this.table = table;
        this.rowByQ = rowByQ;
    }

    /**
     * Wraps a table, checking the columns the cross-match needs.
     *
     * @throws IllegalArgumentException naming a missing column or a bad {@code _q} cell
     */
    public static CounterpartTable of(MwCatalog catalog, CsvTable table) {
        String what = catalog.suffix() + " counterpart table";
        require(table, what, "_q", catalog.column("_r"), catalog.column("_rs"));
        require(table, what, requiredColumns(catalog).toArray(String[]::new));
        Map<Integer, Integer> rows = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            double q = table.number(r, "_q");
            if (Double.isNaN(q) || q != Math.rint(q) || q < 1) {
                throw new IllegalArgumentException(what + ": column '_q', row " + (r + 1)
                        + ": a 1-based source position is required");
            }
            rows.putIfAbsent((int) q, r);
        }
        return new CounterpartTable(catalog, table, rows);
    }

    /** Columns read besides {@code _q}, {@code _r_} and {@code _rs_}. */
    static List<String> requiredColumns(MwCatalog c) {
        return switch (c) {
            case GAIA -> List.of("e_RA_ICRS_gaia", "e_DE_ICRS_gaia", "Plx_gaia", "e_Plx_gaia", "epsi_gaia",
                    "Gmag_gaia", "e_Gmag_gaia", "BPmag_gaia", "e_BPmag_gaia", "RPmag_gaia", "e_RPmag_gaia");
            case TWOMASS -> List.of("errMaj_2mass", "Jmag_2mass", "e_Jmag_2mass", "Hmag_2mass", "e_Hmag_2mass",
                    "Kmag_2mass", "e_Kmag_2mass");
            case CATWISE -> List.of("e_RA_ICRS_catwise", "e_DE_ICRS_catwise", "W1mproPM_catwise",
                    "e_W1mproPM_catwise", "W2mproPM_catwise", "e_W2mproPM_catwise");
            case UNWISE -> List.of("e_XposW1_unwise", "e_XposW2_unwise", "e_YposW1_unwise", "e_YposW2_unwise",
                    "FW1_unwise", "e_FW1_unwise", "FW2_unwise", "e_FW2_unwise");
            case ALLWISE -> List.of("eeMaj_allwise", "W1mag_allwise", "e_W1mag_allwise", "W2mag_allwise",
                    "e_W2mag_allwise", "W3mag_allwise", "e_W3mag_allwise");
        };
    }

    private static void require(CsvTable t, String what, String... columns) {
        for (String c : columns) {
            if (!t.hasColumn(c)) {
                throw new IllegalArgumentException(what + ": required column '" + c + "' is missing");
            }
        }
    }

    public MwCatalog catalog() {
        return catalog;
    }

    /** True when the table has a row for X-ray source {@code q}. */
    public boolean has(int q) {
        return rowByQ.containsKey(q);
    }

    /** A numeric cell of the row for source q; NaN when blank or when there is no such row. */
    public double number(int q, String column) {
        Integer r = rowByQ.get(q);
        if (r == null || !table.hasColumn(column)) {
            return Double.NaN;
        }
        try {
            return table.number(r, column);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(catalog.suffix() + " counterpart table: " + e.getMessage());
        }
    }

    /** A text cell (trimmed) or null. */
    public String text(int q, String column) {
        Integer r = rowByQ.get(q);
        return r == null ? null : table.text(r, column).orElse(null);
    }

    /** Distance to the nearest object, arcsec (NaN if none). */
    public double nearestSeparation(int q) {
        return number(q, catalog.column("_r"));
    }

    /** All separations below 10 arcsec, as listed (nearest first), arcsec; empty when none. */
    public double[] separations(int q) {
        Integer r = rowByQ.get(q);
        if (r == null) {
            return new double[0];
        }
        String column = catalog.column("_rs");
        String v = table.cell(r, column);
        if (v == null) {
            return new double[0];
        }
        String s = v.trim();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException(catalog.suffix() + " counterpart table: column '" + column + "', row "
                    + (r + 1) + ": '" + s + "' is not a list like [0.25, 2.5]");
        }
        String body = s.substring(1, s.length() - 1).trim();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split("[,\\s]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(catalog.suffix() + " counterpart table: column '" + column
                        + "', row " + (r + 1) + ": '" + parts[i] + "' is not a number");
            }
        }
        return out;
    }
}
