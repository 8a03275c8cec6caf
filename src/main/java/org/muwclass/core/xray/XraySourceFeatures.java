package org.muwclass.core.xray;

import org.muwclass.core.model.XrayBand;

/**
 * Source-level X-ray properties averaged over a source's good detections (docs/algorithm.md §2.4-2.6). NaN = NULL.
 *
 * @param master                the source's master-level CSC properties
 * @param keptDetections        number of detections that passed {@link DetectionFilter}
 * @param flux                  mean energy flux s, m, h, erg/s/cm2 (1e-17 fill where a band was never measured)
 * @param fluxErr               1-sigma errors of {@code flux}, erg/s/cm2
 * @param fluxFlag              +1 / +2 / +4 when s / m / h was filled
 * @param dof                   N - 1 with N the kept detections having all three bands (-1 when none)
 * @param chiSquare             chi^2 of those detections' b fluxes about their weighted mean (NaN if N &lt; 2)
 * @param pInter                chi^2 CDF of {@code chiSquare} with N - 1 dof, rounded to 3 decimals (NaN if N &lt; 2)
 * @param pIntra                max Kuiper probability {@code kp_prob_b} over the same N detections (NaN if N = 0)
 * @param significanceMax       max {@code flux_significance_b} over the same N detections
 * @param fluxSignificanceBMax  max {@code flux_significance_b} over all kept detections
 * @param removeCode            +1 master saturated or streak flag, +32 no band measured ({@code fluxFlag} = 7)
 * @param cscFlags              "extent", "conf", "pileup" joined by "|" (empty when none)
 */
public record XraySourceFeatures(MasterSource master, int keptDetections, double[] flux, double[] fluxErr,
                                 int fluxFlag, int dof, double chiSquare, double pInter, double pIntra,
                                 double significanceMax, double fluxSignificanceBMax, int removeCode,
                                 String cscFlags) {

    /** remove_code for a master saturation or streak flag. */
    public static final int REMOVE_MASTER_FLAG = 1;
    /** remove_code for a source with no measured band. */
    public static final int REMOVE_NO_FLUX = 32;

    /** Mean flux of a band, erg/s/cm2; b is the sum s + m + h. */
    public double flux(XrayBand band) {
        return band == XrayBand.BROAD ? flux[0] + flux[1] + flux[2] : flux[band.ordinal()];
    }

    /** 1-sigma error of a band, erg/s/cm2; for b the quadrature sum. */
    public double fluxErr(XrayBand band) {
        if (band == XrayBand.BROAD) {
            return Math.sqrt(fluxErr[0] * fluxErr[0] + fluxErr[1] * fluxErr[1] + fluxErr[2] * fluxErr[2]);
        }
        return fluxErr[band.ordinal()];
    }

    /** HR_ms = (Fm - Fs) / (Fm + Fs). */
    public double hardnessMs() {
        return (flux[1] - flux[0]) / (flux[1] + flux[0]);
    }

    /** HR_hm = (Fh - Fm) / (Fh + Fm). */
    public double hardnessHm() {
        return (flux[2] - flux[1]) / (flux[2] + flux[1]);
    }

    /** HR_hms = (Fh - Fm - Fs) / (Fh + Fm + Fs). */
    public double hardnessHms() {
        return (flux[2] - flux[1] - flux[0]) / (flux[2] + flux[1] + flux[0]);
    }

    /** True when the source is kept for classification (remove_code 0). */
    public boolean usable() {
        return removeCode == 0;
    }
}
