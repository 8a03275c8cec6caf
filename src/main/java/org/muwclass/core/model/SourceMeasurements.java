package org.muwclass.core.model;

import java.util.Objects;

/**
 * Source-level measurements of one X-ray source: what the classifier consumes, for training and for field sources.
 * Missing values are NaN. Arrays are indexed by {@link XrayBand#ordinal()} for SOFT, MEDIUM, HARD (length 3) and by
 * {@link MwBand#ordinal()} (length 9). Instances do not copy the arrays: treat them as read-only.
 *
 * @param name          source identifier, e.g. "2CXO J000009.3+135618"
 * @param raDeg         right ascension, deg (ICRS)
 * @param decDeg        declination, deg (ICRS)
 * @param posErrArcsec  95% positional uncertainty radius, arcsec
 * @param significance  X-ray detection significance (S/N)
 * @param flux          mean band energy fluxes s, m, h, erg/s/cm2
 * @param fluxErr       1-sigma errors of {@code flux}, erg/s/cm2
 * @param pInter        inter-observation variability probability (NaN if unknown)
 * @param pIntra        intra-observation variability probability (NaN if unknown)
 * @param mag           Vega magnitudes G, BP, RP, J, H, K, W1, W2, W3
 * @param magErr        1-sigma magnitude errors (NaN error makes the sampled magnitude missing)
 * @param ebv           E(B-V) towards the source, mag (NaN if not given)
 * @param trueClass     literature class for training sources, null for unclassified ones
 */
public record SourceMeasurements(String name, double raDeg, double decDeg, double posErrArcsec, double significance,
                                 double[] flux, double[] fluxErr, double pInter, double pIntra,
                                 double[] mag, double[] magErr, double ebv, SourceClass trueClass) {

    public SourceMeasurements {
        Objects.requireNonNull(name, "name");
        if (flux.length != 3 || fluxErr.length != 3) {
            throw new IllegalArgumentException("flux arrays must have 3 bands (s, m, h)");
        }
        if (mag.length != MwBand.values().length || magErr.length != MwBand.values().length) {
            throw new IllegalArgumentException("magnitude arrays must have " + MwBand.values().length + " bands");
        }
    }

    /** The same source with another E(B-V), mag. */
    public SourceMeasurements withEbv(double newEbv) {
        return new SourceMeasurements(name, raDeg, decDeg, posErrArcsec, significance, flux, fluxErr, pInter, pIntra,
                mag, magErr, newEbv, trueClass);
    }
}
