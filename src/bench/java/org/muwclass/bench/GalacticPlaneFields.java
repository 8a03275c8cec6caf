package org.muwclass.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.physics.ExtinctionBins;
import org.muwclass.core.physics.SkyFrames;

/**
 * Writes the representative Galactic-plane benchmark input of issue 15 item 1: n TD-like sources in K fields along the
 * plane (|b| &lt; 2 deg, l from -70 to +70 deg) whose dust-map E(B-V) spread follows the real unidentified-source
 * fields (about 10% below 2.6 mag, median ~9 mag, tail to ~40 mag).
 *
 * <p>How: every candidate centre on a 0.5 deg x 0.25 deg (l, b) lattice is looked up in the shipped dust map
 * (0.86 x SFD, as the service's dust-map policy). Field k of K aims at quantile (k + 0.5) / K of the target
 * distribution (log-linear between the knots {@link #TARGET_Q} / {@link #TARGET_EBV}); the unused candidate nearest in
 * log E(B-V) is taken, ties broken by the seeded generator. Each field gets n / K sources (the remainder to the first
 * fields) placed uniformly in a disc of {@link #FIELD_RADIUS_DEG} (a Chandra ACIS field), so a field spans a few bins.
 * Sources are TD rows drawn with replacement, as {@link SyntheticField}: the training set's own joint feature
 * distribution per class, with the published label in True_Class. Everything depends on the seed only.
 *
 * <p>Arguments: OUT.csv [n = 2000] [fields = 32] [seed = 1]. Prints the field centres and the per-source E(B-V)
 * distribution (quantiles, fraction below 2.6 mag, number of 0.025 mag bins).
 */
public final class GalacticPlaneFields {

    /** Cumulative fractions of the target E(B-V) distribution's knots. */
    static final double[] TARGET_Q = {0.0, 0.10, 0.50, 0.90, 1.0};
    /** E(B-V) at the knots, mag (issue 15: 1.2 to 38 mag, 10% below 2.6 mag, median 9). */
    static final double[] TARGET_EBV = {1.2, 2.6, 9.0, 22.0, 38.0};
    /** Radius of one field, deg. */
    static final double FIELD_RADIUS_DEG = 0.1;

    private static final String[] COLUMNS = {"Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh", "P_intra", "P_inter", "Gmag",
        "e_Gmag", "BPmag", "e_BPmag", "RPmag", "e_RPmag", "Jmag", "e_Jmag", "Hmag", "e_Hmag", "Kmag", "e_Kmag",
        "W1mag", "e_W1mag", "W2mag", "e_W2mag", "W3mag", "e_W3mag", "True_Class"};

    private GalacticPlaneFields() {
    }

