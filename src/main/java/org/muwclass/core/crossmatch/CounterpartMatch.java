package org.muwclass.core.crossmatch;

/**
 * The 2-sigma positional test of one X-ray source's nearest object in one catalogue (docs/algorithm.md §3.2 and
 * Appendix C of the paper). Distances in arcsec; NaN = NULL.
 *
 * @param catalog            the catalogue
 * @param separation         distance to the nearest object within 10 arcsec (NaN if none)
 * @param secondSeparation   second entry of the separation list (NaN if fewer than two)
 * @param catalogPu          PU_cat: the catalogue's 2-sigma term in quadrature with the Gaia parallax terms
 * @param combinedPu         X_PU = sqrt(PU_cat^2 + r0^2), r0 the X-ray 95% radius
 * @param cpFlag             -8 base; +4 if X_PU &lt; r &lt;= 1.5 X_PU; else +2 if the second object is within
 *                           1.5 X_PU; +8 if r &lt;= X_PU
 * @param neighboursWithin10 number of catalogue objects within 10 arcsec
 * @param chanceProbability  1 - exp(-rho pi X_PU^2) with rho = N(&lt;10")/(pi 10^2), diagnostic only
 */
public record CounterpartMatch(MwCatalog catalog, double separation, double secondSeparation, double catalogPu,
                               double combinedPu, int cpFlag, int neighboursWithin10, double chanceProbability) {

    /** The counterpart is used (cp_flag &gt;= 0, i.e. r &lt;= X_PU). */
    public boolean accepted() {
        return cpFlag >= 0;
    }

    /** Surface density of catalogue objects around the source, arcsec^-2. */
    public double density() {
        return neighboursWithin10 / (Math.PI * CrossMatcher.DENSITY_RADIUS_ARCSEC * CrossMatcher.DENSITY_RADIUS_ARCSEC);
    }
}
