package org.muwclass.core.features;

import java.util.List;
import org.muwclass.core.model.MwBand;

/**
 * Turns one {@link Photometry} realisation into the {@link FeatureSchema#MUWCLASS} row, exactly in the order of spec
 * §4: (1) survey-limit cut of every magnitude (mag >= depth becomes missing), (2) colours from the cut magnitudes,
 * (3) Fb = Fs+Fm+Fh and the hardness ratios, (4) magnitude to energy flux F = f_zp 10^(-m/2.5) W_eff, (5)
 * log10(F_X/Fb) for the X-ray and MW bands, then Fb = log10(Fb). Missing values stay NaN. Stateless and thread-safe.
 */
public final class FeatureBuilder {

    private static final MwBand[] FEATURE_BANDS = {MwBand.G, MwBand.BP, MwBand.RP, MwBand.J, MwBand.H, MwBand.K,
        MwBand.W1, MwBand.W2};
    private static final MwBand[][] COLOURS = {
        {MwBand.G, MwBand.BP}, {MwBand.G, MwBand.RP}, {MwBand.G, MwBand.J}, {MwBand.G, MwBand.H},
        {MwBand.G, MwBand.K}, {MwBand.BP, MwBand.RP}, {MwBand.J, MwBand.H}, {MwBand.J, MwBand.K},
        {MwBand.H, MwBand.K}, {MwBand.W1, MwBand.W2}, {MwBand.W1, MwBand.W3}, {MwBand.W2, MwBand.W3}};

    private FeatureBuilder() {
    }

    public static FeatureSchema schema() {
        return FeatureSchema.MUWCLASS;
    }

    /** Feature rows for a list of realisations, in list order. */
    public static double[][] build(List<Photometry> sources) {
        double[][] out = new double[sources.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = row(sources.get(i));
        }
        return out;
    }

    /** The 29-feature row of one realisation. */
    public static double[] row(Photometry p) {
        double[] mag = new double[MwBand.values().length];
        for (MwBand b : MwBand.values()) {
            double m = p.mag()[b.ordinal()];
            mag[b.ordinal()] = m >= b.surveyLimitMag() ? Double.NaN : m;
        }
        double[] f = new double[FeatureSchema.MUWCLASS.size()];
        int k = 0;
        double fs = p.flux()[0];
        double fm = p.flux()[1];
        double fh = p.flux()[2];
        double fb = fs + fm + fh;
        f[k++] = Math.log10(fs / fb);
        f[k++] = Math.log10(fm / fb);
        f[k++] = Math.log10(fh / fb);
        f[k++] = Math.log10(fb);
        f[k++] = (fh - fm) / (fh + fm);
        f[k++] = (fm - fs) / (fm + fs);
        f[k++] = (fh - fm - fs) / fb;
        f[k++] = p.pInter();
        f[k++] = p.pIntra();
        for (MwBand b : FEATURE_BANDS) {
            // NaN magnitude gives NaN flux and NaN ratio
            f[k++] = Math.log10(b.energyFlux(mag[b.ordinal()]) / fb);
        }
        for (MwBand[] c : COLOURS) {
            f[k++] = mag[c[0].ordinal()] - mag[c[1].ordinal()];
        }
        return f;
    }
}
