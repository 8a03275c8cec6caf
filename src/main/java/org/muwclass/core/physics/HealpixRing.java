package org.muwclass.core.physics;

/**
 * HEALPix RING-scheme geometry (Gorski et al. 2005) and the bilinear interpolation weights of astropy-healpix
 * ({@code interpolate_weights} in {@code interpolation.c}): two neighbours on the ring of the containing pixel, two
 * on the adjacent ring towards the point, linear in longitude on each ring and in latitude between them.
 * Angles are radians: longitude in [0, 2 pi), latitude in [-pi/2, pi/2]. Immutable.
 */
final class HealpixRing {

    private final int nside;
    private final long npix;
    private final long ncap;

    HealpixRing(int nside) {
        if (nside < 1) {
            throw new IllegalArgumentException("NSIDE must be >= 1, got " + nside);
        }
        this.nside = nside;
        this.npix = 12L * nside * nside;
        this.ncap = 2L * nside * (nside - 1);
    }

    long npix() {
        return npix;
    }

    /** RING pixel index containing (lon, lat). */
    long pixel(double lon, double lat) {
        double z = Math.sin(lat);
        double za = Math.abs(z);
        double tt = normLon(lon) * 2.0 / Math.PI; // in [0, 4)
        if (za <= 2.0 / 3.0) {
            double temp1 = nside * (0.5 + tt);
            double temp2 = nside * z * 0.75;
            long jp = (long) (temp1 - temp2);
            long jm = (long) (temp1 + temp2);
            long ir = nside + 1 + jp - jm;
            long kshift = 1 - (ir & 1);
            long ip = (jp + jm - nside + kshift + 1) / 2;
            ip = Math.floorMod(ip, 4L * nside);
            return ncap + (ir - 1) * 4L * nside + ip;
        }
        double tp = tt - Math.floor(tt);
        double tmp = nside * Math.sqrt(3.0 * (1.0 - za));
        long jp = (long) (tp * tmp);
        long jm = (long) ((1.0 - tp) * tmp);
        long ir = jp + jm + 1;
        long ip = (long) (tt * ir);
        ip = Math.floorMod(ip, 4L * ir);
        return z > 0 ? 2L * ir * (ir - 1) + ip : npix - 2L * ir * (ir + 1) + ip;
    }

    /** 1-based ring number (1 .. 4 nside - 1) of a pixel. */
    int ringNumber(long pix) {
        if (pix < ncap) {
            return (int) ((1 + isqrt(1 + 2 * pix)) >> 1);
        } else if (pix < npix - ncap) {
            return (int) ((pix - ncap) / (4L * nside) + nside);
        }
        long ip = npix - pix;
        return (int) (4L * nside - ((1 + isqrt(2 * ip - 1)) >> 1));
    }

    /** 0-based position of a pixel within its ring, increasing with longitude. */
    int indexInRing(long pix) {
        return (int) (pix - firstPixel(ringNumber(pix)));
    }

    int pixelsInRing(int ring) {
        if (ring < nside) {
            return 4 * ring;
        } else if (ring <= 3 * nside) {
            return 4 * nside;
        }
        return 4 * (4 * nside - ring);
    }

    long firstPixel(int ring) {
        if (ring < nside) {
            return 2L * ring * (ring - 1);
        } else if (ring <= 3 * nside) {
            return ncap + (long) (ring - nside) * 4L * nside;
        }
        long r = 4L * nside - ring;
        return npix - 2L * r * (r + 1);
    }

    long compose(int ring, int indexInRing) {
        return firstPixel(ring) + indexInRing;
    }

    /** Latitude of the centres of a ring, radians. */
    double ringLatitude(int ring) {
        double z;
        if (ring < nside) {
            z = 1.0 - (double) ring * ring * 4.0 / npix;
        } else if (ring <= 3 * nside) {
            z = (2.0 * nside - ring) * 2.0 / (3.0 * nside);
        } else {
            double r = 4.0 * nside - ring;
            z = -1.0 + r * r * 4.0 / npix;
        }
        return Math.asin(z);
    }

