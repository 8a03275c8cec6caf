package org.muwclass.core.physics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.muwclass.core.model.XrayBand;

/**
 * Photoelectric absorption of an X-ray power law in a CSC band (docs/algorithm.md §6.2): the ratio of the absorbed to
 * the unabsorbed energy flux, using the Wilms et al. (2000) tbabs cross-sections.
 *
 * <p>The absorbed energy flux density E^(1-Gamma) exp(-NH sigma(E)) is interpolated linearly between the tbabs grid
 * nodes and integrated exactly over the band (as scipy's {@code InterpolatedUnivariateSpline(k=1).integral}); the
 * unabsorbed integral is analytic. This reproduces the upstream {@code abs_Fcsc_*} tables, including their tiny
 * non-unity value at NH = 0. Instances are thread-safe; results are memoised per (band, NH, Gamma).
 */
public final class XrayAbsorption {

    /** Classpath location of the tbabs table: line 1 energies (keV), line 2 cross-sections (1e-22 cm2). */
    public static final String DEFAULT_RESOURCE = "/muwclass/tbabs.data";

    /** The photon index of the MUWCLASS AGN reddening model. */
    public static final double DEFAULT_PHOTON_INDEX = 2.0;

    private static final double CROSS_SECTION_UNIT_CM2 = 1e-22;

    /** Bound on remembered results; LOOCV needs one NH per training source and band. */
    private static final int CACHE_LIMIT = 200_000;

    private static volatile XrayAbsorption defaultInstance;

    private final double[] energyKeV;
    private final double[] sigma22;
    private final Map<Key, Double> cache = new ConcurrentHashMap<>();

    private record Key(double e1, double e2, double nh, double gamma) {
    }

    private XrayAbsorption(double[] energyKeV, double[] sigma22) {
        this.energyKeV = energyKeV;
        this.sigma22 = sigma22;
    }

    /** The tbabs table shipped with the application (read once, then shared). */
    public static XrayAbsorption loadDefault() {
        XrayAbsorption a = defaultInstance;
        if (a == null) {
            synchronized (XrayAbsorption.class) {
                a = defaultInstance;
                if (a == null) {
                    a = fromResource(DEFAULT_RESOURCE);
                    defaultInstance = a;
                }
            }
        }
        return a;
    }

