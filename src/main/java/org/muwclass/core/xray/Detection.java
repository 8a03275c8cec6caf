package org.muwclass.core.xray;

import org.muwclass.core.model.XrayBand;

/**
 * One per-observation CSC detection of a source (a row of a {@code *_per.csv} table).
 *
 * @param row                 0-based row in the input table
 * @param master              the source's master-level properties
 * @param obsid               observation id
 * @param regionId            region id within the observation
 * @param obi                 observation interval
 * @param instrument          "ACIS" or "HRC" (trimmed)
 * @param thetaArcmin         off-axis angle, arcmin (NaN if NULL)
 * @param pileupWarning       pile-up warning (NaN if NULL)
 * @param satSrcFlag          detection saturated ({@code sat_src_flag.1})
 * @param streakSrcFlag       detection on a streak ({@code streak_src_flag.1})
 * @param soft                Fechner moments of the s band aperture flux, erg/s/cm2
 * @param medium              m band
 * @param hard                h band
 * @param kuiperProbB         intra-observation Kuiper variability probability, b band ({@code kp_prob_b})
 * @param fluxSignificanceB   b band flux significance
 */
public record Detection(int row, MasterSource master, long obsid, long regionId, long obi, String instrument,
                        double thetaArcmin, double pileupWarning, boolean satSrcFlag, boolean streakSrcFlag,
                        FechnerFlux soft, FechnerFlux medium, FechnerFlux hard, double kuiperProbB,
                        double fluxSignificanceB) {

    /** Moments for s, m or h. */
    public FechnerFlux band(XrayBand band) {
        return switch (band) {
            case SOFT -> soft;
            case MEDIUM -> medium;
            case HARD -> hard;
            case BROAD -> broad();
        };
    }

    /** The b band as the sum of s, m and h; NULL unless all three are present (the CSC's own b is not used). */
    public FechnerFlux broad() {
        return FechnerFlux.sum(soft, medium, hard);
    }
}
