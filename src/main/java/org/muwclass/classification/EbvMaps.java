package org.muwclass.classification;

import java.util.function.Supplier;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.physics.NhMap;

/**
 * The sky maps E(B-V) may come from, loaded only when a source needs one.
 *
 * @param dustMap the E(B-V) dust map (the shipped SFD low-resolution HEALPix map unless the operator configured one)
 * @param hiMap   the HI column map (the shipped HI4PI low-resolution map)
 */
public record EbvMaps(Supplier<DustMap> dustMap, Supplier<NhMap> hiMap) {

    /** The shipped maps. */
    public static EbvMaps shipped() {
        return new EbvMaps(DustMap::loadSfdLowRes, NhMap::loadHi4piLowRes);
    }

    /** The shipped HI map with another dust map. */
    public static EbvMaps withDustMap(Supplier<DustMap> dustMap) {
        return new EbvMaps(dustMap, NhMap::loadHi4piLowRes);
    }
}