    /**
     * Reads a tbabs table from the classpath.
     *
     * @throws IllegalArgumentException if the resource is missing or malformed
     */
    public static XrayAbsorption fromResource(String resource) {
        InputStream in = XrayAbsorption.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No such resource: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            double[] e = parseLine(r.readLine(), resource, 1);
            double[] s = parseLine(r.readLine(), resource, 2);
            return of(e, s);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + resource, ex);
        }
    }

    /**
     * A table from explicit arrays.
     *
     * @param energyKeV strictly increasing photon energies, keV
     * @param sigma22   cross-section per H atom at those energies, 1e-22 cm2
     */
    public static XrayAbsorption of(double[] energyKeV, double[] sigma22) {
        if (energyKeV.length != sigma22.length || energyKeV.length < 2) {
            throw new IllegalArgumentException("tbabs table needs two rows of equal length >= 2, got "
                    + energyKeV.length + " and " + sigma22.length);
        }
        for (int i = 1; i < energyKeV.length; i++) {
            if (!(energyKeV[i] > energyKeV[i - 1])) {
                throw new IllegalArgumentException("tbabs energies must increase strictly (at index " + i + ")");
            }
        }
        return new XrayAbsorption(energyKeV.clone(), sigma22.clone());
    }

    private static double[] parseLine(String line, String resource, int lineNo) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException(resource + ": line " + lineNo + " is missing");
        }
        String[] tok = line.trim().split("\\s+");
        double[] v = new double[tok.length];
        for (int i = 0; i < tok.length; i++) {
            try {
                v[i] = Double.parseDouble(tok[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(resource + ": line " + lineNo + ", value " + (i + 1)
                        + " '" + tok[i] + "' is not a number");
            }
        }
        return v;
    }

    /** Energy flux transmission for the Gamma = 2 power law used by MUWCLASS. */
    public double transmission(XrayBand band, double nhCm2) {
        return transmission(band, nhCm2, DEFAULT_PHOTON_INDEX);
    }

    /**
     * Energy flux transmission C(band, NH, Gamma): absorbed over unabsorbed band energy flux of a power law with
     * photon index {@code photonIndex}.
     *
     * @param band        CSC band (its edges must lie inside the tbabs grid)
     * @param nhCm2       hydrogen column density, cm^-2 (>= 0)
     * @param photonIndex power-law photon index Gamma (energy flux density E^(1-Gamma))
     */
    public double transmission(XrayBand band, double nhCm2, double photonIndex) {
        return transmission(band.eMinKeV(), band.eMaxKeV(), nhCm2, photonIndex);
    }

    /** As {@link #transmission(XrayBand, double, double)} for arbitrary band edges e1 < e2, keV. */
    public double transmission(double e1, double e2, double nhCm2, double photonIndex) {
        if (!(nhCm2 >= 0) || Double.isInfinite(nhCm2)) {
            throw new IllegalArgumentException("NH must be a finite value >= 0 cm^-2, got " + nhCm2);
        }
        if (!Double.isFinite(photonIndex)) {
            throw new IllegalArgumentException("photon index must be finite, got " + photonIndex);
        }
        if (!(e1 < e2) || e1 < energyKeV[0] || e2 > energyKeV[energyKeV.length - 1]) {
            throw new IllegalArgumentException("band [" + e1 + ", " + e2 + "] keV must lie inside the tbabs grid ["
                    + energyKeV[0] + ", " + energyKeV[energyKeV.length - 1] + "] keV");
        }
        Key key = new Key(e1, e2, nhCm2, photonIndex);
        Double cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        double c = absorbedIntegral(e1, e2, nhCm2, photonIndex) / powerLawIntegral(e1, e2, photonIndex);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, c);
        return c;
    }

    private double absorbed(int i, double nhCm2, double photonIndex) {
        return Math.pow(energyKeV[i], 1.0 - photonIndex) * Math.exp(-nhCm2 * sigma22[i] * CROSS_SECTION_UNIT_CM2);
    }

    /** Exact integral of the piecewise-linear interpolant of the absorbed spectrum over [e1, e2]. */
    private double absorbedIntegral(double e1, double e2, double nh, double gamma) {
        // k = first node strictly above e1; interval [k-1, k] contains e1
        int k = upperNode(e1);
        int m = upperNode(e2); // interval [m-1, m] contains e2 (m may be length when e2 equals the last node)
        if (m >= energyKeV.length) {
            m = energyKeV.length - 1;
        }
        double f1 = interpolate(k, e1, nh, gamma);
        double f2 = interpolate(m, e2, nh, gamma);
        if (k == m) {
            return 0.5 * (f1 + f2) * (e2 - e1);
        }
        double prevE = e1;
        double prevF = f1;
        double sum = 0;
        for (int i = k; i < m; i++) {
            double fi = absorbed(i, nh, gamma);
            sum += 0.5 * (prevF + fi) * (energyKeV[i] - prevE);
            prevE = energyKeV[i];
            prevF = fi;
        }
        sum += 0.5 * (prevF + f2) * (e2 - prevE);
        return sum;
    }

    private int upperNode(double e) {
        int pos = Arrays.binarySearch(energyKeV, e);
        return pos >= 0 ? pos + 1 : -pos - 1;
    }

    /** Linear interpolation of the absorbed spectrum at e inside the interval [k-1, k]. */
    private double interpolate(int k, double e, double nh, double gamma) {
        if (k == 0) {
            return absorbed(0, nh, gamma);
        }
        double fa = absorbed(k - 1, nh, gamma);
        double fb = absorbed(k, nh, gamma);
        double t = (e - energyKeV[k - 1]) / (energyKeV[k] - energyKeV[k - 1]);
        return fa + t * (fb - fa);
    }

    private static double powerLawIntegral(double e1, double e2, double gamma) {
        if (gamma == 2.0) {
            return Math.log(e2 / e1);
        }
        double p = 2.0 - gamma;
        return (Math.pow(e2, p) - Math.pow(e1, p)) / p;
    }
}
