package org.muwclass.core.physics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An all-sky map as two zenithal-equal-area (Lambert, ZEA) images of the Galactic hemispheres, the layout of the
 * SFD (1998) 4096x4096 maps {@code SFD_dust_4096_ngp.fits} / {@code _sgp.fits}: a float32 primary image each, with
 * the FITS WCS (Calabretta &amp; Greisen 2002) GLON-ZEA / GLAT-ZEA, CRVAL2 = +90 (north) or -90 (south), CRPIX, a CD
 * matrix (or CDELT) and LONPOLE (default 0 north, 180 south). b &gt;= 0 is read from the north image, b &lt; 0 from
 * the south one, interpolated bilinearly between the four nearest pixel centres as SFD's own {@code lambert_getval}
 * does with interpolation on. Immutable and thread-safe.
 */
final class LambertPairMap implements GalacticMap {

    private final ZeaImage north;
    private final ZeaImage south;

    private LambertPairMap(ZeaImage north, ZeaImage south) {
        this.north = north;
        this.south = south;
    }

    /** Reads the pair; {@code northName} and {@code southName} name the files in messages. */
    static LambertPairMap parse(byte[] northFits, String northName, byte[] southFits, String southName) {
        ZeaImage n = ZeaImage.parse(northFits, northName);
        ZeaImage s = ZeaImage.parse(southFits, southName);
        if (n.pole < 0 || s.pole > 0) {
            throw new IllegalArgumentException(northName + " / " + southName + ": expected the north (CRVAL2 = 90)"
                    + " then the south (CRVAL2 = -90) polar image");
        }
        return new LambertPairMap(n, s);
    }

    @Override
    public double interpolate(double lDeg, double bDeg) {
        if (!Double.isFinite(lDeg) || !(bDeg >= -90 && bDeg <= 90)) {
            throw new IllegalArgumentException("invalid position (" + lDeg + ", " + bDeg + ") deg");
        }
        return (bDeg >= 0 ? north : south).interpolate(lDeg, bDeg);
    }

    @Override
    public String format() {
        return "Lambert (ZEA) polar pair " + north.nx + "x" + north.ny;
    }

    @Override
    public double resolutionArcmin() {
        return north.pixelDeg * 60;
    }

    /** One polar image and its WCS. */
    private static final class ZeaImage {
        private final float[] data;
        private final int nx;
        private final int ny;
        private final double crpix1;
        private final double crpix2;
        private final double crval1;
        private final int pole;
        private final double lonpole;
        /** Inverse of the CD matrix: intermediate world coordinates (deg) to pixel offsets. */
        private final double i11;
        private final double i12;
        private final double i21;
        private final double i22;
        private final double pixelDeg;

        private ZeaImage(float[] data, int nx, int ny, double crpix1, double crpix2, double crval1, int pole,
                         double lonpole, double[] cd) {
            this.data = data;
            this.nx = nx;
            this.ny = ny;
            this.crpix1 = crpix1;
            this.crpix2 = crpix2;
            this.crval1 = crval1;
            this.pole = pole;
            this.lonpole = lonpole;
            double det = cd[0] * cd[3] - cd[1] * cd[2];
            this.i11 = cd[3] / det;
            this.i12 = -cd[1] / det;
            this.i21 = -cd[2] / det;
            this.i22 = cd[0] / det;
            this.pixelDeg = Math.sqrt(Math.abs(det));
        }

