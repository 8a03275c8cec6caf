package org.muwclass.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6: the operator's finer dust maps, HEALPix at any NSIDE (RING or NESTED from the header) and the
 * SFD Lambert (ZEA) pair, read from small synthetic files with known values at known positions.
 */
class ConfiguredDustMapTest {

    @TempDir
    Path dir;

    @Test
    void ringMapAtNside16ReadsKnownValuesAndDescribesItself() throws Exception {
        HealpixRing ring = new HealpixRing(16);
        float[] v = new float[(int) ring.npix()];
        long northCap = 2L * 16 * 15; // pixels of the north polar cap (z > 2/3, b > 41.8 deg)
        for (int p = 0; p < v.length; p++) {
            v[p] = p < northCap ? 5f : 1f;
        }
        Path file = writeHealpix("ring16.fits", 16, "RING", v);
        DustMap map = DustMap.fromSetting(file.toString(), 0.86);
        assertEquals(5.0, map.sfdGalactic(123.0, 80.0), 0.0, "inside the north cap");
        assertEquals(1.0, map.sfdGalactic(200.0, -30.0), 0.0, "south of it");
        double[] radec = icrsOf(123.0, 80.0);
        assertEquals(0.86 * 5.0, map.ebv(radec[0], radec[1]), 1e-9, "scaled, from ICRS");
        MapDescription d = map.description();
        assertEquals("ring16.fits", d.name());
        assertEquals("HEALPix NSIDE 16 RING", d.format());
        assertEquals(Math.toDegrees(Math.sqrt(4 * Math.PI / 3072)) * 60, d.resolutionArcmin(), 1e-9);
        assertEquals(sha256(Files.readAllBytes(file)), d.sha256());
        assertEquals("219.871", d.entries("dust_map").get("dust_map_resolution_arcmin"));
    }

    @Test
    void nestedMapIsReorderedFromTheHeader() throws Exception {
        int nside = 8;
        float[] nested = new float[12 * nside * nside];
        // base face 4 (equatorial, centred on l = 0, b = 0) holds 7, every other face 1: in NESTED order a face is
        // one contiguous block of NSIDE^2 pixels
        for (int p = 0; p < nested.length; p++) {
            nested[p] = p / (nside * nside) == 4 ? 7f : 1f;
        }
        DustMap map = DustMap.fromHealpixFile(writeHealpix("nest8.fits", nside, "NESTED", nested), 1.0);
        assertEquals(7.0, map.sfdGalactic(0.0, 0.0), 0.0, "face 4");
        assertEquals(7.0, map.sfdGalactic(355.0, 5.0), 0.0, "face 4, across l = 0");
        assertEquals(1.0, map.sfdGalactic(180.0, 0.0), 0.0, "face 6");
        assertEquals(1.0, map.sfdGalactic(0.0, 70.0), 0.0, "face 0");
        assertEquals("HEALPix NSIDE 8 NESTED", map.description().format());
    }

    /** NESTED children lie inside their parent, south child first and north child last (Gorski et al. 2005). */
    @Test
    void nestToRingIsHierarchical() {
        for (int nside = 2; nside <= 32; nside *= 2) {
            HealpixRing fine = new HealpixRing(nside);
            HealpixRing coarse = new HealpixRing(nside / 2);
            boolean[] seen = new boolean[(int) fine.npix()];
            for (long p = 0; p < fine.npix(); p++) {
                long r = HealpixNested.nestToRing(p, nside);
                assertTrue(!seen[(int) r], "RING index used twice at NSIDE " + nside + ": " + r);
                seen[(int) r] = true;
                double lon = fine.centreLongitude(r);
                double lat = fine.ringLatitude(fine.ringNumber(r));
                long parent = nside / 2 == 1 ? p / 4 : HealpixNested.nestToRing(p / 4, nside / 2);
                assertEquals(parent, coarse.pixel(lon, lat), "NSIDE " + nside + ", nested " + p);
            }
            for (long q = 0; q < fine.npix(); q += 4) {
                double south = fine.ringLatitude(fine.ringNumber(HealpixNested.nestToRing(q, nside)));
                double north = fine.ringLatitude(fine.ringNumber(HealpixNested.nestToRing(q + 3, nside)));
                assertTrue(south < north, "NSIDE " + nside + ": child 0 south of child 3 in parent " + q / 4);
            }
        }
    }

    /**
     * The SFD pair with the real files' WCS (CRVAL 90/90 north, -90/-90 south, LONPOLE 180, CD = -+scale,
     * +-scale) at 64x64 pixels: every pixel holds a linear function of its position, so bilinear interpolation
     * returns that function exactly at the pixel coordinates of SFD's own Lambert formula
     * (x = LAM_SCAL sqrt(1 - n sin b) cos l, y = -n LAM_SCAL sqrt(1 - n sin b) sin l, about the centre).
     */
    @Test
    void lambertPairFollowsSfdProjection() throws Exception {
        Path ngp = writeZea("SFD_dust_64_ngp.fits", 1, 1000);
        Path sgp = writeZea("SFD_dust_64_sgp.fits", -1, 2000);
        DustMap map = DustMap.fromSetting(ngp + "," + sgp, 0.86);
        double[][] positions = {{10, 45}, {100, 60}, {200, 30}, {300, 75}, {45, 5}, {10, -45}, {100, -60},
            {250, -20}, {330, -80}, {0, 90}, {0, -90}};
        for (double[] lb : positions) {
            int n = lb[1] >= 0 ? 1 : -1;
            double rho = Math.sqrt(1 - n * Math.sin(Math.toRadians(lb[1])));
            double x = 32 * rho * Math.cos(Math.toRadians(lb[0])) + 32.5 - 1;
            double y = -n * 32 * rho * Math.sin(Math.toRadians(lb[0])) + 32.5 - 1;
            double expected = (n > 0 ? 1000 : 2000) + x + 64 * y;
            assertEquals(expected, map.sfdGalactic(lb[0], lb[1]), 2e-3, "l, b = " + lb[0] + ", " + lb[1]);
        }
        MapDescription d = map.description();
        assertEquals("SFD_dust_64_ngp.fits+SFD_dust_64_sgp.fits", d.name());
        assertEquals("Lambert (ZEA) polar pair 64x64", d.format());
        assertEquals(Math.toDegrees(Math.sqrt(2)) / 32 * 60, d.resolutionArcmin(), 1e-9);
        assertEquals(sha256(Files.readAllBytes(ngp), Files.readAllBytes(sgp)), d.sha256());
        assertEquals(0.86, d.scale(), 0.0);
    }

