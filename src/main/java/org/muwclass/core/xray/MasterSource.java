package org.muwclass.core.xray;

/**
 * Master-level (stacked) CSC properties of one source, as repeated on each per-observation row.
 *
 * @param usrid          1-based source id of the query (grouping key)
 * @param name           CSC name, e.g. "2CXO J110507.4-585105" (trimmed)
 * @param raDeg          right ascension, deg
 * @param decDeg         declination, deg
 * @param errEllipseR0   major radius of the 95% error ellipse, arcsec
 * @param errEllipseR1   minor radius, arcsec (NaN if absent)
 * @param errEllipseAng  position angle, deg (NaN if absent)
 * @param significance   master source significance (S/N)
 * @param confFlag       source confused with another
 * @param extentFlag     source extended
 * @param pileupFlag     source piled up
 * @param satSrcFlag     source saturated
 * @param streakSrcFlag  source on a readout streak
 * @param nhGal          Galactic HI column, 1e20 cm^-2 (NaN if absent)
 */
public record MasterSource(int usrid, String name, double raDeg, double decDeg, double errEllipseR0,
                           double errEllipseR1, double errEllipseAng, double significance, boolean confFlag,
                           boolean extentFlag, boolean pileupFlag, boolean satSrcFlag, boolean streakSrcFlag,
                           double nhGal) {
}
