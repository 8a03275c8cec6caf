package org.muwclass.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InputUnitsTest {

    @Test
    void energyFluxSpellingsConvertToErgPerSecondPerSquareCentimetre() {
        for (String u : new String[] {"erg/s/cm2", "erg.s-1.cm-2", "erg/s/cm^2", "erg/cm2/s", "erg s-1 cm-2",
                "erg/(s.cm2)", "erg/s/cm**2", "mW.m-2", "mW/m2", "mW m**-2"}) {
            assertEquals(1.0, InputUnits.fluxFactor("Fs", u), u);
        }
        assertEquals(1e3, InputUnits.fluxFactor("Fs", "W.m-2"));
        assertEquals(1e3, InputUnits.fluxFactor("Fs", "W/m2"));
        assertEquals(1e-14, InputUnits.fluxFactor("Fs", "1e-14 erg/s/cm2"));
        assertEquals(1e-14, InputUnits.fluxFactor("Fs", "10-14erg.s-1.cm-2"));
        assertEquals(1e-14, InputUnits.fluxFactor("Fs", "10**-14 erg/s/cm2"));
        assertEquals(1e-12, InputUnits.fluxFactor("Fs", "fW/m2")); // 1e-15 W/m2
        assertEquals(1.602176634e-9, InputUnits.fluxFactor("Fs", "keV/s/cm2"), 1e-24);
    }

    @Test
    void photonAndCountFluxesAreRefusedWithColumnUnitAndWhatIsAccepted() {
        assertEquals("Column 'flux_s' has unit 'ph/cm2/s': photon or count fluxes cannot be converted to energy"
                        + " fluxes without a spectral model; accepted: " + InputUnits.FLUX_UNITS,
                assertThrows(InvalidTableException.class, () -> InputUnits.fluxFactor("flux_s", "ph/cm2/s"))
                        .getMessage());
        for (String u : new String[] {"photon.s-1.cm-2", "count/s", "ct/s/cm2", "photons/cm2/s"}) {
            assertThrows(InvalidTableException.class, () -> InputUnits.fluxFactor("Fs", u), u);
        }
    }

    @Test
    void otherUnitsOnFluxesAreRefused() {
        assertEquals("Column 'Fh' has unit 'Jy': not an energy flux unit; accepted: " + InputUnits.FLUX_UNITS,
                assertThrows(InvalidTableException.class, () -> InputUnits.fluxFactor("Fh", "Jy")).getMessage());
        assertEquals("Column 'Fh' has unit 'erg/s': not an energy flux unit; accepted: " + InputUnits.FLUX_UNITS,
                assertThrows(InvalidTableException.class, () -> InputUnits.fluxFactor("Fh", "erg/s")).getMessage());
        assertEquals("Column 'Fh' has unit 'mag': magnitudes are not X-ray fluxes; accepted: "
                + InputUnits.FLUX_UNITS, assertThrows(InvalidTableException.class,
                () -> InputUnits.fluxFactor("Fh", "mag")).getMessage());
    }

    @Test
    void snapMakesProductsOfPowersOfTenExact() {
        assertEquals(1.0, InputUnits.snap(0.9999999999999999));
        assertEquals(1e3, InputUnits.snap(1000.0000000000001));
        assertEquals(1.602176634e-9, InputUnits.snap(1.602176634e-9));
    }

    @Test
    void unitExpressionsParseScalesAndPowers() {
        UnitExpression nh = UnitExpression.parse("10+20cm-2").orElseThrow();
        assertEquals(true, nh.hasDimensions(0, 0, -2, 0, 0));
        assertEquals(1e24, nh.scale(), 1e9);
        assertEquals(1e24, UnitExpression.parse("1e20/cm2").orElseThrow().scale(), 1e9);
        assertEquals(1e4, UnitExpression.parse("cm-2").orElseThrow().scale(), 1e-9);
        assertEquals(1.0 / 3600, UnitExpression.parse("arcsec").orElseThrow().scale());
        assertEquals(true, UnitExpression.parse("Jy").isEmpty());
        assertEquals(true, UnitExpression.parse("erg/(s").isEmpty());
    }
}