        static ZeaImage parse(byte[] fits, String what) {
            FitsHeader h = FitsHeader.read(fits, 0, what);
            if (h.integer("NAXIS") != 2 || h.integer("BITPIX") != -32) {
                throw new IllegalArgumentException(what + ": expected a 2-d float32 primary image (NAXIS = 2,"
                        + " BITPIX = -32), got NAXIS = " + h.text("NAXIS") + ", BITPIX = " + h.text("BITPIX"));
            }
            String c1 = h.upper("CTYPE1", "");
            String c2 = h.upper("CTYPE2", "");
            if (!c1.equals("GLON-ZEA") || !c2.equals("GLAT-ZEA")) {
                throw new IllegalArgumentException(what + ": expected CTYPE1/2 = GLON-ZEA/GLAT-ZEA, got " + c1 + "/"
                        + c2);
            }
            double crval2 = h.real("CRVAL2");
            if (Math.abs(Math.abs(crval2) - 90) > 1e-9) {
                throw new IllegalArgumentException(what + ": only polar ZEA images (CRVAL2 = +-90) are supported, got"
                        + " CRVAL2 = " + crval2);
            }
            int pole = crval2 > 0 ? 1 : -1;
            double[] cd;
            if (h.has("CD1_1") || h.has("CD2_2")) {
                cd = new double[] {h.real("CD1_1", 0), h.real("CD1_2", 0), h.real("CD2_1", 0), h.real("CD2_2", 0)};
            } else {
                double d1 = h.real("CDELT1");
                double d2 = h.real("CDELT2");
                cd = new double[] {d1 * h.real("PC1_1", 1), d1 * h.real("PC1_2", 0), d2 * h.real("PC2_1", 0),
                    d2 * h.real("PC2_2", 1)};
            }
            if (cd[0] * cd[3] - cd[1] * cd[2] == 0) {
                throw new IllegalArgumentException(what + ": singular CD matrix");
            }
            int nx = h.integer("NAXIS1");
            int ny = h.integer("NAXIS2");
            long n = (long) nx * ny;
            if (h.dataStart() + 4 * n > fits.length) {
                throw new IllegalArgumentException(what + ": truncated data");
            }
            float[] v = new float[(int) n];
            ByteBuffer.wrap(fits, h.dataStart(), (int) (4 * n)).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(v);
            // C&G 2002: LONPOLE defaults to 0 when the reference point is the native pole at delta = +90, else 180
            double lonpole = h.real("LONPOLE", pole > 0 ? 0 : 180);
            return new ZeaImage(v, nx, ny, h.real("CRPIX1"), h.real("CRPIX2"), h.real("CRVAL1"), pole, lonpole, cd);
        }

        /** Bilinear value at Galactic (l, b), deg, from this hemisphere's image. */
        double interpolate(double lDeg, double bDeg) {
            double[] p = pixel(lDeg, bDeg);
            double x = p[0] - 1; // 0-based pixel-centre coordinates
            double y = p[1] - 1;
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            return (1 - fx) * (1 - fy) * at(x0, y0) + fx * (1 - fy) * at(x0 + 1, y0)
                    + (1 - fx) * fy * at(x0, y0 + 1) + fx * fy * at(x0 + 1, y0 + 1);
        }

        /** The 1-based FITS pixel coordinates of Galactic (l, b), deg (C&amp;G 2002 eqs. 5, 68 and 69). */
        double[] pixel(double lDeg, double bDeg) {
            // native spherical coordinates for a celestial pole at delta_p = +-90 (C&G eq. 5 special cases)
            double phi = pole > 0 ? lonpole + lDeg - crval1 - 180 : lonpole - lDeg + crval1;
            double theta = pole * bDeg;
            double r = Math.toDegrees(Math.sqrt(2 * (1 - Math.sin(Math.toRadians(theta)))));
            double xw = r * Math.sin(Math.toRadians(phi));
            double yw = -r * Math.cos(Math.toRadians(phi));
            return new double[] {crpix1 + i11 * xw + i12 * yw, crpix2 + i21 * xw + i22 * yw};
        }

        /** The pixel value, clamped to the image (positions just outside the disc edge take the edge value). */
        private double at(int x, int y) {
            int cx = Math.max(0, Math.min(nx - 1, x));
            int cy = Math.max(0, Math.min(ny - 1, y));
            return data[cy * nx + cx];
        }
    }
}
