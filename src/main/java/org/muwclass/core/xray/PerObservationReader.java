package org.muwclass.core.xray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.XrayBand;

/**
 * Reads a CSCview master x stack x observation join as the MUWCLASS demo writes it ({@code *_per.csv}): master
 * columns without suffix, per-observation duplicates with a {@code .1} suffix, sexagesimal ra/dec, padded strings.
 * Detections are grouped by {@code usrid}; without that column, by name in order of first appearance.
 */
public final class PerObservationReader {

    /** Per-observation flux columns: {@code flux_aper90_<band>.1}, {@code flux_aper90_lolim_<band>.1}, .... */
    static String fluxColumn(String kind, XrayBand band) {
        return "flux_aper90_" + kind + band.code() + ".1";
    }

    private static final String[] REQUIRED = {"name", "ra", "dec", "err_ellipse_r0", "significance", "conf_flag",
        "extent_flag", "pileup_flag", "sat_src_flag", "streak_src_flag", "obsid", "region_id", "obi", "instrument",
        "theta", "pileup_warning", "sat_src_flag.1", "streak_src_flag.1", "kp_prob_b", "flux_significance_b"};

    private PerObservationReader() {
    }

    /**
     * Parses all rows.
     *
     * @throws IllegalArgumentException naming the column (and row) when a required column is missing or a cell is
     *                                  malformed
     */
    public static List<Detection> read(CsvTable t) {
        CscValues.requireColumns(t, "per-observation table", REQUIRED);
        for (XrayBand b : XrayBand.narrow()) {
            CscValues.requireColumns(t, "per-observation table", fluxColumn("", b), fluxColumn("lolim_", b),
                    fluxColumn("hilim_", b));
        }
        boolean hasUsrid = t.hasColumn("usrid");
        Map<String, Integer> idByName = new HashMap<>();
        List<Detection> out = new ArrayList<>(t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            final int dataRow = r + 1;
            String name = t.text(r, "name").orElseThrow(
                    () -> new IllegalArgumentException("Column 'name', row " + dataRow + ": a source name is required"));
            int usrid;
            if (hasUsrid) {
                long id = CscValues.integer(t, r, "usrid", Long.MIN_VALUE);
                if (id == Long.MIN_VALUE || id < 0 || id > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("Column 'usrid', row " + (r + 1)
                            + ": a non-negative integer source id is required");
                }
                usrid = (int) id;
            } else {
                usrid = idByName.computeIfAbsent(name, k -> idByName.size() + 1);
            }
            MasterSource m = new MasterSource(usrid, name,
                    CscValues.angle(t, r, "ra", true), CscValues.angle(t, r, "dec", false),
                    t.number(r, "err_ellipse_r0"), optionalNumber(t, r, "err_ellipse_r1"),
                    optionalNumber(t, r, "err_ellipse_ang"), t.number(r, "significance"),
                    CscValues.flag(t, r, "conf_flag"), CscValues.flag(t, r, "extent_flag"),
                    CscValues.flag(t, r, "pileup_flag"), CscValues.flag(t, r, "sat_src_flag"),
                    CscValues.flag(t, r, "streak_src_flag"), optionalNumber(t, r, "nh_gal"));
            FechnerFlux[] f = new FechnerFlux[3];
            for (XrayBand b : XrayBand.narrow()) {
                f[b.ordinal()] = FechnerFlux.fromLimits(t.number(r, fluxColumn("", b)),
                        t.number(r, fluxColumn("lolim_", b)), t.number(r, fluxColumn("hilim_", b)));
            }
            out.add(new Detection(r, m,
                    CscValues.integer(t, r, "obsid", Long.MIN_VALUE),
                    CscValues.integer(t, r, "region_id", Long.MIN_VALUE),
                    CscValues.integer(t, r, "obi", Long.MIN_VALUE),
                    t.text(r, "instrument").orElse(""),
                    t.number(r, "theta"), t.number(r, "pileup_warning"),
                    CscValues.flag(t, r, "sat_src_flag.1"), CscValues.flag(t, r, "streak_src_flag.1"),
                    f[0], f[1], f[2], t.number(r, "kp_prob_b"), t.number(r, "flux_significance_b")));
        }
        return out;
    }

    private static double optionalNumber(CsvTable t, int row, String column) {
        return t.hasColumn(column) ? t.number(row, column) : Double.NaN;
    }
}
