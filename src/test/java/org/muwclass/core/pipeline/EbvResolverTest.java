package org.muwclass.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.NhMap;
import org.muwclass.core.training.InvalidTableException;
import org.muwclass.core.training.TrainingSetReader;

class EbvResolverTest {

    /** 2CXO J111508.9-611527 (b -0.52): 0.86 x SFD low-res = 3.895447 (docs/algorithm.md §11.4, astropy-healpix). */
    private static SourceMeasurements plane() {
        return TrainingSetReader.readDefault().sources().stream()
                .filter(s -> s.name().equals("2CXO J111508.9-611527")).findFirst().orElseThrow().withEbv(Double.NaN);
    }

    @Test
    void mapPoliciesGiveTheDustMapItsThirdAndTheHiColumn() {
        SourceMeasurements s = plane();
        EbvResolver r = EbvResolver.standard();
        assertEquals(3.895447, r.resolve(List.of(s), EbvPolicy.DUST_MAP)[0], 1e-5);
        assertEquals(3.895447 / 3.1, r.resolve(List.of(s), EbvPolicy.DUST_MAP_AV)[0], 1e-5);
        assertEquals(3.895447 / 3.1, r.resolve(List.of(s), EbvPolicy.TABLE_ELSE_DUST_MAP_AV)[0], 1e-5);
        double hi = NhMap.loadHi4piLowRes().nhCm2(s.raDeg(), s.decDeg()) / 6.851e21;
        assertEquals(hi, r.resolve(List.of(s), EbvPolicy.HI_MAP)[0], 1e-9 * hi);
        assertEquals(hi, r.resolve(List.of(s), EbvPolicy.TABLE_ELSE_HI_MAP)[0], 1e-9 * hi);
        assertEquals(0.0, r.resolve(List.of(s), EbvPolicy.NONE)[0]);
    }

    @Test
    void tableValuesWinWhereThePolicySaysSo() {
        SourceMeasurements s = plane().withEbv(0.7);
        EbvResolver r = EbvResolver.standard();
        for (EbvPolicy p : EbvPolicy.values()) {
            double v = r.resolve(List.of(s), p)[0];
            if (p.prefersTable()) {
                assertEquals(0.7, v, 0.0, p.optionName());
            } else if (p != EbvPolicy.NONE) {
                assertEquals(true, v != 0.7, p.optionName());
            }
        }
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> r.resolve(List.of(plane()), EbvPolicy.TABLE));
        assertEquals("Column 'ebv', row 1 (2CXO J111508.9-611527): E(B-V) is required with the TABLE policy; give a "
                + "value or use the dust map", e.getMessage());
    }

    @Test
    void optionNamesRoundTrip() {
        for (EbvPolicy p : EbvPolicy.values()) {
            assertEquals(p, EbvPolicy.fromName(" " + p.optionName().toUpperCase(java.util.Locale.ROOT) + " "));
        }
        assertEquals(EbvPolicy.TABLE_ELSE_DUST_MAP, EbvPolicy.DEFAULT);
        assertEquals(EbvPolicy.DEFAULT, RunParameters.of(10, 1).ebvPolicy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EbvPolicy.fromName("sfd"));
        assertEquals("E(B-V) source 'sfd' is not one of table, dust-map, table-else-dust-map, none, hi-map, "
                + "table-else-hi-map, dust-map-av, table-else-dust-map-av", e.getMessage());
        assertArrayEquals(new String[] {"table", "dust-map", "table-else-dust-map", "none", "hi-map",
            "table-else-hi-map", "dust-map-av", "table-else-dust-map-av"},
                java.util.Arrays.stream(EbvPolicy.values()).map(EbvPolicy::optionName).toArray());
    }
}
