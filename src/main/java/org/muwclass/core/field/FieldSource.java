package org.muwclass.core.field;

import org.muwclass.core.crossmatch.MwCounterparts;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.model.XrayBand;
import org.muwclass.core.xray.XraySourceFeatures;

/**
 * One X-ray source of a field with its multiwavelength counterparts.
 *
 * @param q    1-based position in the field's source list (the counterpart tables' {@code _q})
 * @param xray averaged X-ray properties
 * @param mw   counterparts and magnitudes
 */
public record FieldSource(int q, XraySourceFeatures xray, MwCounterparts mw) {

    /** True when the source is kept for classification (remove_code 0). */
    public boolean usable() {
        return xray.usable();
    }

    /**
     * The classifier input for this source.
     *
     * @param ebv E(B-V) towards the source, mag, or NaN when not known
     */
    public SourceMeasurements toMeasurements(double ebv) {
        double[] flux = new double[3];
        double[] err = new double[3];
        for (XrayBand b : XrayBand.narrow()) {
            flux[b.ordinal()] = xray.flux(b);
            err[b.ordinal()] = xray.fluxErr(b);
        }
        return new SourceMeasurements(xray.master().name(), xray.master().raDeg(), xray.master().decDeg(),
                xray.master().errEllipseR0(), xray.master().significance(), flux, err, xray.pInter(), xray.pIntra(),
                mw.mag().clone(), mw.magErr().clone(), ebv, null);
    }
}