    /** Longitude of a pixel centre, radians in [0, 2 pi). */
    double centreLongitude(long pix) {
        int ring = ringNumber(pix);
        int j = indexInRing(pix);
        if (ring < nside || ring > 3 * nside) {
            int r = ring < nside ? ring : 4 * nside - ring;
            return (j + 0.5) * Math.PI / (2.0 * r);
        }
        // equatorial rings alternate: the first pixel starts at longitude 0 or half a pixel further
        double offset = ((ring + nside) & 1) == 1 ? 0.0 : 0.5;
        return (j + offset) * Math.PI / (2.0 * nside);
    }

    /** Two pixels of one ring bracketing the longitude, ordered by (unwrapped) longitude. */
    private record RingPair(long pix1, long pix2, double lon1, double lon2, double lat) {
    }

    private RingPair ringNeighbours(double lon, double lat) {
        long p1 = pixel(lon, lat);
        double lon1 = unwrapNear(centreLongitude(p1), lon);
        int ring = ringNumber(p1);
        int idx = indexInRing(p1);
        int n = pixelsInRing(ring);
        long p2;
        if (lon < lon1) {
            p2 = idx == 0 ? p1 + n - 1 : p1 - 1;
        } else {
            p2 = idx == n - 1 ? p1 - n + 1 : p1 + 1;
        }
        double lon2 = unwrapNear(centreLongitude(p2), lon);
        double latRing = ringLatitude(ring);
        return lon1 > lon2 ? new RingPair(p2, p1, lon2, lon1, latRing) : new RingPair(p1, p2, lon1, lon2, latRing);
    }

    /**
     * The four RING pixels and weights of the bilinear interpolation at (lon, lat), as astropy-healpix computes them.
     *
     * @param pixels  output, length 4
     * @param weights output, length 4 (they sum to 1)
     */
    void interpolationWeights(double lon, double lat, long[] pixels, double[] weights) {
        double lonN = normLon(lon);
        RingPair a = ringNeighbours(lonN, lat);
        int ring = ringNumber(a.pix1);
        ring += lat > a.lat ? -1 : 1;
        if (ring == 0 || ring == 4 * nside) {
            // beyond the last ring: a virtual pole value, the mean of that ring's four pixels
            double pole = ring == 0 ? Math.PI / 2 : -Math.PI / 2;
            double xfrac = (lonN - a.lon1) / (a.lon2 - a.lon1);
            double yfrac = (lat - a.lat) / (pole - a.lat);
            long base = ring == 0 ? 0 : npix - 4;
            weights[0] = (1 - xfrac) * (1 - yfrac) + 0.25 * yfrac;
            weights[1] = xfrac * (1 - yfrac) + 0.25 * yfrac;
            weights[2] = 0.25 * yfrac;
            weights[3] = 0.25 * yfrac;
            pixels[0] = a.pix1;
            pixels[1] = a.pix2;
            pixels[2] = base + (a.pix1 - base + 2) % 4;
            pixels[3] = base + (a.pix2 - base + 2) % 4;
            return;
        }
        double latOther = ringLatitude(ring);
        double dlon = 0.1 * (a.lon2 - a.lon1);
        RingPair b = ringNeighbours(normLon(lonN + dlon), latOther);
        double lon3 = unwrapNear(b.lon1, lonN);
        double lon4 = unwrapNear(b.lon2, lonN);
        double xfrac1 = (lonN - a.lon1) / (a.lon2 - a.lon1);
        double xfrac2 = (lonN - lon3) / (lon4 - lon3);
        double yfrac = (lat - a.lat) / (b.lat - a.lat);
        weights[0] = (1 - xfrac1) * (1 - yfrac);
        weights[1] = xfrac1 * (1 - yfrac);
        weights[2] = (1 - xfrac2) * yfrac;
        weights[3] = xfrac2 * yfrac;
        pixels[0] = a.pix1;
        pixels[1] = a.pix2;
        pixels[2] = b.pix1;
        pixels[3] = b.pix2;
    }

    private static double unwrapNear(double value, double ref) {
        if (ref - value > Math.PI) {
            return value + 2 * Math.PI;
        }
        if (value - ref > Math.PI) {
            return value - 2 * Math.PI;
        }
        return value;
    }

    static double normLon(double lon) {
        double l = lon % (2 * Math.PI);
        return l < 0 ? l + 2 * Math.PI : l;
    }

    private static long isqrt(long v) {
        long r = (long) Math.sqrt((double) v);
        while (r * r > v) {
            r--;
        }
        while ((r + 1) * (r + 1) <= v) {
            r++;
        }
        return r;
    }
}
