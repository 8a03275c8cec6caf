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

    int nside() {
        return nside;
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

    /** The neighbour of {@code pix} on its ring towards {@code lon}, wrapping around the ring. */
    private long ringNeighbour(long pix, double lon, double lonPix) {
        int ring = ringNumber(pix);
        int idx = indexInRing(pix);
        int n = pixelsInRing(ring);
        if (lon < lonPix) {
            return idx == 0 ? pix + n - 1 : pix - 1;
        }
        return idx == n - 1 ? pix - n + 1 : pix + 1;
    }

    /**
     * The four RING pixels and weights of the bilinear interpolation at (lon, lat), as astropy-healpix computes them
     * ({@code interpolate_weights}): the containing pixel and its ring neighbour towards the point, then the pixel of
     * the adjacent ring (towards the point) under the point's longitude and its neighbour; within the polar caps'
     * last ring a virtual pole value (the mean of the four polar pixels) replaces the second ring.
     *
     * @param pixels  output, length 4
     * @param weights output, length 4 (they sum to 1)
     */
    void interpolationWeights(double lon, double lat, long[] pixels, double[] weights) {
        double lonN = normLon(lon);
        long p1 = pixel(lonN, lat);
        double lon1 = unwrapNear(centreLongitude(p1), lonN);
        double lat1 = ringLatitude(ringNumber(p1));
        long p2 = ringNeighbour(p1, lonN, lon1);
        double lon2 = unwrapNear(centreLongitude(p2), lonN);
        int ring = ringNumber(p1) + (lat > lat1 ? -1 : 1);
        double xfrac1 = (lonN - lon1) / (lon2 - lon1);
        pixels[0] = p1;
        pixels[1] = p2;
        if (ring > 0 && ring < 4 * nside) {
            int n = pixelsInRing(ring);
            double lonFrac = lonN * n / (2 * Math.PI);
            // astropy-healpix's parity rule for the half-pixel shift of equatorial rings (exact for even NSIDE)
            if (n == 4 * nside && ring % 2 == 1) {
                lonFrac += 0.5;
            }
            int idx = (int) lonFrac;
            if (idx == n) {
                idx -= 1;
            }
            long p3 = compose(ring, idx);
            double lon3 = unwrapNear(centreLongitude(p3), lonN);
            double lat3 = ringLatitude(ring);
            long p4 = ringNeighbour(p3, lonN, lon3);
            double lon4 = unwrapNear(centreLongitude(p4), lonN);
            double xfrac2 = (lonN - lon3) / (lon4 - lon3);
            double yfrac = (lat - lat1) / (lat3 - lat1);
            weights[0] = (1 - xfrac1) * (1 - yfrac);
            weights[1] = xfrac1 * (1 - yfrac);
            weights[2] = (1 - xfrac2) * yfrac;
            weights[3] = xfrac2 * yfrac;
            pixels[2] = p3;
            pixels[3] = p4;
            return;
        }
        double pole = ring == 0 ? Math.PI / 2 : -Math.PI / 2;
        long base = ring == 0 ? 0 : npix - 4;
        double yfrac = (lat - lat1) / (pole - lat1);
        weights[0] = (1 - xfrac1) * (1 - yfrac) + 0.25 * yfrac;
        weights[1] = xfrac1 * (1 - yfrac) + 0.25 * yfrac;
        weights[2] = 0.25 * yfrac;
        weights[3] = 0.25 * yfrac;
        pixels[2] = base + (p1 - base + 2) % 4;
        pixels[3] = base + (p2 - base + 2) % 4;
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
