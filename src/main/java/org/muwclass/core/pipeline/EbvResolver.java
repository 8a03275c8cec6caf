package org.muwclass.core.pipeline;

import java.util.List;
import java.util.function.Supplier;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.training.InvalidTableException;

/** Resolves each source's E(B-V), mag, under an {@link EbvPolicy}. */
public final class EbvResolver {

    private final Supplier<DustMap> dustMap;

    /** @param dustMap the map, asked for only when a source needs it */
    public EbvResolver(Supplier<DustMap> dustMap) {
        this.dustMap = dustMap;
    }

    /** Uses the shipped SFD low-resolution map. */
    public static EbvResolver standard() {
        return new EbvResolver(DustMap::loadSfdLowRes);
    }

    /**
     * @return E(B-V) per source, mag
     * @throws InvalidTableException naming the row when the policy needs a table value that is missing
     */
    public double[] resolve(List<SourceMeasurements> sources, EbvPolicy policy) {
        double[] out = new double[sources.size()];
        for (int i = 0; i < out.length; i++) {
            SourceMeasurements s = sources.get(i);
            out[i] = switch (policy) {
                case NONE -> 0.0;
                case DUST_MAP -> dustMap.get().ebv(s.raDeg(), s.decDeg());
                case TABLE -> {
                    if (Double.isNaN(s.ebv())) {
                        throw new InvalidTableException("Column 'ebv', row " + (i + 1) + " (" + s.name()
                                + "): E(B-V) is required with the TABLE policy; give a value or use the dust map");
                    }
                    yield s.ebv();
                }
                case TABLE_ELSE_DUST_MAP -> Double.isNaN(s.ebv()) ? dustMap.get().ebv(s.raDeg(), s.decDeg()) : s.ebv();
            };
        }
        return out;
    }
}
