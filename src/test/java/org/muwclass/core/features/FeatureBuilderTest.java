package org.muwclass.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.muwclass.core.model.MwBand;

class FeatureBuilderTest {

    private static final FeatureSchema S = FeatureSchema.MUWCLASS;

    /** TD.csv row 1 (2CXO J000009.3+135618) at its measured means. */
    private static Photometry firstTdRow() {
        double nan = Double.NaN;
        return new Photometry(new double[] {2e-15, 5e-16, 2e-15},
                new double[] {18.494, 18.77, 18.02, nan, nan, nan, 15.49, 14.61, 10.8}, nan, 0.923);
    }

    private static double f(double[] row, String name) {
        return row[S.indexOf(name)];
    }

    @Test
    void schemaHas29FeaturesOfThePaper() {
        assertEquals(29, S.size());
        assertEquals("Fs", S.names().get(0));
        assertEquals(-1, S.indexOf("W3"), "W3 is only used in colours");
        assertEquals(-1, S.indexOf("RP-J"), "RP-J is below the 1% importance cut");
    }

    @Test
    void xrayFeaturesAreLogRatiosToTheSummedBroadBand() {
        double[] r = FeatureBuilder.row(firstTdRow());
        // expected values computed independently (python math) from the TD row
        assertEquals(-0.35218251811136253, f(r, "Fs"), 1e-12);
        assertEquals(-0.9542425094393249, f(r, "Fm"), 1e-12);
        assertEquals(-0.35218251811136253, f(r, "Fh"), 1e-12);
        assertEquals(-14.346787486224656, f(r, "Fb"), 1e-12);
        assertEquals(0.6, f(r, "HR_hm"), 1e-12);
        assertEquals(-0.6, f(r, "HR_ms"), 1e-12);
        assertEquals(-0.1111111111111111, f(r, "HR_hms"), 1e-12);
        assertTrue(Double.isNaN(f(r, "P_inter")));
        assertEquals(0.923, f(r, "P_intra"));
    }

    @Test
    void bandFeaturesUseTenToTheMinusMagOverTwoPointFive() {
        double[] r = FeatureBuilder.row(firstTdRow());
        assertEquals(1.9549008840115238, f(r, "G"), 1e-9);
        assertEquals(0.8848197490455525, f(r, "W1"), 1e-9);
        assertEquals(0.904581422981955, f(r, "W2"), 1e-9);
        assertTrue(Double.isNaN(f(r, "J")));
        assertEquals(18.494 - 18.77, f(r, "G-BP"), 1e-12);
        assertEquals(15.49 - 10.8, f(r, "W1-W3"), 1e-12);
        assertTrue(Double.isNaN(f(r, "G-J")));
    }

    @Test
    void surveyLimitCutHappensBeforeColours() {
        Photometry p = firstTdRow();
        double[] mag = p.mag().clone();
        mag[MwBand.G.ordinal()] = 21.5;           // at the limit: cut
        mag[MwBand.W3.ordinal()] = 14.499;        // just inside: kept
        mag[MwBand.W2.ordinal()] = 17.6;          // beyond: cut
        double[] r = FeatureBuilder.row(new Photometry(p.flux(), mag, p.pInter(), p.pIntra()));
        assertTrue(Double.isNaN(f(r, "G")));
        assertTrue(Double.isNaN(f(r, "G-BP")));
        assertTrue(Double.isNaN(f(r, "G-RP")));
        assertEquals(18.77 - 18.02, f(r, "BP-RP"), 1e-12);
        assertEquals(15.49 - 14.499, f(r, "W1-W3"), 1e-12);
        assertTrue(Double.isNaN(f(r, "W2")));
        assertTrue(Double.isNaN(f(r, "W2-W3")));
    }
}
