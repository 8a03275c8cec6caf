package org.muwclass.service.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.muwclass.core.physics.DustMap;

/**
 * The operator's E(B-V) dust map ({@code muwclass.classify.dust-map}): one HEALPix FITS file (any NSIDE, RING or
 * NESTED, Galactic frame) or the SFD Lambert pair "north.fits,south.fits"; empty for the shipped NSIDE 64 SFD map.
 *
 * @param files the setting's value, or null
 * @param scale factor applied to the map's values ({@code muwclass.classify.dust-map.scale}, default 0.86 for raw
 *              SFD E(B-V))
 */
public record DustMapSetting(String files, double scale) {

    /** The shipped map. */
    public static final DustMapSetting SHIPPED = new DustMapSetting(null, DustMap.SF11_FACTOR);

    /**
     * @throws IllegalArgumentException naming the property when a named file does not exist or the scale is not
     *                                  positive (so a deployment with a wrong path fails at start-up)
     */
    public DustMapSetting {
        if (files != null && files.isBlank()) {
            files = null;
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("muwclass.classify.dust-map.scale must be a positive number, got "
                    + scale);
        }
        if (files != null) {
            for (String f : files.split(",")) {
                if (!Files.isRegularFile(Path.of(f.trim()))) {
                    throw new IllegalArgumentException("muwclass.classify.dust-map: '" + f.trim()
                            + "' is not a readable file (one HEALPix FITS file, or the Lambert pair north,south)");
                }
            }
        }
    }

    static DustMapSetting fromConfig(Config cfg) {
        Optional<String> files = cfg.getOptionalValue("muwclass.classify.dust-map", String.class);
        double scale = cfg.getOptionalValue("muwclass.classify.dust-map.scale", Double.class)
                .orElse(DustMap.SF11_FACTOR);
        return new DustMapSetting(files.orElse(null), scale);
    }

    /** The map, read on first use and then kept. */
    Supplier<DustMap> supplier() {
        if (files == null) {
            return DustMap::loadSfdLowRes;
        }
        DustMap[] kept = new DustMap[1];
        return () -> {
            synchronized (kept) {
                if (kept[0] == null) {
                    kept[0] = DustMap.fromSetting(files, scale);
                }
                return kept[0];
            }
        };
    }
}
