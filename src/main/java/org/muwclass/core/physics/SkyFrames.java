package org.muwclass.core.physics;

/**
 * ICRS to Galactic conversion as astropy does it: the ICRS to FK5 J2000 B-matrix of USNO Circular 179 (astropy's
 * {@code _icrs_to_fk5_matrix}; it reproduces the astropy-based E(B-V) reference values of docs/algorithm.md §11.4, the
 * IERS frame bias does not in the Galactic plane), then the FK5 to Galactic rotation with the J2000 north Galactic pole
 * (192.8594812065348, 27.12825118085622) deg and the Galactic longitude of the north celestial pole 122.9319185680026
 * deg.
 */
public final class SkyFrames {

    private static final double ARCSEC = Math.PI / (180.0 * 3600.0);
    private static final double[][] ICRS_TO_GALACTIC = icrsToGalacticMatrix();

    private SkyFrames() {
    }

    /**
     * Galactic coordinates of an ICRS position.
     *
     * @param raDeg  right ascension, deg
     * @param decDeg declination, deg
     * @return {l, b} in deg, l in [0, 360)
     */
    public static double[] icrsToGalactic(double raDeg, double decDeg) {
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        double[] v = {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
        double[] g = multiply(ICRS_TO_GALACTIC, v);
        double l = Math.toDegrees(Math.atan2(g[1], g[0]));
        if (l < 0) {
            l += 360.0;
        }
        double b = Math.toDegrees(Math.atan2(g[2], Math.hypot(g[0], g[1])));
        return new double[] {l, b};
    }

    private static double[][] icrsToGalacticMatrix() {
        // ICRS -> FK5 B-matrix of USNO Circular 179, as astropy uses it: eta0 = -19.9, xi0 = 9.1, da0 = -22.9 mas
        double eta0 = -19.9e-3 * ARCSEC;
        double xi0 = 9.1e-3 * ARCSEC;
        double da0 = -22.9e-3 * ARCSEC;
        double[][] bias = multiply(rotX(-eta0), multiply(rotY(xi0), rotZ(da0)));
        double raNgp = Math.toRadians(192.8594812065348);
        double decNgp = Math.toRadians(27.12825118085622);
        double lon0 = Math.toRadians(122.9319185680026);
        double[][] fk5ToGal = multiply(rotZ(Math.PI - lon0), multiply(rotY(Math.PI / 2 - decNgp), rotZ(raNgp)));
        return multiply(fk5ToGal, bias);
    }

    // Rotations of the coordinate frame (passive), as ERFA and astropy's rotation_matrix define them.
    private static double[][] rotX(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{1, 0, 0}, {0, c, s}, {0, -s, c}};
    }

    private static double[][] rotY(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{c, 0, -s}, {0, 1, 0}, {s, 0, c}};
    }

    private static double[][] rotZ(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{c, s, 0}, {-s, c, 0}, {0, 0, 1}};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    private static double[] multiply(double[][] a, double[] v) {
        return new double[] {
            a[0][0] * v[0] + a[0][1] * v[1] + a[0][2] * v[2],
            a[1][0] * v[0] + a[1][1] * v[1] + a[1][2] * v[2],
            a[2][0] * v[0] + a[2][1] * v[1] + a[2][2] * v[2]};
    }
}
