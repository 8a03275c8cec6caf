package org.muwclass.core.features;

import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceMeasurements;

/**
 * One realisation of a source's measured values, as fed to the feature builder: after Monte-Carlo sampling and
 * (for training AGNs) reddening, before the survey-limit cut. Missing values are NaN. The arrays are not copied:
 * treat them as owned by this record.
 *
 * @param flux   band energy fluxes s, m, h, erg/s/cm2 (indexed by {@code XrayBand.ordinal()})
 * @param mag    Vega magnitudes G, BP, RP, J, H, K, W1, W2, W3 (indexed by {@link MwBand#ordinal()})
 * @param pInter inter-observation variability probability
 * @param pIntra intra-observation variability probability
 */
public record Photometry(double[] flux, double[] mag, double pInter, double pIntra) {

    public Photometry {
        if (flux.length != 3 || mag.length != MwBand.values().length) {
            throw new IllegalArgumentException("Photometry needs 3 fluxes and " + MwBand.values().length + " magnitudes");
        }
    }

    /** The measured means themselves, without sampling (a copy of the source's arrays). */
    public static Photometry ofMeans(SourceMeasurements s) {
        return new Photometry(s.flux().clone(), s.mag().clone(), s.pInter(), s.pIntra());
    }
}
