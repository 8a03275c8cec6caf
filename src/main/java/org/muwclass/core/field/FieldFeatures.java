package org.muwclass.core.field;

import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.crossmatch.MwCounterparts;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.model.XrayBand;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.xray.XraySourceFeatures;

/**
 * The extracted sources of one field. Classification uses only the usable ones (remove_code 0, docs/algorithm.md §2.6);
 * {@link #all()} keeps the others for diagnostics.
 */
public final class FieldFeatures {

    /** Columns of {@link #tdTable()}: the names of the published training set TD.csv. */
    public static final List<String> TD_COLUMNS = List.of("CSCv2_name", "CSCv2_RA", "CSCv2_DEC", "CSCv2_PU",
            "CSCv2_S/N", "Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh", "Fb", "e_Fb", "P_intra", "P_inter",
            "Gmag", "e_Gmag", "BPmag", "e_BPmag", "RPmag", "e_RPmag", "Jmag", "e_Jmag", "Hmag", "e_Hmag",
            "Kmag", "e_Kmag", "W1mag", "e_W1mag", "W2mag", "e_W2mag", "W3mag", "e_W3mag", "Plx", "e_Plx", "PM",
            "CSCv2_flags");

    private final List<FieldSource> sources;

    FieldFeatures(List<FieldSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Every source with at least one good detection, in field order (position = q - 1). */
    public List<FieldSource> all() {
        return sources;
    }

    /** The sources to classify (remove_code 0). */
    public List<FieldSource> usable() {
        return sources.stream().filter(FieldSource::usable).toList();
    }

    /** Classifier inputs of the usable sources, E(B-V) = NaN. */
    public List<SourceMeasurements> measurements() {
        return usable().stream().map(s -> s.toMeasurements(Double.NaN)).toList();
    }

    /** Classifier inputs of the usable sources with E(B-V) from a dust map at each source position. */
    public List<SourceMeasurements> measurements(DustMap dust) {
        return usable().stream()
                .map(s -> s.toMeasurements(dust.ebv(s.xray().master().raDeg(), s.xray().master().decDeg())))
                .toList();
    }

    /**
     * The usable sources as a table with TD.csv column names ({@link #TD_COLUMNS}): fluxes in erg/s/cm2, Fb = Fs +
     * Fm + Fh, magnitudes in Vega mag, Plx/e_Plx in mas and PM in mas/yr from an accepted Gaia match.
     */
    public FeatureTable tdTable() {
        List<String[]> rows = new ArrayList<>();
        for (FieldSource s : usable()) {
            rows.add(tdRow(s));
        }
        return new FeatureTable(TD_COLUMNS, rows);
    }

    private static String[] tdRow(FieldSource s) {
        XraySourceFeatures x = s.xray();
        MwCounterparts mw = s.mw();
        List<String> c = new ArrayList<>(TD_COLUMNS.size());
        c.add(x.master().name());
        c.add(num(x.master().raDeg()));
        c.add(num(x.master().decDeg()));
        c.add(num(x.master().errEllipseR0()));
        c.add(num(x.master().significance()));
        for (XrayBand b : XrayBand.values()) {
            c.add(num(x.flux(b)));
            c.add(num(x.fluxErr(b)));
        }
        c.add(num(x.pIntra()));
        c.add(num(x.pInter()));
        for (MwBand b : MwBand.values()) {
            c.add(num(mw.mag(b)));
            c.add(num(mw.magErr(b)));
        }
        c.add(num(mw.gaiaAstrometry().parallaxMas()));
        c.add(num(mw.gaiaAstrometry().parallaxErrMas()));
        c.add(num(mw.gaiaAstrometry().properMotionMasYr()));
        c.add(x.cscFlags().isEmpty() ? null : x.cscFlags());
        return c.toArray(String[]::new);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : null;
    }
}
