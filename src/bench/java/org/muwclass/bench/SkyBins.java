package org.muwclass.bench;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.muwclass.core.physics.DustMap;
import org.muwclass.core.physics.ExtinctionBins;

/**
 * How many 0.025 mag E(B-V) bins (tasks) a catalogue of N sources spread uniformly over the sky falls into, with the
 * shipped SFD map (docs/cluster.md estimates). Not a test: {@code java -cp ... org.muwclass.bench.SkyBins N}.
 */
public final class SkyBins {

    private SkyBins() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        DustMap map = DustMap.loadSfdLowRes();
        SplittableRandom rnd = new SplittableRandom(1);
        TreeMap<Integer, Integer> bins = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double ra = 360 * rnd.nextDouble();
            double dec = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
            bins.merge(ExtinctionBins.binOf(map.ebv(ra, dec)), 1, Integer::sum);
        }
        long small = bins.values().stream().filter(c -> c < 10).count();
        System.out.printf("N=%d uniform on the sky: %d occupied bins (%d with < 10 sources), E(B-V) up to %.2f mag;"
                + " sources in the 10 most populated bins: %d%n", n, bins.size(), small,
                (bins.lastKey() + 1) * ExtinctionBins.WIDTH_MAG,
                bins.values().stream().sorted((a, b) -> b - a).limit(10).mapToInt(Integer::intValue).sum());
    }
}
