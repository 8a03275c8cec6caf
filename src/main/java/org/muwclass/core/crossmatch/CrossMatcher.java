package org.muwclass.core.crossmatch;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.muwclass.core.model.MwBand;

/**
 * Accepts or rejects the nearest catalogue objects of X-ray sources and assembles their magnitudes (docs/algorithm.md
 * §3.2-3.3, upstream {@code CSC_counterpart_clean} and {@code prepare_cols}). Immutable and thread-safe.
 */
public final class CrossMatcher {

    /** Radius of the list of neighbours used for the density, arcsec. */
    public static final double DENSITY_RADIUS_ARCSEC = 10.0;
    /** Factor on X_PU inside which a rejected or second object still flags the match. */
    public static final double PU_FACTOR = 1.5;
    /** unWISE pixel scale, arcsec. */
    public static final double UNWISE_PIXEL_ARCSEC = 2.75;
    /** unWISE flux zero point (Vega nanomaggies to mag). */
    public static final double UNWISE_ZERO_POINT = 22.5;
    /** Offsets subtracted from unWISE W1 and W2 magnitudes. */
    public static final double UNWISE_W1_OFFSET = 0.004;
    public static final double UNWISE_W2_OFFSET = 0.032;

    private final Map<MwCatalog, CounterpartTable> tables;

    /**
     * @param tables the nearest-object tables available (a missing catalogue has no counterparts); the Gaia table,
     *               when present, also supplies the parallax terms of every catalogue's PU
     */
    public CrossMatcher(Map<MwCatalog, CounterpartTable> tables) {
        this.tables = Collections.unmodifiableMap(new EnumMap<>(tables));
    }

    /**
     * Tests every catalogue for one X-ray source and picks its magnitudes.
     *
     * @param q            1-based position of the X-ray source ({@code _q})
     * @param errEllipseR0 X-ray 95% positional uncertainty radius, arcsec (err_ellipse_r0)
     */
    public MwCounterparts match(int q, double errEllipseR0) {
        double gaiaTerms = gaiaParallaxTermsSquared(q);
        Map<MwCatalog, CounterpartMatch> matches = new EnumMap<>(MwCatalog.class);
        for (Map.Entry<MwCatalog, CounterpartTable> e : tables.entrySet()) {
            matches.put(e.getKey(), test(e.getValue(), q, errEllipseR0, gaiaTerms));
        }
        double[] mag = new double[MwBand.values().length];
        double[] err = new double[mag.length];
        Arrays.fill(mag, Double.NaN);
        Arrays.fill(err, Double.NaN);
        MwCounterparts.GaiaAstrometry astrometry = MwCounterparts.GaiaAstrometry.NONE;
        if (accepted(matches, MwCatalog.GAIA)) {
            CounterpartTable t = tables.get(MwCatalog.GAIA);
            astrometry = new MwCounterparts.GaiaAstrometry(t.number(q, "Plx_gaia"), t.number(q, "e_Plx_gaia"),
                    t.number(q, "PM_gaia"));
            copy(t, q, "Gmag_gaia", "e_Gmag_gaia", MwBand.G, mag, err);
            copy(t, q, "BPmag_gaia", "e_BPmag_gaia", MwBand.BP, mag, err);
            copy(t, q, "RPmag_gaia", "e_RPmag_gaia", MwBand.RP, mag, err);
        }
        if (accepted(matches, MwCatalog.TWOMASS)) {
            CounterpartTable t = tables.get(MwCatalog.TWOMASS);
            copy(t, q, "Jmag_2mass", "e_Jmag_2mass", MwBand.J, mag, err);
            copy(t, q, "Hmag_2mass", "e_Hmag_2mass", MwBand.H, mag, err);
            copy(t, q, "Kmag_2mass", "e_Kmag_2mass", MwBand.K, mag, err);
        }
        // W1/W2 by accepted catalogue, even if that catalogue's value is NULL (docs/algorithm.md §3.3)
        MwCatalog wise = null;
        if (accepted(matches, MwCatalog.ALLWISE)) {
            wise = MwCatalog.ALLWISE;
            CounterpartTable t = tables.get(wise);
            copy(t, q, "W1mag_allwise", "e_W1mag_allwise", MwBand.W1, mag, err);
            copy(t, q, "W2mag_allwise", "e_W2mag_allwise", MwBand.W2, mag, err);
        } else if (accepted(matches, MwCatalog.CATWISE)) {
            wise = MwCatalog.CATWISE;
            CounterpartTable t = tables.get(wise);
            copy(t, q, "W1mproPM_catwise", "e_W1mproPM_catwise", MwBand.W1, mag, err);
            copy(t, q, "W2mproPM_catwise", "e_W2mproPM_catwise", MwBand.W2, mag, err);
        } else if (accepted(matches, MwCatalog.UNWISE)) {
            wise = MwCatalog.UNWISE;
            CounterpartTable t = tables.get(wise);
            unwise(t.number(q, "FW1_unwise"), t.number(q, "e_FW1_unwise"), UNWISE_W1_OFFSET, MwBand.W1, mag, err);
            unwise(t.number(q, "FW2_unwise"), t.number(q, "e_FW2_unwise"), UNWISE_W2_OFFSET, MwBand.W2, mag, err);
        }
        if (accepted(matches, MwCatalog.ALLWISE)) {
            copy(tables.get(MwCatalog.ALLWISE), q, "W3mag_allwise", "e_W3mag_allwise", MwBand.W3, mag, err);
        }
        return new MwCounterparts(q, Collections.unmodifiableMap(matches), mag, err, wise, astrometry);
    }

