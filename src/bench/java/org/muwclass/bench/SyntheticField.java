package org.muwclass.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.ExtinctionBins;
import org.muwclass.core.pipeline.EbvPolicy;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.physics.SkyFrames;
import org.muwclass.core.training.SourceTableReader;

/**
 * Writes a synthetic Galactic-plane field for the end-to-end benchmark: n TD rows drawn with replacement (seeded), with
 * their measurements and labels (True_Class) as published, placed uniformly in a square patch of the sky (default
 * centre RA 186.4, Dec -62.9 deg, near l = 300, b = 0; half-width 0.25 deg), named "SYN Jnnnn". E(B-V) then comes from
 * the dust map at those positions and spreads over many 0.025 mag bins. Columns: the TD.csv measurement columns.
 *
 * <p>Arguments: OUT.csv [n = 2000] [seed = 1] [raDeg] [decDeg] [halfWidthDeg].
 */
public final class SyntheticField {

    private static final String[] COLUMNS = {"Fs", "e_Fs", "Fm", "e_Fm", "Fh", "e_Fh", "P_intra", "P_inter", "Gmag",
        "e_Gmag", "BPmag", "e_BPmag", "RPmag", "e_RPmag", "Jmag", "e_Jmag", "Hmag", "e_Hmag", "Kmag", "e_Kmag",
        "W1mag", "e_W1mag", "W2mag", "e_W2mag", "W3mag", "e_W3mag", "True_Class"};

    private SyntheticField() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        double ra0 = args.length > 3 ? Double.parseDouble(args[3]) : 186.4;
        double dec0 = args.length > 4 ? Double.parseDouble(args[4]) : -62.9;
        double half = args.length > 5 ? Double.parseDouble(args[5]) : 0.25;
        CsvTable td = CsvTable.readResource("/muwclass/TD.csv");
        SplittableRandom rng = new SplittableRandom(seed);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("CSCv2_name,CSCv2_RA,CSCv2_DEC," + String.join(",", COLUMNS));
            for (int i = 0; i < n; i++) {
                int row = rng.nextInt(td.rowCount());
                double dec = dec0 + (2 * rng.nextDouble() - 1) * half;
                double ra = ra0 + (2 * rng.nextDouble() - 1) * half / Math.cos(Math.toRadians(dec0));
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "SYN J%04d,%.6f,%.6f", i, ra, dec));
                for (String c : COLUMNS) {
                    line.append(',').append(td.cell(row, c) == null ? "" : td.cell(row, c));
                }
                w.println(line);
            }
        }
        List<SourceMeasurements> s = SourceTableReader.readTargets(CsvTable.read(out));
        double[] ebv = EbvResolver.standard().resolve(s, EbvPolicy.DUST_MAP);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double e : ebv) {
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        double[] lb = SkyFrames.icrsToGalactic(ra0, dec0);
        System.out.printf(Locale.ROOT, "wrote %d sources to %s: centre l %.2f b %.2f, E(B-V) %.3f..%.3f mag in %d "
                + "bins of 0.025 mag%n", n, out, lb[0], lb[1], min, max, ExtinctionBins.group(ebv).size());
    }
}