    /** A field centre, Galactic deg, and its dust-map E(B-V), mag. */
    record Centre(double l, double b, double ebv) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
        DustMap map = DustMap.loadSfdLowRes();
        SplittableRandom rng = new SplittableRandom(seed);
        List<Centre> centres = pickCentres(map, k, rng);
        CsvTable td = CsvTable.readResource("/muwclass/TD.csv");
        double[] ebv = new double[n];
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("CSCv2_name,CSCv2_RA,CSCv2_DEC,field," + String.join(",", COLUMNS));
            int i = 0;
            for (int f = 0; f < k; f++) {
                Centre c = centres.get(f);
                int members = n / k + (f < n % k ? 1 : 0);
                for (int j = 0; j < members; j++, i++) {
                    // uniform in a disc: r = R sqrt(u)
                    double r = FIELD_RADIUS_DEG * Math.sqrt(rng.nextDouble());
                    double phi = 2 * Math.PI * rng.nextDouble();
                    double l = c.l() + r * Math.cos(phi) / Math.cos(Math.toRadians(c.b()));
                    double b = c.b() + r * Math.sin(phi);
                    double[] radec = galacticToIcrs(l, b);
                    ebv[i] = map.ebv(radec[0], radec[1]);
                    int row = rng.nextInt(td.rowCount());
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "GPF J%04d,%.6f,%.6f,F%02d", i,
                            radec[0], radec[1], f));
                    for (String col : COLUMNS) {
                        String v = td.cell(row, col);
                        line.append(',').append(v == null ? "" : v);
                    }
                    w.println(line);
                }
            }
        }
        for (int f = 0; f < k; f++) {
            Centre c = centres.get(f);
            System.out.printf(Locale.ROOT, "field F%02d: l %7.2f b %5.2f, E(B-V) at centre %6.2f mag%n", f, c.l(),
                    c.b(), c.ebv());
        }
        System.out.println("wrote " + n + " sources in " + k + " fields to " + out + "; " + describe(ebv));
    }

    /** Field centres aiming at evenly spaced quantiles of the target distribution. */
    static List<Centre> pickCentres(DustMap map, int k, SplittableRandom rng) {
        List<Centre> candidates = new ArrayList<>();
        for (double l = -70; l <= 70 + 1e-9; l += 0.5) {
            for (double b = -1.75; b <= 1.75 + 1e-9; b += 0.25) {
                double[] radec = galacticToIcrs(l, b);
                candidates.add(new Centre(l, b, map.ebv(radec[0], radec[1])));
            }
        }
        boolean[] used = new boolean[candidates.size()];
        List<Centre> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            double target = Math.log(targetQuantile((f + 0.5) / k));
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            int offset = rng.nextInt(candidates.size()); // seeded tie-breaking: scan from a random start
            for (int i0 = 0; i0 < candidates.size(); i0++) {
                int i = (i0 + offset) % candidates.size();
                double e = candidates.get(i).ebv();
                if (used[i] || !(e > 0)) {
                    continue;
                }
                double d = Math.abs(Math.log(e) - target);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            used[best] = true;
            // keep neighbouring lattice points free too, so fields do not overlap
            for (int i = 0; i < candidates.size(); i++) {
                Centre c = candidates.get(i);
                Centre chosen = candidates.get(best);
                if (Math.abs(c.l() - chosen.l()) < 0.3 && Math.abs(c.b() - chosen.b()) < 0.3) {
                    used[i] = true;
                }
            }
            out.add(candidates.get(best));
        }
        return out;
    }

    /** Target E(B-V) at cumulative fraction q, log-linear between the knots, mag. */
    static double targetQuantile(double q) {
        for (int i = 1; i < TARGET_Q.length; i++) {
            if (q <= TARGET_Q[i]) {
                double t = (q - TARGET_Q[i - 1]) / (TARGET_Q[i] - TARGET_Q[i - 1]);
                return Math.exp(Math.log(TARGET_EBV[i - 1]) + t * Math.log(TARGET_EBV[i] / TARGET_EBV[i - 1]));
            }
        }
        return TARGET_EBV[TARGET_EBV.length - 1];
    }

    /** Summary of a per-source E(B-V) sample: quantiles, fraction below 2.6 mag, occupied 0.025 mag bins. */
    static String describe(double[] ebv) {
        double[] s = ebv.clone();
        Arrays.sort(s);
        long below = Arrays.stream(s).filter(e -> e < 2.6).count();
        return String.format(Locale.ROOT, "E(B-V) min %.2f, 10%% %.2f, 25%% %.2f, median %.2f, 75%% %.2f, 90%% %.2f, "
                        + "max %.2f mag; %.1f%% below 2.6 mag; %d bins of 0.025 mag", s[0], at(s, 0.1), at(s, 0.25),
                at(s, 0.5), at(s, 0.75), at(s, 0.9), s[s.length - 1], 100.0 * below / s.length,
                ExtinctionBins.group(ebv).size());
    }

    private static double at(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /**
     * Galactic (l, b) to ICRS (RA, Dec), deg, with the J2000 pole (RA 192.85948, Dec 27.12825) and l of the celestial
     * pole 122.93192 deg; checked against {@link SkyFrames#icrsToGalactic} to 1e-6 deg by the round trip in main.
     */
    static double[] galacticToIcrs(double lDeg, double bDeg) {
        double raP = Math.toRadians(192.85948);
        double decP = Math.toRadians(27.12825);
        double lNcp = Math.toRadians(122.93192);
        double l = Math.toRadians(lDeg);
        double b = Math.toRadians(bDeg);
        double sinDec = Math.sin(decP) * Math.sin(b) + Math.cos(decP) * Math.cos(b) * Math.cos(lNcp - l);
        double dec = Math.asin(sinDec);
        double y = Math.cos(b) * Math.sin(lNcp - l);
        double x = Math.cos(decP) * Math.sin(b) - Math.sin(decP) * Math.cos(b) * Math.cos(lNcp - l);
        double ra = raP + Math.atan2(y, x);
        double raDeg = Math.toDegrees(ra) % 360.0;
        if (raDeg < 0) {
            raDeg += 360.0;
        }
        double[] back = SkyFrames.icrsToGalactic(raDeg, Math.toDegrees(dec));
        double dl = Math.abs(((back[0] - lDeg) % 360 + 540) % 360 - 180);
        if (dl > 1e-4 || Math.abs(back[1] - bDeg) > 1e-4) {
            throw new IllegalStateException("Galactic round trip off by " + dl + ", " + (back[1] - bDeg) + " deg");
        }
        return new double[] {raDeg, Math.toDegrees(dec)};
    }
}