    private static boolean accepted(Map<MwCatalog, CounterpartMatch> m, MwCatalog c) {
        CounterpartMatch x = m.get(c);
        return x != null && x.accepted();
    }

    private static void copy(CounterpartTable t, int q, String magCol, String errCol, MwBand band, double[] mag,
                             double[] err) {
        mag[band.ordinal()] = t.number(q, magCol);
        err[band.ordinal()] = t.number(q, errCol);
    }

    /** unWISE Vega nanomaggies to mag, only for a positive flux; the error as a positive number. */
    private static void unwise(double flux, double fluxErr, double offset, MwBand band, double[] mag, double[] err) {
        if (flux > 0) {
            mag[band.ordinal()] = UNWISE_ZERO_POINT - 2.5 * Math.log10(flux) - offset;
            err[band.ordinal()] = Math.abs(2.5 * Math.log10(Math.E) * fluxErr / flux);
        }
    }

    /** Sum of squares of 2 Plx, 2 e_Plx and 2 epsi of the nearest Gaia object, arcsec^2 (NULL counts as 0). */
    private double gaiaParallaxTermsSquared(int q) {
        CounterpartTable g = tables.get(MwCatalog.GAIA);
        if (g == null) {
            return 0.0;
        }
        return sq(2.0 * g.number(q, "Plx_gaia") / 1e3) + sq(2.0 * g.number(q, "e_Plx_gaia") / 1e3)
                + sq(2.0 * g.number(q, "epsi_gaia") / 1e3);
    }

    /** The catalogue's own 2-sigma coordinate uncertainty, arcsec (NaN if NULL). */
    static double coordinateTerm(CounterpartTable t, int q) {
        return switch (t.catalog()) {
            case GAIA -> 2.0 * pythonMax(t.number(q, "e_RA_ICRS_gaia"), t.number(q, "e_DE_ICRS_gaia")) / 1e3;
            case TWOMASS -> 2.0 * t.number(q, "errMaj_2mass");
            case CATWISE -> 2.0 * pythonMax(t.number(q, "e_RA_ICRS_catwise"), t.number(q, "e_DE_ICRS_catwise"));
            case UNWISE -> 2.0 * UNWISE_PIXEL_ARCSEC * pythonMax(t.number(q, "e_XposW1_unwise"),
                    t.number(q, "e_XposW2_unwise"), t.number(q, "e_YposW1_unwise"), t.number(q, "e_YposW2_unwise"));
            case ALLWISE -> 2.0 * t.number(q, "eeMaj_allwise");
        };
    }

    static CounterpartMatch test(CounterpartTable t, int q, double r0, double gaiaTermsSquared) {
        double pu2 = sq(coordinateTerm(t, q)) + gaiaTermsSquared;
        double xpu = Math.sqrt(pu2 + r0 * r0);
        double r = t.nearestSeparation(q);
        double[] rs = t.separations(q);
        double r2 = rs.length > 1 ? rs[1] : Double.NaN;
        int flag = -8;
        if (r > xpu && r <= PU_FACTOR * xpu) {
            flag += 4;
        }
        if (r2 <= PU_FACTOR * xpu && flag == -8) {
            flag += 2;
        }
        if (r <= xpu) {
            flag += 8;
        }
        double rho = rs.length / (Math.PI * DENSITY_RADIUS_ARCSEC * DENSITY_RADIUS_ARCSEC);
        double chance = 1.0 - Math.exp(-rho * Math.PI * xpu * xpu);
        return new CounterpartMatch(t.catalog(), r, r2, Math.sqrt(pu2), xpu, flag, rs.length, chance);
    }

    /** NULL counts as 0 (pandas fillna(0) before squaring). */
    private static double sq(double x) {
        return Double.isNaN(x) ? 0.0 : x * x;
    }

    /** Python's built-in max: keeps the first value unless a later one compares greater (so NaN first wins). */
    private static double pythonMax(double... v) {
        double m = v[0];
        for (int i = 1; i < v.length; i++) {
            if (v[i] > m) {
                m = v[i];
            }
        }
        return m;
    }
}
