package org.muwclass.core.reddening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.features.FeatureBuilder;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.features.Photometry;
import org.muwclass.core.model.MwBand;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.physics.XrayAbsorption;

class AgnReddeningTest {

    private static final XrayAbsorption TBABS = XrayAbsorption.loadDefault();

    private static Photometry row() {
        return new Photometry(new double[] {1e-14, 2e-14, 3e-14},
                new double[] {18, 18.5, 17.5, 16, 15.5, 15, 14, 13.5, 11}, 0.5, 0.2);
    }

    @Test
    void agnFluxesAndMagnitudesFollowTheSpecCheckValues() {
        // NH = 1e22 cm^-2 <=> E(B-V) = 1e22 / 6.851e21
        AgnReddening r = AgnReddening.forEbv(1e22 / 6.851e21, TBABS);
        Photometry agn = r.apply(row());
        assertEquals(1e-14 * 0.041556, agn.flux()[0], 1e-14 * 1e-5);
        assertEquals(2e-14 * 0.431574, agn.flux()[1], 2e-14 * 1e-5);
        assertEquals(3e-14 * 0.884763, agn.flux()[2], 3e-14 * 1e-5);
        // A_G = 2.80189 E(B-V) (docs/algorithm.md §6.3)
        assertEquals(18 + 2.80189 * 1e22 / 6.851e21, agn.mag()[MwBand.G.ordinal()], 1e-3);
        assertEquals(11 + 0.05281 * 1e22 / 6.851e21, agn.mag()[MwBand.W3.ordinal()], 1e-3);
        assertEquals(0.5, agn.pInter());
    }

    @Test
    void onlyAgnRowsChange() {
        AgnReddening r = AgnReddening.forEbv(0.5, TBABS);
        Photometry star = row();
        Photometry agn = row();
        List<Photometry> out = r.applyToAgn(List.of(star, agn), List.of(SourceClass.YSO, SourceClass.AGN));
        assertSame(star, out.get(0));
        assertTrue(out.get(1).flux()[0] < agn.flux()[0]);
        assertSame(AgnReddening.NONE, AgnReddening.forEbv(0, TBABS));
    }

    @Test
    void strongReddeningPushesOpticalMagnitudesBeyondTheSurveyLimits() {
        // a Galactic-plane line of sight (E(B-V) ~ 3.9, docs/algorithm.md §11.4): G 18 + 10.9 > 21.5 is cut, W1 stays
        double[] f = FeatureBuilder.row(AgnReddening.forEbv(3.895447, TBABS).apply(row()));
        assertTrue(Double.isNaN(f[FeatureSchema.MUWCLASS.indexOf("G")]));
        assertTrue(Double.isNaN(f[FeatureSchema.MUWCLASS.indexOf("J")]));
        assertTrue(!Double.isNaN(f[FeatureSchema.MUWCLASS.indexOf("W1")]));
    }
}
