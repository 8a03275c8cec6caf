package org.muwclass.core.crossmatch;

import java.util.Map;
import org.muwclass.core.model.MwBand;

/**
 * The multiwavelength counterparts of one X-ray source: the per-catalogue tests and the resulting magnitudes.
 * Arrays are indexed by {@link MwBand#ordinal()}; NaN = missing. Treat the arrays as read-only.
 *
 * @param q        1-based position of the X-ray source in its field list
 * @param matches  test result per catalogue (catalogues whose table was not given are absent)
 * @param mag      Vega magnitudes G, BP, RP, J, H, K, W1, W2, W3
 * @param magErr   their 1-sigma errors, mag
 * @param wiseSource the catalogue W1/W2 came from (null when none was accepted)
 * @param gaiaAstrometry parallax and proper motion of the accepted Gaia match (all NaN when none)
 */
public record MwCounterparts(int q, Map<MwCatalog, CounterpartMatch> matches, double[] mag, double[] magErr,
                             MwCatalog wiseSource, GaiaAstrometry gaiaAstrometry) {

    /**
     * Gaia astrometry of a counterpart (not a classifier feature).
     *
     * @param parallaxMas      parallax, mas
     * @param parallaxErrMas   its error, mas
     * @param properMotionMasYr total proper motion, mas/yr
     */
    public record GaiaAstrometry(double parallaxMas, double parallaxErrMas, double properMotionMasYr) {
        public static final GaiaAstrometry NONE = new GaiaAstrometry(Double.NaN, Double.NaN, Double.NaN);
    }

    /** Number of bands with a magnitude (the demo's {@code cp_counts}). */
    public int magnitudeCount() {
        int n = 0;
        for (double m : mag) {
            if (!Double.isNaN(m)) {
                n++;
            }
        }
        return n;
    }

    /** True when at least one catalogue counterpart was accepted. */
    public boolean anyAccepted() {
        return matches.values().stream().anyMatch(CounterpartMatch::accepted);
    }

    public double mag(MwBand band) {
        return mag[band.ordinal()];
    }

    public double magErr(MwBand band) {
        return magErr[band.ordinal()];
    }
}
