package org.muwclass.core.pipeline;

import java.util.List;
import java.util.function.Supplier;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.physics.NhMap;
import org.muwclass.core.physics.Reddening;
import org.muwclass.core.training.InvalidTableException;

/** Resolves each source's E(B-V), mag, under an {@link EbvPolicy}. */
public final class EbvResolver {

    private final Supplier<DustMap> dustMap;
    private final Supplier<NhMap> nhMap;

    /**
     * @param dustMap the map, asked for only when a source needs it
     * @param nhMap   the HI column map, asked for only when a source needs it
     */
    public EbvResolver(Supplier<DustMap> dustMap, Supplier<NhMap> nhMap) {
        this.dustMap = dustMap;
        this.nhMap = nhMap;
    }

    /** With the shipped HI4PI low-resolution map for the HI policies. */
    public EbvResolver(Supplier<DustMap> dustMap) {
        this(dustMap, NhMap::loadHi4piLowRes);
    }

    /** Uses the shipped SFD and HI4PI low-resolution maps. */
    public static EbvResolver standard() {
        return new EbvResolver(DustMap::loadSfdLowRes, NhMap::loadHi4piLowRes);
    }

    /**
     * @return E(B-V) per source, mag
     * @throws InvalidTableException naming the row when the policy needs a table value that is missing
     */
    public double[] resolve(List<SourceMeasurements> sources, EbvPolicy policy) {
        double[] out = new double[sources.size()];
        for (int i = 0; i < out.length; i++) {
            SourceMeasurements s = sources.get(i);
            if (policy == EbvPolicy.TABLE && Double.isNaN(s.ebv())) {
                throw new InvalidTableException("Column 'ebv', row " + (i + 1) + " (" + s.name()
                        + "): E(B-V) is required with the TABLE policy; give a value or use the dust map");
            }
            if (policy.prefersTable() && !Double.isNaN(s.ebv())) {
                out[i] = s.ebv();
                continue;
            }
            out[i] = switch (policy) {
                case NONE -> 0.0;
                case DUST_MAP, TABLE_ELSE_DUST_MAP -> dustMap.get().ebv(s.raDeg(), s.decDeg());
                case HI_MAP, TABLE_ELSE_HI_MAP -> Reddening.ebvFromNh(nhMap.get().nhCm2(s.raDeg(), s.decDeg()));
                case DUST_MAP_AV, TABLE_ELSE_DUST_MAP_AV -> dustMap.get().ebv(s.raDeg(), s.decDeg()) / Reddening.R_V;
                case TABLE -> throw new IllegalStateException("unreachable");
            };
        }
        return out;
    }
}