    @Test
    void badMapsAreRefusedWithTheFileAndTheReason() throws Exception {
        Path ngp = writeZea("n.fits", 1, 0);
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> DustMap.fromSetting(ngp + "," + ngp, 0.86));
        assertTrue(swapped.getMessage().contains("expected the north (CRVAL2 = 90) then the south (CRVAL2 = -90)"),
                swapped.getMessage());
        Path galaxy = writeHealpix("c.fits", 1, "RING", new float[12], "C");
        assertEquals(galaxy + ": only Galactic maps (COORDSYS = 'G') are supported, got C",
                assertThrows(IllegalArgumentException.class, () -> DustMap.fromSetting(galaxy.toString(), 1))
                        .getMessage());
        assertEquals("dust map 'a,b,c': expected one HEALPix FITS file or two Lambert files (north,south) separated"
                + " by a comma", assertThrows(IllegalArgumentException.class,
                        () -> DustMap.fromSetting("a,b,c", 1)).getMessage());
        Path odd = writeHealpix("odd.fits", 3, "NESTED", new float[108]);
        assertEquals(odd + ": NESTED ordering needs NSIDE a power of 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> DustMap.fromHealpixFile(odd, 1)).getMessage());
    }

    // ------------------------------------------------------------------ synthetic FITS files

    private Path writeHealpix(String name, int nside, String ordering, float[] values) throws Exception {
        return writeHealpix(name, nside, ordering, values, "G");
    }

    private Path writeHealpix(String name, int nside, String ordering, float[] values, String coordsys)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 0", "EXTEND  = T"));
        // healpy's layout: rows of 1024 values (or fewer for small maps)
        int perRow = Math.min(1024, values.length);
        header(out, List.of("XTENSION= 'BINTABLE'", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = " + 4 * perRow,
                "NAXIS2  = " + values.length / perRow, "PCOUNT  = 0", "GCOUNT  = 1", "TFIELDS = 1",
                "TTYPE1  = 'EBV'", "TFORM1  = '" + perRow + "E'", "PIXTYPE = 'HEALPIX'",
                "ORDERING= '" + ordering + "'", "COORDSYS= '" + coordsys + "'", "NSIDE   = " + nside));
        data(out, values);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    /** A 64x64 polar ZEA image (LAM_SCAL 32) whose pixel (x, y), 0-based, holds base + x + 64 y. */
    private Path writeZea(String name, int pole, int base) throws Exception {
        double cd = Math.toDegrees(Math.sqrt(2)) / 32;
        List<String> cards = new ArrayList<>(List.of("SIMPLE  = T", "BITPIX  = -32", "NAXIS   = 2",
                "NAXIS1  = 64", "NAXIS2  = 64", "CTYPE1  = 'GLON-ZEA'", "CTYPE2  = 'GLAT-ZEA'",
                "CRPIX1  = 32.5", "CRPIX2  = 32.5", "CRVAL1  = " + 90 * pole, "CRVAL2  = " + 90 * pole,
                "CD1_1   = " + (-pole * cd), "CD1_2   = 0.0", "CD2_1   = 0.0", "CD2_2   = " + (pole * cd),
                "LONPOLE = 180", "LAM_NSGP= " + pole, "LAM_SCAL= 32"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, cards);
        float[] v = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                v[y * 64 + x] = base + x + 64 * y;
            }
        }
        data(out, v);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static void header(ByteArrayOutputStream out, List<String> cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            int eq = c.indexOf('=');
            String key = c.substring(0, eq).trim();
            String value = c.substring(eq + 1).trim();
            sb.append(String.format("%-8s= %-70s", key, value));
        }
        sb.append(String.format("%-80s", "END"));
        while (sb.length() % 2880 != 0) {
            sb.append(' ');
        }
        out.writeBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void data(ByteArrayOutputStream out, float[] values) {
        ByteBuffer b = ByteBuffer.allocate((int) FitsHeader.padded(4L * values.length));
        for (float f : values) {
            b.putFloat(f);
        }
        out.writeBytes(b.array());
    }

    private static double[] icrsOf(double l, double b) {
        // invert icrsToGalactic numerically: good enough to land inside a 3.7 deg pixel far from its edges
        double bestRa = 0;
        double bestDec = 0;
        double best = Double.MAX_VALUE;
        for (double ra = 0; ra < 360; ra += 0.25) {
            for (double dec = -90; dec <= 90; dec += 0.25) {
                double[] lb = SkyFrames.icrsToGalactic(ra, dec);
                double dl = Math.abs(lb[0] - l) * Math.cos(Math.toRadians(b));
                double d = dl * dl + (lb[1] - b) * (lb[1] - b);
                if (d < best) {
                    best = d;
                    bestRa = ra;
                    bestDec = dec;
                }
            }
        }
        return new double[] {bestRa, bestDec};
    }

    private static String sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
