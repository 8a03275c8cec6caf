package org.muwclass.core.reddening;

import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.model.XrayBand;
import org.muwclass.core.physics.Reddening;
import org.muwclass.core.physics.XrayAbsorption;

/**
 * The reddening of training AGNs for one E(B-V) (docs/algorithm.md §6, Yang et al. 2022 §3.5): X-ray band fluxes are
 * multiplied by the tbabs transmission C(band, NH) of a Gamma = 2 power law with NH = 6.851e21 E(B-V) cm^-2, magnitudes
 * get A_band = F99(lambda_eff, R_V = 3.1) added. Only rows whose class is AGN change; the AGN's own Galactic extinction
 * is not removed first (upstream self_unred = False). The survey-limit cut that follows is part of the {@link
 * org.muwclass.core.features.FeatureBuilder}.
 *
 * @param ebvMag           E(B-V), mag
 * @param xrayTransmission C for s, m, h (dimensionless, indexed by {@code XrayBand.ordinal()})
 * @param extinctionMag    A_band for G ... W3, mag (indexed by {@code MwBand.ordinal()})
 */
public record AgnReddening(double ebvMag, double[] xrayTransmission, double[] extinctionMag) {

    /** No reddening (E(B-V) = 0): rows are returned unchanged. */
    public static final AgnReddening NONE = new AgnReddening(0.0, new double[] {1, 1, 1}, new double[9]);

    public AgnReddening {
        if (xrayTransmission.length != 3 || extinctionMag.length != MwBand.values().length) {
            throw new IllegalArgumentException("Need 3 X-ray transmissions and 9 extinctions");
        }
        xrayTransmission = xrayTransmission.clone();
        extinctionMag = extinctionMag.clone();
    }

    /**
     * Computes the factors for one E(B-V) (about 1 ms; compute once per E(B-V) bin, not per source).
     *
     * @param ebvMag     E(B-V), mag, &gt;= 0
     * @param absorption the tbabs cross-sections ({@link XrayAbsorption#loadDefault()})
     */
    public static AgnReddening forEbv(double ebvMag, XrayAbsorption absorption) {
        if (!(ebvMag >= 0) || Double.isInfinite(ebvMag)) {
            throw new IllegalArgumentException("E(B-V) must be a finite value >= 0 mag, got " + ebvMag);
        }
        if (ebvMag == 0) {
            return NONE;
        }
        double nh = Reddening.nhFromEbv(ebvMag);
        double[] c = new double[3];
        for (XrayBand b : XrayBand.narrow()) {
            c[b.ordinal()] = absorption.transmission(b, nh);
        }
        double[] a = new double[MwBand.values().length];
        for (MwBand b : MwBand.values()) {
            a[b.ordinal()] = Reddening.extinctionMag(b, ebvMag);
        }
        return new AgnReddening(ebvMag, c, a);
    }

    /** The reddened copy of one realisation. */
    public Photometry apply(Photometry p) {
        double[] flux = new double[3];
        for (int b = 0; b < 3; b++) {
            flux[b] = p.flux()[b] * xrayTransmission[b];
        }
        double[] mag = new double[p.mag().length];
        for (int b = 0; b < mag.length; b++) {
            mag[b] = p.mag()[b] + extinctionMag[b];
        }
        return new Photometry(flux, mag, p.pInter(), p.pIntra());
    }

    /**
     * Reddens the AGN rows of a training realisation; other rows are passed through (same objects).
     *
     * @param rows   realisations, in the order of {@code labels}
     * @param labels true class of each row
     */
    public List<Photometry> applyToAgn(List<Photometry> rows, List<SourceClass> labels) {
        if (rows.size() != labels.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + labels.size() + " labels");
        }
        if (this == NONE) {
            return rows;
        }
        List<Photometry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(labels.get(i) == SourceClass.AGN ? apply(rows.get(i)) : rows.get(i));
        }
        return out;
    }
}
