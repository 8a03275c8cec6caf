package org.muwclass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.muwclass.core.learn.FastRandomForest;
import org.muwclass.core.learn.SyntheticClasses;

/** Tuning aid: CPU time of forest fits on the balanced TD matrix, one mode per argument (bins, 0 = exact). */
public final class ForestProfile {
    private ForestProfile() {
    }

    public static void main(String[] args) {
        SyntheticClasses train = BalancedTrainingSet.draw(1L, 1.0);
        int reps = Integer.getInteger("reps", 8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            for (String a : args) {
                int bins = Integer.parseInt(a);
                double[] cpu = new double[reps];
                long nodes = 0;
                for (int r = 0; r < reps; r++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    FastRandomForest.Model m = FastRandomForest.fit(train.x(), train.y(), 8,
                            FastRandomForest.Options.defaults().withSeed(r + 10).withMaxBins(bins));
                    cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                    nodes += m.totalNodeCount();
                }
                java.util.Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "round %d bins %3d: median cpu %.3f s, min %.3f s, nodes/tree %d %s%n",
                        round, bins, cpu[reps / 2], cpu[0], nodes / reps / 100, Bench.uptime());
            }
        }
    }
}
